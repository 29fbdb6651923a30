import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { ResultSink } from '../helpers/types';
import type { OperationOutcome } from '../bulk/runBulkOperation';
import { runLookups } from '../lookup/runLookups';

export const option: INodePropertyOptions = {
	name: 'Get Customer Promotions',
	value: 'getCustomerPromotions',
	action: 'Get a customer’s loyalty promotions',
	description:
		'Look up each customer’s loyalty promotions (GET v2/customers/lookup/promotionData), with their enrolments and issues and the issualId and earnedId of each. Changes nothing.',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runLookups(this, items, emit);
}
