import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { useSandbox } from '../support/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox();

// A batch that already left its worker but still waits for the rate limiter is not "in flight":
// once another batch stopped the run (403), it must not be sent.
test('no batch leaves the pacer after a fatal failure', async () => {
	sandbox.injectFault({ type: 'status', status: 403 });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [1, 2, 3].map((k) => ({ mobile: DEMO.customer(k).mobile })),
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { batchSize: 1, parallelRequests: 2, maxRequestsPerMinute: 60 },
		}),
		onError: 'continueRegularOutput',
	});
	const bulk = sandbox.requests.filter((r) => r.bulkAction);
	expect(bulk.map((r) => r.status)).toEqual([403]);
	expect(run.failed.map((i) => (i.json.error as { outcome: string }).outcome)).toEqual([
		'not_applied',
		'not_applied',
		'not_applied',
	]);
});
