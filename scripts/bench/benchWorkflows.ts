import type { IDataObject } from 'n8n-workflow';

import { CAPILLARY, capillaryWorkflow, promotionParameters } from '../../test/engine/capillaryWorkflow';
import type { WorkflowJson } from '../../test/engine/runWorkflow';
import { DEMO } from '../../test/sandbox';
import { ENGINE_BASELINE_TYPE } from './engineBaselineNode';
import type { BenchCase } from './types';

export const ENGINE_BASELINE = 'Engine Baseline';
const TRIGGER = 'Sign-ups';

/** The workflow a case runs, and the name of the node whose outputs it checks. */
export function benchWorkflow(benchCase: BenchCase, items: IDataObject[]): { workflow: WorkflowJson; measuredNode: string } {
	if (benchCase.kind === 'engine') return { workflow: engineBaselineWorkflow(items), measuredNode: ENGINE_BASELINE };
	if (benchCase.kind === 'transport') throw new Error('The transport reference runs no workflow');
	// Issue (Earn) of a Direct Issue promotion to distinct customers: every one succeeds, once.
	const parameters = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
		options: { batchSize: benchCase.batchSize, parallelRequests: benchCase.parallelRequests },
	});
	return { workflow: capillaryWorkflow({ items, parameters }), measuredNode: CAPILLARY };
}

/** Trigger (pinned items) → the engine baseline node, with the same identifierValue expression. */
export function engineBaselineWorkflow(items: IDataObject[]): WorkflowJson {
	return {
		nodes: [
			{ id: 't', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'e',
				name: ENGINE_BASELINE,
				type: ENGINE_BASELINE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { identifierValue: '={{ $json.mobile }}' },
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: ENGINE_BASELINE, type: 'main', index: 0 }]] } },
		pinData: { [TRIGGER]: items.map((json) => ({ json })) },
	};
}

/** N distinct sandbox customers, as a sign-up form would deliver them. */
export function benchCustomers(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, k) => ({ ...DEMO.customer(k) }));
}
