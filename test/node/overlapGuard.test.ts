import { promotionParameters, runCapillary, sandboxCredentials } from '../engine/capillaryWorkflow';
import { useSandbox } from '../engine/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox({ latencyMs: 300 });

// Deduplicate (default on) keys on value + source; the in-flight guard keys on value only. With
// deduplicate on the guard is skipped, so the same mobile under two sources is in flight twice.
test('the same customer under two sources is never in two requests in flight at once (dedupe on)', async () => {
	const mobile = DEMO.customer(1).mobile;
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [
			{ mobile, source: 'INSTORE' },
			{ mobile, source: 'WEBSITE' },
		],
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			source: '={{ $json.source }}',
			options: { batchSize: 1, parallelRequests: 2 },
		}),
	});
	expect(run.success.length + run.failed.length).toBe(2);
	const bulk = sandbox.requests.filter((r) => r.bulkAction);
	expect(bulk).toHaveLength(2);
	// The second request may arrive only after the first was answered (300 ms latency).
	expect(bulk[1].at - bulk[0].at).toBeGreaterThanOrEqual(250);
});

test('control: with deduplicate off the guard serialises the same two items', async () => {
	const mobile = DEMO.customer(1).mobile;
	await runCapillary(sandboxCredentials(sandbox), {
		items: [
			{ mobile, source: 'INSTORE' },
			{ mobile, source: 'WEBSITE' },
		],
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			source: '={{ $json.source }}',
			options: { batchSize: 1, parallelRequests: 2, deduplicate: false },
		}),
	});
	const bulk = sandbox.requests.filter((r) => r.bulkAction);
	expect(bulk[1].at - bulk[0].at).toBeGreaterThanOrEqual(250);
});
