import { DEMO } from '../sandbox';
import { useSandbox } from '../engine/useSandbox';
import { promotionParameters, runCapillary, sandboxCredentials } from '../engine/capillaryWorkflow';
import { mobileItems, errorOf } from '../engine/items';

const sandbox = useSandbox();

const parameters = (options = {}) => promotionParameters('enrolAndEarn', DEMO.promotions.welcome, 'mobile', { options });

test('an enrolment whose outcome is unknown is reported enrolled: null, and not issued', async () => {
	sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
	const run = await runCapillary(sandboxCredentials(sandbox), { items: mobileItems(0, 2), parameters: parameters({ maxRetries: 0 }) });
	expect(run.failed.map((i) => i.json.enrolled)).toEqual([null, null]);
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown', 'unknown']);
	expect(sandbox.ledger.map((e) => e.action)).toEqual(['ENROL', 'ENROL']);
});

test('a certainly failed enrolment is enrolled: false', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), { items: [{ mobile: DEMO.unknownCustomer.mobile }], parameters: parameters() });
	expect(run.failed[0].json).toMatchObject({ enrolled: false, error: { code: 8015, outcome: 'not_applied' } });
});

test('a fatal failure on the issue step after enrolments never throws, even with Stop Workflow', async () => {
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({ type: 'status', status: 403, body: { errors: [{ code: 403, message: 'no write access' }] } });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(10, 4),
		parameters: parameters({ batchSize: 2 }),
		onError: 'stopWorkflow',
	});
	expect(run.error).toBeUndefined();
	expect(run.success).toEqual([]);
	expect(run.failed.map((i) => i.json.enrolled)).toEqual([true, true, false, false]);
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown', 'unknown', 'not_applied', 'not_applied']);
	expect(run.failed[0].json.issualId).toEqual(expect.any(String));
	expect(String(errorOf(run.failed[2]).message)).toMatch(/^Not sent, because the run stopped/);
});

test('with parallel requests, a fatal failure keeps the batches already in flight and sends no more', async () => {
	sandbox.setLatency(30);
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({ type: 'status', status: 400, body: { errors: [{ code: 400, message: 'bad' }] } });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(20, 16),
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', { options: { batchSize: 2, parallelRequests: 3 } }),
		onError: 'continueRegularOutput',
	});
	const bulk = sandbox.requests.filter((r) => r.bulkAction);
	expect(bulk.length).toBeGreaterThanOrEqual(2);
	expect(bulk.length).toBeLessThanOrEqual(4);
	expect(run.success.length + run.failed.length).toBe(16);
	expect(run.success.length).toBe(sandbox.ledger.length);
	const notSent = run.failed.filter((i) => String(errorOf(i).message).startsWith('Not sent'));
	expect(notSent.length).toBe(16 - 2 * bulk.length);
});
