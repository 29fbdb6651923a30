import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { outputItem } from '../helpers/outputItem';
import type { ItemResult, Operation } from '../helpers/types';
import * as earn from './earn.operation';
import * as enrol from './enrol.operation';
import * as enrolAndEarn from './enrolAndEarn.operation';
import type { OperationResult } from './runBulkOperation';

const operations: Record<Operation, (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<OperationResult>> = {
	enrol: enrol.execute,
	earn: earn.execute,
	enrolAndEarn: enrolAndEarn.execute,
};

/**
 * Runs the chosen operation on all items and shapes the two outputs: Success and Failed, each in
 * input order, one output item per input item. Throws only when a request-level failure stopped
 * the run, nothing can have been applied, and On Error is "Stop Workflow".
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as Operation;
	const run = operations[operation];
	if (!run) throw new NodeApiError(this.getNode(), { message: `Unknown operation "${operation}"` } as JsonObject);
	const { results, options, fatal } = await run.call(this, items);

	if (fatal && !this.continueOnFail() && !results.some(mayHaveApplied)) {
		throw new NodeApiError(this.getNode(), { message: fatal.message, code: fatal.code } as JsonObject, {
			message: fatal.message,
			description: 'Nothing was enrolled or issued. Items with invalid input were not sent either.',
		});
	}
	const success: INodeExecutionData[] = [];
	const failed: INodeExecutionData[] = [];
	for (const result of results) {
		const input = options.includeInputFields ? items[result.itemIndex].json : undefined;
		(result.result.status === 'success' ? success : failed).push(outputItem(operation, result, input));
	}
	return [success, failed];
}

function mayHaveApplied({ result, enrolled }: ItemResult): boolean {
	return result.status === 'success' || result.error.outcome === 'unknown' || enrolled === true;
}
