import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { OutputCollector } from '../helpers/outputCollector';
import type { Operation, ResultSink } from '../helpers/types';
import * as earn from './earn.operation';
import * as enrol from './enrol.operation';
import * as enrolAndEarn from './enrolAndEarn.operation';
import type { OperationOutcome } from './runBulkOperation';

/** "bulk action passed not supported for loyalty/generic promotion type": Enrol on a Direct Issue promotion. */
const DIRECT_ISSUE_CODE = 8902;

type OperationExecute = (this: IExecuteFunctions, items: INodeExecutionData[], emit: ResultSink) => Promise<OperationOutcome>;

const operations: Record<Operation, OperationExecute> = {
	enrol: enrol.execute,
	earn: earn.execute,
	enrolAndEarn: enrolAndEarn.execute,
};

/**
 * Runs the chosen operation on all items and shapes the two outputs: Success and Failed, each in
 * input order, one output item per input item. Throws only when a request-level failure stopped
 * the run, nothing can have been applied, and On Error is "Stop Workflow".
 * As an AI agent's tool, n8n hands the agent the first output only: there, every item goes on it,
 * so that the agent sees failures (and does not retry an issue that may have been applied).
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as Operation;
	const run = operations[operation];
	if (!run) throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`);
	const collector = new OutputCollector(operation, items.length);
	const { fatal } = await run.call(this, items, (result) => collector.add(result));

	if (fatal && !this.continueOnFail() && !collector.anyMayHaveApplied) {
		throw new NodeApiError(this.getNode(), { message: fatal.message, code: fatal.code } as JsonObject, {
			message: fatal.message,
			description: 'Nothing was enrolled or issued. Items with invalid input were not sent either.',
		});
	}
	if (collector.errorCodes.has(DIRECT_ISSUE_CODE)) {
		this.addExecutionHints?.({
			message:
				'Capillary answered 8902: this promotion is Direct Issue and cannot be enrolled in. Use Issue (Earn) for it, or choose an Enrol & Issue promotion.',
			location: 'outputPane',
		});
	}
	return collector.outputs(isAgentTool(this));
}

/** n8n runs a node used as an agent tool under a derived type whose name ends in "Tool". */
function isAgentTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}
