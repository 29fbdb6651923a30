import type { INodeParameters } from 'n8n-workflow';

import { promotionParameters, runCapillary, sandboxCredentials } from '../engine/capillaryWorkflow';
import { useSandbox } from '../engine/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox();
const items = [1, 2].map((k) => ({ mobile: DEMO.customer(k).mobile, limit: 1200 }));
const withOptions = (options: INodeParameters) => promotionParameters('earn', DEMO.promotions.birthday, 'mobile', { options });

test('an option given as an expression takes its value from the first item', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), { items, parameters: withOptions({ maxRequestsPerMinute: '={{ $json.limit }}', batchSize: 1 }) });
	expect(run.success).toHaveLength(2);
});

test('an option whose expression fails stops the run before anything is sent, naming the option', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: withOptions({ maxRequestsPerMinute: '={{ $json.settings.rate }}' }),
		onError: 'continueErrorOutput',
	});
	expect(sandbox.requests.filter((r) => r.bulkAction)).toEqual([]);
	expect(run.success).toEqual([]);
	expect(run.failed).toHaveLength(2);
	const error = run.failed[0].json.error as { kind: string; outcome: string; message: string };
	expect(error).toMatchObject({ kind: 'request_failed', outcome: 'not_applied' });
	expect(error.message).toContain('Max Requests Per Minute');
});
