import { DEMO, startSandbox } from './index';
import { mulberry32 } from './latency/mulberry32';
import { bulkBody, customerIds, generateToken, postBulk } from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const L = 20;
const JITTER = 0.3;
const BULK_REQUESTS = 12;

const earn = (from: number): Record<string, unknown> =>
	bulkBody({ promotionId: DEMO.promotions.birthday.promotionId, values: customerIds(from, 1) });

/** Posts `count` bulk requests one after the other; each answers after its drawn latency. */
async function postSequentially(url: string, count: number, from = 0): Promise<number[]> {
	const elapsed: number[] = [];
	for (let k = 0; k < count; k++) {
		const started = performance.now();
		expect((await postBulk(url, earn(from + k))).status).toBe(200);
		elapsed.push(performance.now() - started);
	}
	return elapsed;
}

const bulkLatencies = (requests: readonly { path: string; latencyMs: number }[]) =>
	requests.filter((r) => r.path === ENDPOINTS.bulkEnrolAndEarn).map((r) => r.latencyMs);

describe('jittered latency of the bulk requests', () => {
	const sandbox = useSandbox({ latencyMs: L, latencyJitter: JITTER, latencySeed: 7 });

	it('draws each bulk latency within L ± jitter, and answers after it', async () => {
		const elapsed = await postSequentially(sandbox.url, BULK_REQUESTS);
		const drawn = bulkLatencies(sandbox.requests);
		expect(drawn).toHaveLength(BULK_REQUESTS);
		for (const [k, latency] of drawn.entries()) {
			expect(latency).toBeGreaterThanOrEqual(L * (1 - JITTER));
			expect(latency).toBeLessThanOrEqual(L * (1 + JITTER));
			expect(elapsed[k]).toBeGreaterThanOrEqual(latency - 1);
		}
		expect(new Set(drawn).size).toBe(BULK_REQUESTS);
	});

	it('gives the same sequence for the same seed, and follows mulberry32', async () => {
		await postSequentially(sandbox.url, BULK_REQUESTS);
		const first = bulkLatencies(sandbox.requests);
		const other = await startSandbox({ latencyMs: L, latencyJitter: JITTER, latencySeed: 7 });
		try {
			await postSequentially(other.url, BULK_REQUESTS, 100);
			expect(bulkLatencies(other.requests)).toEqual(first);
		} finally {
			await other.close();
		}
		const uniform = mulberry32(7);
		const expected = first.map(() => L * (1 + JITTER * (2 * uniform() - 1)));
		expect(first).toEqual(expected);
	});

	it('restarts the sequence on reset() and when the latency is set', async () => {
		await postSequentially(sandbox.url, 3);
		const first = bulkLatencies(sandbox.requests);
		sandbox.reset();
		await postSequentially(sandbox.url, 3);
		expect(bulkLatencies(sandbox.requests)).toEqual(first);
		sandbox.reset();
		await postSequentially(sandbox.url, 2);
		sandbox.setLatency(L);
		await postSequentially(sandbox.url, 3, 10);
		expect(bulkLatencies(sandbox.requests).slice(2)).toEqual(first);
	});

	it('gives the other requests plain L, without taking a draw', async () => {
		expect((await generateToken(sandbox.url)).status).toBe(200);
		await postSequentially(sandbox.url, 2);
		expect((await generateToken(sandbox.url)).status).toBe(200);
		await postSequentially(sandbox.url, 1, 2);
		const tokenLatencies = sandbox.requests
			.filter((r) => r.path === ENDPOINTS.sessionGenerate)
			.map((r) => r.latencyMs);
		expect(tokenLatencies).toEqual([L, L]);
		const withTokens = bulkLatencies(sandbox.requests);
		sandbox.reset();
		await postSequentially(sandbox.url, 3);
		expect(bulkLatencies(sandbox.requests)).toEqual(withTokens);
	});

	it('setLatency(ms, jitter) sets both; setLatency(ms) keeps the jitter; no jitter is plain L', async () => {
		sandbox.setLatency(10, 0);
		await postSequentially(sandbox.url, 3);
		expect(bulkLatencies(sandbox.requests)).toEqual([10, 10, 10]);
		sandbox.setLatency(5);
		await postSequentially(sandbox.url, 1, 3);
		expect(bulkLatencies(sandbox.requests)[3]).toBe(5);
		sandbox.setLatency(10, 0.5);
		await postSequentially(sandbox.url, 1, 4);
		expect(bulkLatencies(sandbox.requests)[4]).not.toBe(10);
		expect(() => sandbox.setLatency(10, 1.5)).toThrow(RangeError);
	});
});

describe('jittered latency options', () => {
	it('refuses a jitter outside 0..1 and a seed that is not an integer', async () => {
		await expect(startSandbox({ latencyJitter: -0.1 })).rejects.toThrow(RangeError);
		await expect(startSandbox({ latencySeed: 1.5 })).rejects.toThrow(RangeError);
	});
});
