import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { useSandbox } from '../support/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox();

// A credential that cannot be used used to stop the run before sending (stoppedBy): every item got
// the same "Not sent, because the run stopped" error and enrolled: false. Now the first batch(es)
// get the fatal from `send` without an `enrolled` array, the rest get the sendInBatches text.
test('Enrol and Issue with an unusable credential: every item says enrolled false, with one message', async () => {
	const credentials = sandboxCredentials(sandbox, {
		oAuth: { baseUrl: 'http://capillary.example.com' },
	});
	const run = await runCapillary(credentials, {
		items: [1, 2, 3].map((k) => ({ mobile: DEMO.customer(k).mobile })),
		parameters: promotionParameters('enrolAndEarn', DEMO.promotions.birthday, 'mobile', {
			options: { batchSize: 1 },
		}),
		onError: 'continueRegularOutput',
	});
	expect(sandbox.requests).toEqual([]);
	expect(run.failed.map((i) => i.json.enrolled)).toEqual([false, false, false]);
	expect(new Set(run.failed.map((i) => (i.json.error as { message: string }).message)).size).toBe(
		1,
	);
});
