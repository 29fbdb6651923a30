import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { ResultSink } from '../helpers/types';
import { runBulkOperation, type OperationOutcome } from '../bulk/runBulkOperation';
import { bulkActionJob } from '../bulk/applyBulkAction';

export const option: INodePropertyOptions = {
	name: 'Revoke Issue',
	value: 'revokeEarn',
	action: 'Revoke issued promotions from customers',
	description:
		'Revoke issues of a promotion from customers (bulkAction REVOKE_EARN): the Earned IDs given, or all of the customer’s issues of the promotion. Changes customer state.',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runBulkOperation(this, items, bulkActionJob('REVOKE_EARN'), emit, {
		earnedIds: true,
	});
}
