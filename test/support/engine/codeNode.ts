import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

type CodeBody = (
	$input: { all(): INodeExecutionData[]; first(): INodeExecutionData | undefined },
	items: INodeExecutionData[],
) => Promise<unknown>;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
	...argsAndBody: string[]
) => CodeBody;

/**
 * Test stand-in for n8n-nodes-base.code (mode "Run Once for All Items", JavaScript): runs the
 * node's `jsCode` with `$input.all()`, `$input.first()` and `items`, and emits what it returns
 * (items, or plain objects as items' json). The example workflows' Code nodes use nothing else.
 * Real n8n runs them in its task runner (`npm run test:n8n`).
 */
export const codeNode: INodeType = {
	description: {
		displayName: 'Code',
		name: 'code',
		group: ['transform'],
		version: [1, 2],
		description: 'Test stand-in for n8n-nodes-base.code',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'JavaScript', name: 'jsCode', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions) {
		const input = this.getInputData().map((item) => ({
			...item,
			json: JSON.parse(JSON.stringify(item.json)) as IDataObject,
		}));
		const code = this.getNodeParameter('jsCode', 0) as string;
		const body = new AsyncFunction('$input', 'items', code);
		const returned = await body({ all: () => input, first: () => input[0] }, input);
		if (!Array.isArray(returned)) throw new Error('The code must return a list of items');
		return [
			returned.map((value: unknown, index) => {
				const item = value as Partial<INodeExecutionData> & IDataObject;
				const json = (item.json ?? item) as IDataObject;
				return { json, pairedItem: item.pairedItem ?? { item: Math.min(index, input.length - 1) } };
			}),
		];
	},
};
