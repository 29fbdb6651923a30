import { DEMO } from '../sandbox';
import {
	CAPILLARY,
	capillaryWorkflow,
	lookupParameters,
	promotionParameters,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { packageNodes } from '../support/engine/nodeTypes';
import { runWorkflow } from '../support/engine/runWorkflow';
import { useSandbox } from '../support/useSandbox';

const sandbox = useSandbox(undefined, { resetAfterEach: false });

// n8n runs a node used by an AI agent under a derived type named "<type>Tool" and hands the agent
// its first output only: every result, failures included, must be there.
test('as an agent tool, every item is on the first output, failures included, in input order', async () => {
	const workflow = capillaryWorkflow({
		items: [
			{ mobile: DEMO.customer(1).mobile },
			{ mobile: DEMO.unknownCustomer.mobile },
			{ mobile: 'bad' },
		],
		parameters: promotionParameters('earn', DEMO.promotions.birthday),
	});
	workflow.nodes[1].type = 'n8n-nodes-capillary.capillaryTool';
	const capillary = packageNodes.find((node) => node.description.name === 'capillary')!;
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox), {
		'n8n-nodes-capillary.capillaryTool': capillary as never,
	});
	const [first, second = []] = run.outputs(CAPILLARY);
	expect(first.map((i) => i.json.status)).toEqual(['success', 'failed', 'failed']);
	expect(first.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(second).toEqual([]);
});

test('as an agent tool, Get Customer Promotions gives every lookup on the first output', async () => {
	const workflow = capillaryWorkflow({
		items: [{ mobile: DEMO.customer(2).mobile }, { mobile: DEMO.unknownCustomer.mobile }],
		parameters: lookupParameters(),
	});
	workflow.nodes[1].type = 'n8n-nodes-capillary.capillaryTool';
	const capillary = packageNodes.find((node) => node.description.name === 'capillary')!;
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox), {
		'n8n-nodes-capillary.capillaryTool': capillary as never,
	});
	const [first, second = []] = run.outputs(CAPILLARY);
	expect(first.map((i) => i.json.status)).toEqual(['success', 'failed']);
	expect(first[0].json).toMatchObject({
		customerId: DEMO.customer(2).id,
		promotions: expect.any(Array),
	});
	expect(first[1].json.error).toMatchObject({ code: 8015, outcome: 'not_applied' });
	expect(second).toEqual([]);
});
