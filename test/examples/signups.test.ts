import * as fs from 'fs';
import * as path from 'path';

import { sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { runWorkflow, type WorkflowJson } from '../support/engine/runWorkflow';
import { useSandbox } from '../support/useSandbox';

const sandbox = useSandbox(undefined, { resetAfterEach: false });

test('the main job’s example workflow routes every sign-up to one output', async () => {
	const file = path.resolve(__dirname, '../../examples/enrol-and-issue-signups.json');
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson;
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox));
	expect(run.error).toBeUndefined();
	const [success, failed] = run.outputs('Capillary');
	expect(success.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 7, 8].map((item) => ({ item })));
	expect(failed.map((i) => (i.json.error as { kind: string }).kind)).toEqual([
		'invalid_input',
		'invalid_input',
		'rejected',
		'invalid_input',
	]);
	expect(run.outputs('Enrolled and issued')[0]).toHaveLength(6);
	expect(run.outputs('Needs attention')[0]).toHaveLength(4);
	expect(success[4].json).toMatchObject({ name: 'Asha Rao (form resubmitted)', duplicateOf: 0 });
	expect(sandbox.ledger.filter((e) => e.action === 'EARN')).toHaveLength(5);
});
