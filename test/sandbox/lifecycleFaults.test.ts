/**
 * Injected faults on the revoke and lookup paths: the existing faults, aimed with `path`, and the
 * lookup faults verification needs (slow: latency, drip, hang; 5xx: status; malformed body:
 * malformed, strip).
 */
import { DEMO } from './index';
import {
	basicHeaders,
	bulkBody,
	customerIds,
	getPromotionData,
	postBulk,
	postRevoke,
} from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const { goldDirect } = DEMO.promotions;
const LOOKUP = ENDPOINTS.customerPromotionData;
const REVOKE = ENDPOINTS.bulkRevokeEnrolAndEarn;
const CLIENT_TIMEOUT_MS = 300;
const [id] = customerIds(0, 1);
const lookupQuery = { identifierValue: id, programs: '2714' };
const revokeAll = (values: string[]) => ({
	type: 'CUSTOMER',
	bulkAction: 'REVOKE_EARN',
	promotionDetails: { programId: 2714, promotionId: String(goldDirect.promotionId) },
	identifierName: 'id',
	customers: values.map((identifierValue) => ({ identifierValue, source: 'instore' })),
});

describe('faults on revokeEnrolAndEarn and promotionData', () => {
	const sandbox = useSandbox();
	const earn = (values: string[]) => postBulk(sandbox.url, bulkBody({ ...goldDirect, values }));
	const revokes = () => sandbox.ledger.filter((entry) => entry.action === 'REVOKE_EARN');

	it('a fault without a path stays on enrolAndEarn; one with a path hits only that path', async () => {
		sandbox.injectFault({ type: 'status', status: 503 });
		sandbox.injectFault({ type: 'status', status: 500, path: LOOKUP });
		sandbox.injectFault({ type: 'status', status: 502, path: REVOKE });
		expect((await getPromotionData(sandbox.url, lookupQuery)).status).toBe(500);
		expect((await getPromotionData(sandbox.url, lookupQuery)).status).toBe(200);
		expect((await postRevoke(sandbox.url, revokeAll([id]))).status).toBe(502);
		expect((await postRevoke(sandbox.url, revokeAll([id]))).status).toBe(201); // 2305: nothing issued
		expect((await earn([id])).status).toBe(503);
		expect(sandbox.ledger).toHaveLength(0);
	});

	it('lookup 5xx: the status with its body, `times` times', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 503,
			body: '<html>Service Unavailable</html>',
			path: LOOKUP,
			times: 2,
		});
		for (let i = 0; i < 2; i += 1) {
			const answer = await getPromotionData(sandbox.url, lookupQuery);
			expect(answer.status).toBe(503);
			expect(answer.text).toBe('<html>Service Unavailable</html>');
		}
		expect((await getPromotionData(sandbox.url, lookupQuery)).json.customerId).toBe(Number(id));
	});

	it('slow lookup: latency past the client timeout, hang, and a drip a patient client reads', async () => {
		sandbox.injectFault({ type: 'latency', ms: 5000, path: LOOKUP });
		sandbox.injectFault({ type: 'hang', afterApplying: false, path: LOOKUP });
		for (let i = 0; i < 2; i += 1)
			await expect(
				getPromotionData(
					sandbox.url,
					lookupQuery,
					basicHeaders(),
					AbortSignal.timeout(CLIENT_TIMEOUT_MS),
				),
			).rejects.toThrow();
		sandbox.injectFault({
			type: 'drip',
			intervalMs: 10,
			bytes: 5,
			afterApplying: true,
			path: LOOKUP,
		});
		const dripped = await getPromotionData(sandbox.url, lookupQuery);
		expect(dripped.status).toBe(200);
		expect(dripped.text.startsWith('     {')).toBe(true);
		expect(dripped.json.customerId).toBe(Number(id));
	});

	it('malformed lookup: 200 with the lookup answer cut off halfway', async () => {
		await earn([id]);
		sandbox.injectFault({ type: 'malformed', path: LOOKUP });
		const answer = await getPromotionData(sandbox.url, lookupQuery);
		expect(answer.status).toBe(200);
		expect(answer.text.startsWith('{"pageDetails":{')).toBe(true);
		expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
		const whole = await getPromotionData(sandbox.url, lookupQuery);
		expect(whole.text.startsWith(answer.text)).toBe(true);
	});

	it('strip: the lookup answer without its timelines, or without the issue dates', async () => {
		const [earned] = (await earn([id])).json.response;
		sandbox.injectFault({ type: 'strip', fields: ['customerPromotionTimelines'], path: LOOKUP });
		sandbox.injectFault({ type: 'strip', fields: ['issualDate', 'enrollmentDate'], path: LOOKUP });
		const noTimelines = await getPromotionData(sandbox.url, lookupQuery);
		expect(noTimelines.status).toBe(200);
		for (const promotion of noTimelines.json.promotions)
			expect(promotion).not.toHaveProperty('customerPromotionTimelines');
		const noDates = await getPromotionData(sandbox.url, lookupQuery);
		const direct = noDates.json.promotions.find((p) => p.promotionId === goldDirect.promotionId);
		const [timeline] = direct?.customerPromotionTimelines ?? [];
		expect(timeline).not.toHaveProperty('enrollmentDate');
		expect(timeline.issuedDetails).toEqual([
			{
				issualId: Number(earned.result?.earnedId),
				issualExpiryDate: expect.any(String),
				issualEventLogId: expect.any(Number),
				redeemedCount: 0,
			},
		]);
	});

	it('strip on the revoke path: revokes, then answers without revokedEarnIds', async () => {
		await earn([id]);
		sandbox.injectFault({ type: 'strip', fields: ['revokedEarnIds'], path: REVOKE });
		const answer = await postRevoke(sandbox.url, revokeAll([id]));
		expect(answer.status).toBe(200);
		expect(answer.json.response[0].result).not.toHaveProperty('revokedEarnIds');
		expect(revokes()).toHaveLength(1);
	});

	it('refuses a strip fault without fields', () => {
		expect(() => sandbox.injectFault({ type: 'strip', fields: [], path: LOOKUP })).toThrow(
			RangeError,
		);
	});

	it.each([
		[false, 0],
		[true, 2],
	])(
		'revoke, status 502 (afterApplying %s): the ledger holds %i revokes',
		async (afterApplying, count) => {
			const values = customerIds(10, 2);
			await earn(values);
			sandbox.injectFault({ type: 'status', status: 502, afterApplying, path: REVOKE });
			const answer = await postRevoke(sandbox.url, revokeAll(values));
			expect(answer.status).toBe(502);
			expect(revokes()).toHaveLength(count);
			if (count > 0) expect(revokes()[0].requestId).toBe(answer.requestId);
		},
	);

	it.each([
		[false, 0],
		[true, 2],
	])(
		'revoke, reset (afterApplying %s): no answer, the ledger holds %i revokes',
		async (afterApplying, count) => {
			const values = customerIds(20, 2);
			await earn(values);
			sandbox.injectFault({ type: 'reset', afterApplying, path: REVOKE });
			await expect(postRevoke(sandbox.url, revokeAll(values))).rejects.toThrow();
			expect(revokes()).toHaveLength(count);
			expect(sandbox.requests.at(-1)).toMatchObject({
				path: REVOKE,
				status: null,
				bulkAction: 'REVOKE_EARN',
			});
		},
	);

	it('revoke, malformed and short: applied, then a broken or short answer', async () => {
		const values = customerIds(30, 3);
		await earn(values);
		sandbox.injectFault({ type: 'malformed', path: REVOKE });
		const malformed = await postRevoke(sandbox.url, revokeAll(values.slice(0, 1)));
		expect(malformed.status).toBe(200);
		expect(() => JSON.parse(malformed.text)).toThrow(SyntaxError);
		sandbox.injectFault({ type: 'short', drop: 1, path: REVOKE });
		const short = await postRevoke(sandbox.url, revokeAll(values.slice(1)));
		expect(short.json.response).toHaveLength(1);
		expect(short.json.totalCount).toBe(2);
		expect(revokes()).toHaveLength(3);
	});
});
