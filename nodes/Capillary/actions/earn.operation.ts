import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { ResultSink } from '../helpers/types';
import { runBulkOperation, type OperationOutcome } from '../bulk/runBulkOperation';
import { bulkActionJob } from '../bulk/applyBulkAction';

export const option: INodePropertyOptions = {
	name: 'Issue (Earn)',
	value: 'earn',
	action: 'Issue a promotion to customers',
	description:
		'Issue a promotion to customers (bulkAction EARN): a Direct Issue promotion, or an Enrol & Issue one they are enrolled in. Changes customer state and is not idempotent: a repeat issues again.',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runBulkOperation(this, items, bulkActionJob('EARN'), emit);
}
