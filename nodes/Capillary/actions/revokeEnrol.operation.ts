import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { ResultSink } from '../helpers/types';
import { runBulkOperation, type OperationOutcome } from '../bulk/runBulkOperation';
import { bulkActionJob } from '../bulk/applyBulkAction';

export const option: INodePropertyOptions = {
	name: 'Revoke Enrolment',
	value: 'revokeEnrol',
	action: 'Revoke customers’ enrolment in a promotion',
	description:
		'Unenrol customers from an Enrol & Issue promotion (bulkAction REVOKE_ENROL). Their issues of it must be revoked first (Revoke Issue). Changes customer state.',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runBulkOperation(this, items, bulkActionJob('REVOKE_ENROL'), emit);
}
