import { DEMO } from './index';
import {
	basicHeaders,
	bulkBody,
	call,
	customerIds,
	generateToken,
	getJson,
	postBulk,
} from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const BATCH_LIMIT_BODY = {
	errors: [{ status: false, code: 1060, message: 'Batch limit size exceeded' }],
};
const birthdayEarn = (count: number): Record<string, unknown> =>
	bulkBody({ promotionId: DEMO.promotions.birthday.promotionId, values: customerIds(0, count) });

describe('request-level answers', () => {
	const sandbox = useSandbox();

	it('accepts exactly 100 customers', async () => {
		const answer = await postBulk(sandbox.url, birthdayEarn(100));
		expect(answer.status).toBe(200);
		expect(answer.json.response).toHaveLength(100);
		expect(sandbox.ledger).toHaveLength(100);
	});

	it('refuses 101 customers with 1060 and applies none', async () => {
		const answer = await postBulk(sandbox.url, birthdayEarn(101));
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual(BATCH_LIMIT_BODY);
		expect(sandbox.ledger).toHaveLength(0);
		expect(sandbox.requests[0]).toMatchObject({
			status: 400,
			customerCount: 101,
			bulkAction: 'EARN',
		});
	});

	it('answers 415 to a POST that is not application/json', async () => {
		const answer = await call(sandbox.url + ENDPOINTS.bulkEnrolAndEarn, {
			method: 'POST',
			headers: { ...basicHeaders(), 'Content-Type': 'text/plain' },
			body: JSON.stringify(birthdayEarn(1)),
		});
		expect(answer.status).toBe(415);
		expect(answer.json).toEqual({
			errors: [{ status: false, code: 415, message: expect.any(String) }],
		});
		expect(sandbox.ledger).toHaveLength(0);
	});

	it('accepts application/json with a charset', async () => {
		const answer = await call(sandbox.url + ENDPOINTS.bulkEnrolAndEarn, {
			method: 'POST',
			headers: { ...basicHeaders(), 'Content-Type': 'application/json; charset=utf-8' },
			body: JSON.stringify(birthdayEarn(1)),
		});
		expect(answer.status).toBe(200);
	});

	it('answers 400 to unparsable JSON', async () => {
		const answer = await call(sandbox.url + ENDPOINTS.bulkEnrolAndEarn, {
			method: 'POST',
			headers: basicHeaders(),
			body: '{"type":"CUSTOMER",',
		});
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({
			errors: [{ status: false, code: 400, message: expect.any(String) }],
		});
	});

	it.each([
		['a JSON array', []],
		['no customers', { ...birthdayEarn(1), customers: [] }],
		['customers that are not an array', { ...birthdayEarn(1), customers: 'x' }],
	])('answers 400 to %s', async (_label, body) => {
		const answer = await postBulk(sandbox.url, body);
		expect(answer.status).toBe(400);
		expect(sandbox.ledger).toHaveLength(0);
	});

	it('answers 404 JSON to an unknown path and 405 to a wrong method', async () => {
		const missing = await getJson(sandbox.url, '/v2/nothing/here');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({
			errors: [{ status: false, code: 404, message: 'Resource not found' }],
		});
		const wrongMethod = await getJson(sandbox.url, ENDPOINTS.bulkEnrolAndEarn);
		expect(wrongMethod.status).toBe(405);
	});

	it('puts a unique X-Cap-Requestid on every response and records it', async () => {
		const answers = [
			await postBulk(sandbox.url, birthdayEarn(2)),
			await postBulk(sandbox.url, birthdayEarn(101)),
			await getJson(sandbox.url, ENDPOINTS.programs, {}),
			await getJson(sandbox.url, '/unknown'),
			await generateToken(sandbox.url),
			await generateToken(sandbox.url, 'bad', 'bad'),
			await call(sandbox.url + ENDPOINTS.bulkEnrolAndEarn, {
				method: 'POST',
				headers: basicHeaders(),
				body: '{',
			}),
		];
		const ids = answers.map((answer) => answer.requestId);
		expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		expect(sandbox.requests.map((request) => request.requestId)).toEqual(ids);
		expect(sandbox.requests.map((request) => request.status)).toEqual(
			answers.map((answer) => answer.status),
		);
		expect(sandbox.ledger.every((entry) => entry.requestId === ids[0])).toBe(true);
	});
});

describe('a lowered batchLimit', () => {
	const sandbox = useSandbox({ batchLimit: 10 }, { resetAfterEach: false });

	it('accepts 10 customers and refuses 11 with 1060', async () => {
		expect((await postBulk(sandbox.url, birthdayEarn(10))).status).toBe(200);
		const refused = await postBulk(sandbox.url, birthdayEarn(11));
		expect(refused.status).toBe(400);
		expect(refused.json).toEqual(BATCH_LIMIT_BODY);
		expect(sandbox.ledger).toHaveLength(10);
	});
});
