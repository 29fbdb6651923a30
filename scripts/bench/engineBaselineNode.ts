import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export const ENGINE_BASELINE_TYPE = 'n8n-nodes-bench.engineBaseline';

/**
 * The engine baseline: evaluates the same `identifierValue` expression per item, as the Capillary
 * node must, and passes the items on. What the engine costs a node that does nothing else.
 */
export const engineBaselineNode: INodeType = {
	description: {
		displayName: 'Engine Baseline',
		name: 'engineBaseline',
		group: ['transform'],
		version: 1,
		description: 'Benchmark-only: evaluates Identifier Value per item and returns the items',
		defaults: { name: 'Engine Baseline' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Identifier Value', name: 'identifierValue', type: 'string', default: '' },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++)
			this.getNodeParameter('identifierValue', itemIndex);
		return [items];
	},
};
