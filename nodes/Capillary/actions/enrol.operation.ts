import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import { runBulkOperation, type OperationResult } from './runBulkOperation';
import { sendAction } from './sendAction';

export const option: INodePropertyOptions = {
	name: 'Enrol',
	value: 'enrol',
	action: 'Enrol customers in a promotion',
	description:
		'Enrol customers in an Enrol & Issue promotion (bulkAction ENROL). Changes customer state. Direct Issue promotions cannot be enrolled in.',
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<OperationResult> {
	return await runBulkOperation(this, items, sendAction('ENROL'));
}
