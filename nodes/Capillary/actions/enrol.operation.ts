import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { ResultSink } from '../helpers/types';
import { runBulkOperation, type OperationOutcome } from '../bulk/runBulkOperation';
import { bulkActionJob } from '../bulk/applyBulkAction';

export const option: INodePropertyOptions = {
	name: 'Enrol',
	value: 'enrol',
	action: 'Enrol customers in a promotion',
	description:
		'Enrol customers in an Enrol & Issue promotion (bulkAction ENROL). Changes customer state. Direct Issue promotions cannot be enrolled in.',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runBulkOperation(this, items, bulkActionJob('ENROL'), emit);
}
