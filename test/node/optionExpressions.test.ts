import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../nodes/Capillary/descriptions/options';

import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { useSandbox } from '../support/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox();
const items = [1, 2].map((k) => ({ mobile: DEMO.customer(k).mobile, limit: 1200 }));
const withOptions = (options: INodeParameters) =>
	promotionParameters('earn', DEMO.promotions.birthday, 'mobile', { options });

test('an option given as an expression takes its value from the first item', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: withOptions({ maxRequestsPerMinute: '={{ $json.limit }}', batchSize: 1 }),
	});
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

describe('an option outside its range or of the wrong kind stops the run before anything is sent, naming it', () => {
	test.each([
		[
			'Max Requests Per Minute',
			{ maxRequestsPerMinute: 0.5 },
			'must be a whole number from 0 to 100000, got 0.5',
		],
		['Batch Size', { batchSize: 150 }, 'must be a whole number from 1 to 100, got 150'],
		['Max Retry Wait (Ms)', { maxRetryWait: 700_000 }, 'must be a whole number from 0 to 600000'],
		[
			'Parallel Requests',
			{ parallelRequests: '={{ "lots" }}' },
			'must be a whole number from 1 to 10, got "lots"',
		],
		['Deduplicate', { deduplicate: '={{ "yes" }}' }, 'must be true or false, got "yes"'],
	])('%s', async (label, options, problem) => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items,
			parameters: withOptions(options),
			onError: 'continueRegularOutput',
		});
		expect(sandbox.requests).toEqual([]);
		expect(run.success).toEqual([]);
		const error = run.failed[0].json.error as { kind: string; outcome: string; message: string };
		expect(error).toMatchObject({ kind: 'request_failed', outcome: 'not_applied' });
		expect(error.message).toContain(`The option "${label}" ${problem}`);
	});

	test('every numeric option shows its range in the editor, where the reader takes it from', () => {
		for (const option of optionsCollection.options as INodeProperties[]) {
			if (option.type !== 'number') continue;
			expect([
				option.name,
				typeof option.typeOptions?.minValue,
				typeof option.typeOptions?.maxValue,
			]).toEqual([option.name, 'number', 'number']);
		}
	});
});
