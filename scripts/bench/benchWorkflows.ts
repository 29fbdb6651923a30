import type { IDataObject, INode } from 'n8n-workflow';

import {
	CAPILLARY,
	capillaryWorkflow,
	promotionParameters,
} from '../../test/support/engine/capillaryWorkflow';
import type { WorkflowJson } from '../../test/support/engine/runWorkflow';
import { DEMO } from '../../test/sandbox';
import { ENGINE_BASELINE_TYPE } from './engineBaselineNode';
import { REQUEST_REFERENCE_TYPE } from './requestReferenceNode';
import type { BenchCase } from './types';

export const ENGINE_BASELINE = 'Engine Baseline';
export const REQUEST_REFERENCE = 'Request Reference';
const TRIGGER = 'Sign-ups';

/** The workflow a case runs, and the name of the node whose outputs it checks. */
export function benchWorkflow(
	benchCase: BenchCase,
	items: IDataObject[],
): { workflow: WorkflowJson; measuredNode: string } {
	if (benchCase.kind === 'engine')
		return { workflow: engineBaselineWorkflow(items), measuredNode: ENGINE_BASELINE };
	if (benchCase.kind === 'transport') throw new Error('The transport reference runs no workflow');
	if (benchCase.kind === 'requests')
		return {
			workflow: requestReferenceWorkflow(items, benchCase),
			measuredNode: REQUEST_REFERENCE,
		};
	// Issue (Earn) of a Direct Issue promotion to distinct customers: every one succeeds, once.
	const parameters = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
		options: { batchSize: benchCase.batchSize, parallelRequests: benchCase.parallelRequests },
	});
	return { workflow: capillaryWorkflow({ items, parameters }), measuredNode: CAPILLARY };
}

/** Trigger (pinned items) → the engine baseline node, with the same identifierValue expression. */
export function engineBaselineWorkflow(items: IDataObject[]): WorkflowJson {
	return triggered(items, {
		id: 'e',
		name: ENGINE_BASELINE,
		type: ENGINE_BASELINE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: { identifierValue: '={{ $json.mobile }}' },
	});
}

/** Trigger (pinned items) → the n8n request reference, with the sandbox credential. */
function requestReferenceWorkflow(
	items: IDataObject[],
	{ batchSize, parallelRequests }: { batchSize: number; parallelRequests: number },
): WorkflowJson {
	return triggered(items, {
		id: 'r',
		name: REQUEST_REFERENCE,
		type: REQUEST_REFERENCE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: { batchSize, parallelRequests },
		credentials: { capillaryOAuthApi: { id: '1', name: 'Sandbox' } },
	});
}

function triggered(items: IDataObject[], node: INode): WorkflowJson {
	return {
		nodes: [
			{
				id: 't',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node,
		],
		connections: { [TRIGGER]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		pinData: { [TRIGGER]: items.map((json) => ({ json })) },
	};
}

/** N distinct sandbox customers, as a sign-up form would deliver them. */
export function benchCustomers(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, k) => ({ ...DEMO.customer(k) }));
}
