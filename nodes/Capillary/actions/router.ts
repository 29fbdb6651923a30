import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { nextStep, withNextStep } from '../results/failureAdvice';
import { invalidItemResult } from '../results/itemResults';
import { OutputCollector } from '../results/outputCollector';
import type { Operation, ResultSink } from '../helpers/types';
import type { OperationOutcome } from '../bulk/runBulkOperation';
import { operations } from './index';

/** What a run that stopped before anything may have applied did not do. */
const NOTHING_DONE: Record<Operation, string> = {
	enrol: 'Nothing was enrolled or issued. Items with invalid input were not sent either.',
	earn: 'Nothing was enrolled or issued. Items with invalid input were not sent either.',
	enrolAndEarn: 'Nothing was enrolled or issued. Items with invalid input were not sent either.',
	revokeEarn: 'Nothing was revoked. Items with invalid input were not sent either.',
	revokeEnrol: 'Nothing was revoked. Items with invalid input were not sent either.',
	getCustomerPromotions:
		'A lookup changes nothing in Capillary, so running it again once this is fixed is safe.',
};

/** "bulk action passed not supported for loyalty/generic promotion type": Enrol on a Direct Issue promotion. */
const DIRECT_ISSUE_CODE = 8902;
const DIRECT_ISSUE_HINT: Partial<Record<Operation, string>> = {
	enrol:
		'Capillary answered 8902: this promotion is Direct Issue and cannot be enrolled in. Use Issue (Earn) for it, or choose an Enrol & Issue promotion.',
	revokeEnrol:
		'Capillary answered 8902: this promotion is Direct Issue and has no enrolments to revoke. Use Revoke Issue for it.',
	revokeEarn:
		'Capillary answered 8902: Capillary does not revoke this promotion’s type this way (an "available without issue" promotion has no issues to revoke).',
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
	const collector = new OutputCollector(operation, items.length);
	const emit: ResultSink = (result) => collector.add(result);
	const run = Object.hasOwn(operations, operation) ? operations[operation].execute : undefined;
	const { fatal } = run
		? await run.call(this, items, emit)
		: unknownOperation(operation, items, emit);

	if (fatal && !this.continueOnFail() && !collector.anyMayHaveApplied) {
		const message = withNextStep(
			fatal.message,
			nextStep({ kind: 'request_failed', code: fatal.code, outcome: 'not_applied' }, operation),
		);
		throw new NodeApiError(this.getNode(), { message, code: fatal.code } as JsonObject, {
			message,
			description: NOTHING_DONE[operation] ?? NOTHING_DONE.enrol,
		});
	}
	if (collector.errorCodes.has(DIRECT_ISSUE_CODE)) {
		this.addExecutionHints?.({
			message: DIRECT_ISSUE_HINT[operation] ?? DIRECT_ISSUE_HINT.enrol!,
			location: 'outputPane',
		});
	}
	return collector.outputs(isAgentTool(this));
}

/**
 * An operation this version does not know (a workflow saved by a newer one): nothing is sent, and
 * every item is Failed, so that no input passes for a result in a Continue mode.
 */
function unknownOperation(
	operation: string,
	items: INodeExecutionData[],
	emit: ResultSink,
): OperationOutcome {
	const message = `Operation "${operation}" is not one this version of the node knows (${Object.keys(operations).join(', ')}): update the n8n-nodes-capillary package, or choose another operation`;
	items.forEach((_, itemIndex) =>
		emit(
			invalidItemResult(
				{ valid: false, itemIndex, fields: {}, message: `Item ${itemIndex}: ${message}` },
				undefined,
			),
		),
	);
	return { fatal: { code: null, message } };
}

/** n8n runs a node used as an agent tool under a derived type whose name ends in "Tool". */
function isAgentTool(context: IExecuteFunctions): boolean {
	return context.getNode().type.endsWith('Tool');
}
