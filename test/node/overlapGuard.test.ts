import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { useSandbox } from '../support/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox({ latencyMs: 300 });

// Deduplicate (default on) keys on the identifier alone: the same mobile under two sources, in two
// formats, is one customer, sent once (before, both were sent and both applied).
test('the same customer under two sources and two formats is sent once (dedupe on)', async () => {
	const mobile = DEMO.customer(1).mobile;
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [
			{ mobile, source: 'INSTORE' },
			{
				mobile: `+${mobile.slice(0, 2)} ${mobile.slice(2, 7)}-${mobile.slice(7)}`,
				source: 'WEBSITE',
			},
		],
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			source: '={{ $json.source }}',
			options: { batchSize: 1, parallelRequests: 2 },
		}),
	});
	expect(run.success).toHaveLength(2);
	expect(run.success[1].json).toMatchObject({
		duplicateOf: 0,
		source: 'INSTORE',
		identifierValueSent: mobile,
		earnedId: run.success[0].json.earnedId,
	});
	expect(sandbox.requests.filter((r) => r.bulkAction)).toHaveLength(1);
	expect(sandbox.ledger).toHaveLength(1);
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
