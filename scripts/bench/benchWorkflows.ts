import type { IDataObject, INode } from 'n8n-workflow';

import {
	CAPILLARY,
	capillaryWorkflow,
	promotionParameters,
} from '../../test/support/engine/capillaryWorkflow';
import type { WorkflowJson } from '../../test/support/engine/runWorkflow';
import { DEMO } from '../../test/sandbox';
import { ENGINE_BASELINE_TYPE } from './engineBaselineNode';
import { HTTP_REQUEST, httpRequestNode } from './httpRequestNode';
import { REQUEST_REFERENCE_TYPE } from './requestReferenceNode';
import type { BenchCase, OneItemVia } from './types';

export const ENGINE_BASELINE = 'Engine Baseline';
export const REQUEST_REFERENCE = 'Request Reference';
const TRIGGER = 'Sign-ups';

export interface BenchWorkflow {
	workflow: WorkflowJson;
	/** The node whose outputs the case checks. */
	measuredNode: string;
}

/** The workflow a batch or engine case runs on `items`. */
export function benchWorkflow(benchCase: BenchCase, items: IDataObject[]): BenchWorkflow {
	if (benchCase.kind === 'engine')
		return { workflow: engineBaselineWorkflow(items), measuredNode: ENGINE_BASELINE };
	if (benchCase.kind === 'transport') throw new Error('The transport reference runs no workflow');
	if (benchCase.kind === 'oneItem')
		throw new Error('A one-item case runs oneItemWorkflow per execution');
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

/**
 * The sign-up webhook's workflow for one customer: Trigger (one pinned item) → the Capillary node as
 * users leave it (Issue, by ID), or → n8n's HTTP Request node sending the same request.
 */
export function oneItemWorkflow(
	via: OneItemVia,
	customer: IDataObject,
	sandboxUrl: string,
): BenchWorkflow {
	if (via === 'httpRequest')
		return {
			workflow: triggered([customer], httpRequestNode(sandboxUrl)),
			measuredNode: HTTP_REQUEST,
		};
	const parameters = promotionParameters('earn', DEMO.promotions.birthday, 'mobile');
	return {
		workflow: capillaryWorkflow({ items: [customer], parameters }),
		measuredNode: CAPILLARY,
	};
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
