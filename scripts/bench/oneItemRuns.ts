import { performance } from 'perf_hooks';
import type { IDataObject, INodeTypes } from 'n8n-workflow';

import type { TestCredentialsHelper } from '../../test/support/engine/credentialsHelper';
import { runWorkflow } from '../../test/support/engine/runWorkflow';
import { oneItemWorkflow } from './benchWorkflows';
import { issuedIn } from './referenceBatches';
import type { RunOutcome } from './runOutcome';
import type { OneItemVia } from './types';

/**
 * The one-item webhook's executions, one per customer, one after the other, each a fresh workflow
 * run (its workflow built before the clock starts). Each is timed on its own; an execution counts
 * as issued when the measured node put its one item on its first output, as a success (the node's
 * Success output; the HTTP Request node's item is the bulk answer, issued without errors).
 */
export function prepareOneItemRuns(
	via: OneItemVia,
	customers: readonly IDataObject[],
	sandboxUrl: string,
	credentials: TestCredentialsHelper,
	nodeTypes: INodeTypes,
): () => Promise<RunOutcome> {
	const workflows = customers.map((customer) => oneItemWorkflow(via, customer, sandboxUrl));
	return async () => {
		const executionWallsMs: number[] = [];
		const counts = [0, 0];
		const errors: string[] = [];
		for (const { workflow, measuredNode } of workflows) {
			const started = performance.now();
			const run = await runWorkflow(workflow, credentials, undefined, { nodeTypes });
			executionWallsMs.push(performance.now() - started);
			const [first = [], ...others] = run.outputs(measuredNode);
			const issued =
				!run.error &&
				first.length === 1 &&
				others.every((items) => items.length === 0) &&
				(via === 'node' || issuedIn(first[0].json) === 1);
			counts[issued ? 0 : 1]++;
			if (run.error) errors.push(run.error.message);
		}
		return {
			outputCounts: counts,
			error: errors.length > 0 ? `${errors.length} errors, first: ${errors[0]}` : undefined,
			executionWallsMs,
		};
	};
}
