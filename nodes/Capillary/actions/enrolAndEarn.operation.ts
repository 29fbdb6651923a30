import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import { pairResults } from '../helpers/pairResults';
import type { CustomerResult } from '../helpers/types';
import { sendBulkAction } from '../transport/bulkEnrolAndEarn';
import { runBulkOperation, type OperationResult, type SendJob } from './runBulkOperation';

export const option: INodePropertyOptions = {
	name: 'Enrol and Issue',
	value: 'enrolAndEarn',
	action: 'Enrol customers in a promotion and issue it',
	description:
		'Enrol customers in an Enrol & Issue promotion, then issue it to those whose enrolment succeeded. Changes customer state.',
};

/** ENROL a batch, then EARN for the customers whose enrolment succeeded, before the next batch. */
const enrolThenEarn: SendJob = async (context, connection, { group, customers }) => {
	const enrol = pairResults('ENROL', customers, await sendBulkAction(context, connection, 'ENROL', group, customers));
	const results: CustomerResult[] = [...enrol.results];
	const enrolled = enrol.results.map((r) => (r.status === 'success' ? true : r.error.outcome === 'unknown' ? null : false));
	const toEarn = customers.flatMap((_, i) => (enrolled[i] === true ? [i] : []));
	if (toEarn.length === 0 || enrol.fatal) return { results, enrolled, fatal: enrol.fatal };

	const earnCustomers = toEarn.map((i) => customers[i]);
	const earn = pairResults('EARN', earnCustomers, await sendBulkAction(context, connection, 'EARN', group, earnCustomers));
	toEarn.forEach((i, k) => {
		const enrolResult = enrol.results[i];
		const earnResult = earn.results[k];
		const warnings = [...(enrolResult.warnings ?? []), ...(earnResult.warnings ?? [])];
		results[i] = {
			...earnResult,
			entityId: earnResult.entityId ?? enrolResult.entityId,
			issualId: enrolResult.issualId,
			warnings,
		};
	});
	return { results, enrolled, fatal: earn.fatal };
};

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<OperationResult> {
	return await runBulkOperation(this, items, enrolThenEarn);
}
