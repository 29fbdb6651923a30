import { DEMO, startSandbox } from './index';
import {
	basicHeaders,
	bulkBody,
	call,
	customerIds,
	generateToken,
	getJson,
	oauthHeaders,
	postBulk,
} from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const earn = (count: number, from = 0): Record<string, unknown> =>
	bulkBody({
		promotionId: DEMO.promotions.goldDirect.promotionId,
		programId: 2714,
		values: customerIds(from, count),
	});
const CLIENT_TIMEOUT_MS = 300;

describe('injected faults', () => {
	const sandbox = useSandbox();

	it('status: answers the status, JSON body and Retry-After without applying, once', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 503,
			body: { errors: [{ code: 503, message: 'busy' }] },
			retryAfter: '2',
		});
		const faulted = await postBulk(sandbox.url, earn(3));
		expect(faulted.status).toBe(503);
		expect(faulted.headers.get('retry-after')).toBe('2');
		expect(faulted.json).toEqual({ errors: [{ code: 503, message: 'busy' }] });
		expect(faulted.requestId).toEqual(expect.any(String));
		expect(sandbox.ledger).toHaveLength(0);
		expect((await postBulk(sandbox.url, earn(3))).status).toBe(200);
		expect(sandbox.requests.map((request) => request.status)).toEqual([503, 200]);
	});

	it('status: sends a string body raw and no body as an empty one', async () => {
		sandbox.injectFault({ type: 'status', status: 502, body: '<html>Bad Gateway</html>' });
		sandbox.injectFault({ type: 'status', status: 429 });
		const html = await postBulk(sandbox.url, earn(1));
		expect(html.status).toBe(502);
		expect(html.text).toBe('<html>Bad Gateway</html>');
		expect(html.headers.get('content-type')).toContain('text/html');
		const empty = await postBulk(sandbox.url, earn(1));
		expect(empty.status).toBe(429);
		expect(empty.text).toBe('');
		expect(sandbox.ledger).toHaveLength(0);
	});

	it('status afterApplying: applies the customers, then answers the status', async () => {
		sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
		const answer = await postBulk(sandbox.url, earn(4));
		expect(answer.status).toBe(502);
		expect(sandbox.ledger).toHaveLength(4);
		expect(sandbox.ledger[0].requestId).toBe(answer.requestId);
	});

	it.each([
		[false, 0],
		[true, 2],
	])(
		'reset (afterApplying %s): the socket dies, the ledger holds %i entries',
		async (afterApplying, applied) => {
			sandbox.injectFault({ type: 'reset', afterApplying });
			await expect(postBulk(sandbox.url, earn(2))).rejects.toThrow();
			expect(sandbox.ledger).toHaveLength(applied);
			expect(sandbox.requests).toHaveLength(1);
			expect(sandbox.requests[0].status).toBeNull();
		},
	);

	it.each([
		[false, 0],
		[true, 3],
	])(
		'hang (afterApplying %s): no answer before the client times out, the ledger holds %i entries',
		async (afterApplying, applied) => {
			sandbox.injectFault({ type: 'hang', afterApplying });
			await expect(
				postBulk(sandbox.url, earn(3), basicHeaders(), AbortSignal.timeout(CLIENT_TIMEOUT_MS)),
			).rejects.toThrow();
			expect(sandbox.ledger).toHaveLength(applied);
			expect(sandbox.requests[0].status).toBeNull();
			expect((await postBulk(sandbox.url, earn(1, 50))).status).toBe(200);
		},
	);

	it('malformed: applies, then answers 200 with invalid JSON', async () => {
		sandbox.injectFault({ type: 'malformed' });
		const answer = await postBulk(sandbox.url, earn(2));
		expect(answer.status).toBe(200);
		expect(answer.requestId).toEqual(expect.any(String));
		expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
		expect(sandbox.ledger).toHaveLength(2);
	});

	it('short: applies, then drops the last entries of response[]', async () => {
		sandbox.injectFault({ type: 'short', drop: 2 });
		const answer = await postBulk(sandbox.url, earn(5));
		expect(answer.status).toBe(200);
		expect(answer.json.response).toHaveLength(3);
		expect(answer.json.totalCount).toBe(5);
		expect(sandbox.ledger).toHaveLength(5);
	});

	it("nulls: applies, then answers with null for empty lists, a failed entry's result and missing ids", async () => {
		sandbox.injectFault({ type: 'nulls' });
		const { programId, promotionId } = DEMO.promotions.goldEnrol;
		const answer = await postBulk(
			sandbox.url,
			bulkBody({
				bulkAction: 'ENROL',
				programId,
				promotionId,
				values: [...customerIds(0, 1), '999999999'],
			}),
		);
		const [applied, failed] = answer.json.response as unknown as Array<Record<string, unknown>>;
		expect(applied).toMatchObject({
			errors: null,
			warnings: null,
			result: { issualId: expect.any(String), earnedId: null },
		});
		expect(failed).toMatchObject({
			result: null,
			errors: [expect.objectContaining({ code: 8015 })],
			warnings: null,
		});
		expect(sandbox.ledger).toHaveLength(1);
	});

	it('expireToken: expires every token before the request, which gets 401', async () => {
		const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
		sandbox.injectFault({ type: 'expireToken' });
		const answer = await postBulk(sandbox.url, earn(1), oauthHeaders(token));
		expect(answer.status).toBe(401);
		expect(sandbox.ledger).toHaveLength(0);
		expect((await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(token))).status).toBe(401);
		const fresh = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
		expect((await postBulk(sandbox.url, earn(1), oauthHeaders(fresh))).status).toBe(200);
	});

	it('latency: delays that one request past the client timeout, after applying it', async () => {
		sandbox.injectFault({ type: 'latency', ms: 5000 });
		await expect(
			postBulk(sandbox.url, earn(2), basicHeaders(), AbortSignal.timeout(CLIENT_TIMEOUT_MS)),
		).rejects.toThrow();
		expect(sandbox.ledger).toHaveLength(2);
		expect(
			(await postBulk(sandbox.url, earn(1, 50), basicHeaders(), AbortSignal.timeout(5000))).status,
		).toBe(200);
	});

	it('setLatency: delays every answer until set back', async () => {
		sandbox.setLatency(5000);
		await expect(
			postBulk(sandbox.url, earn(1), basicHeaders(), AbortSignal.timeout(CLIENT_TIMEOUT_MS)),
		).rejects.toThrow();
		const programs = call(sandbox.url + ENDPOINTS.programs, {
			headers: basicHeaders(),
			signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
		});
		await expect(programs).rejects.toThrow();
		sandbox.setLatency(0);
		expect((await getJson(sandbox.url, ENDPOINTS.programs)).status).toBe(200);
		expect(sandbox.ledger).toHaveLength(1);
	});

	it.each(['json', 'html'] as const)(
		"echoRequest (%s): answers the status with the request's credentials raw, base64 and URL-encoded, without applying",
		async (format) => {
			const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			sandbox.injectFault({ type: 'echoRequest', status: 401, format });
			sandbox.injectFault({
				type: 'echoRequest',
				status: 500,
				format,
				path: ENDPOINTS.sessionGenerate,
			});
			const headers = { ...oauthHeaders(token), Authorization: DEMO.basic.header };
			const answer = await postBulk(sandbox.url, earn(1), headers);
			expect(answer.status).toBe(401);
			expect(answer.headers.get('content-type')).toContain(
				format === 'json' ? 'application/json' : 'text/html',
			);
			for (const value of [token, DEMO.basic.header]) {
				for (const form of [
					value,
					Buffer.from(value).toString('base64'),
					encodeURIComponent(value),
				])
					expect(answer.text).toContain(form);
			}
			if (format === 'json')
				expect(
					(answer.json as unknown as { errors: Array<{ message: string }> }).errors[0].message,
				).toContain(token);
			expect(sandbox.ledger).toHaveLength(0);
			const tokenAnswer = await generateToken(sandbox.url);
			expect(tokenAnswer.status).toBe(500);
			expect(tokenAnswer.text).toContain(DEMO.oauth.clientSecret);
		},
	);

	it('drip afterApplying: applies, sends the headers at once, then a space per interval, then the answer', async () => {
		sandbox.injectFault({ type: 'drip', intervalMs: 20, bytes: 10, afterApplying: true });
		const started = Date.now();
		const answer = await postBulk(sandbox.url, earn(2));
		expect(Date.now() - started).toBeGreaterThanOrEqual(10 * 20 - 20);
		expect(answer.status).toBe(200);
		expect(answer.text.startsWith(' '.repeat(10) + '{')).toBe(true);
		expect(answer.json.response).toHaveLength(2);
		expect(sandbox.ledger).toHaveLength(2);
		expect(sandbox.requests[0].status).toBe(200);
	});

	it('drip: without afterApplying, nothing is applied and the answer is a 503', async () => {
		sandbox.injectFault({ type: 'drip', intervalMs: 5, bytes: 3 });
		const answer = await postBulk(sandbox.url, earn(2));
		expect(answer.status).toBe(503);
		expect(answer.json).toEqual({
			errors: [{ status: false, code: 503, message: 'Service unavailable' }],
		});
		expect(sandbox.ledger).toHaveLength(0);
	});

	it('drip forever: the headers come, the body never ends; the client may leave', async () => {
		sandbox.injectFault({ type: 'drip', intervalMs: 10, forever: true, afterApplying: true });
		const controller = new AbortController();
		const response = await fetch(sandbox.url + ENDPOINTS.bulkEnrolAndEarn, {
			method: 'POST',
			headers: basicHeaders(),
			body: JSON.stringify(earn(1)),
			signal: controller.signal,
		});
		expect(response.status).toBe(200);
		const reader = response.body!.getReader();
		let received = 0;
		while (received < 30) received += (await reader.read()).value?.length ?? 0;
		controller.abort();
		expect(sandbox.ledger).toHaveLength(1);
		expect(sandbox.requests[0].status).toBeNull();
		expect((await postBulk(sandbox.url, earn(1, 50))).status).toBe(200);
	});

	it('refuses a drip without a positive interval', () => {
		expect(() => sandbox.injectFault({ type: 'drip', intervalMs: 0, forever: true })).toThrow(
			RangeError,
		);
	});

	it('targets another path when the fault names one', async () => {
		sandbox.injectFault({ type: 'status', status: 500, path: ENDPOINTS.programs });
		expect((await postBulk(sandbox.url, earn(1))).status).toBe(200);
		expect((await getJson(sandbox.url, ENDPOINTS.programs)).status).toBe(500);
		expect((await getJson(sandbox.url, ENDPOINTS.programs)).status).toBe(200);
	});

	it('applies a fault `times` times, and queued faults in FIFO order', async () => {
		sandbox.injectFault({ type: 'status', status: 503, times: 2 });
		sandbox.injectFault({ type: 'status', status: 429 });
		const statuses: number[] = [];
		for (let i = 0; i < 4; i += 1) statuses.push((await postBulk(sandbox.url, earn(1, i))).status);
		expect(statuses).toEqual([503, 503, 429, 200]);
	});

	it('refuses a fault with a non-positive times', () => {
		expect(() => sandbox.injectFault({ type: 'malformed', times: 0 })).toThrow(RangeError);
	});

	it('reset() drops queued faults and returns to the seed', async () => {
		await postBulk(
			sandbox.url,
			bulkBody({
				bulkAction: 'ENROL',
				promotionId: DEMO.promotions.welcome.promotionId,
				values: customerIds(0, 1),
			}),
		);
		sandbox.injectFault({ type: 'status', status: 503 });
		sandbox.setLatency(5000);
		sandbox.reset();
		expect(sandbox.ledger).toHaveLength(0);
		expect(sandbox.requests).toHaveLength(0);
		const earnWelcome = await postBulk(
			sandbox.url,
			bulkBody({ promotionId: DEMO.promotions.welcome.promotionId, values: customerIds(0, 1) }),
			basicHeaders(),
			AbortSignal.timeout(5000),
		);
		expect(earnWelcome.status).toBe(201);
		expect(earnWelcome.json.response[0].errors[0].code).toBe(8896);
	});
});

describe('close()', () => {
	it('ends hanging requests', async () => {
		const sandbox = await startSandbox();
		sandbox.injectFault({ type: 'hang', afterApplying: false });
		const pending = postBulk(sandbox.url, earn(1));
		const settled = pending.then(
			() => 'answered',
			() => 'failed',
		);
		while (sandbox.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
		await sandbox.close();
		expect(await settled).toBe('failed');
	});

	it('ends a drip that never ends', async () => {
		const sandbox = await startSandbox();
		sandbox.injectFault({ type: 'drip', intervalMs: 10, forever: true });
		const pending = postBulk(sandbox.url, earn(1));
		const settled = pending.then(
			() => 'answered',
			() => 'failed',
		);
		while (sandbox.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setTimeout(resolve, 50));
		await sandbox.close();
		expect(await settled).toBe('failed');
	});
});
