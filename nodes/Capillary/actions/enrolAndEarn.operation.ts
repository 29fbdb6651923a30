import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { CustomerResult } from '../helpers/types';
import { runBulkOperation, type OperationResult, type SendJob } from './runBulkOperation';
import { applyAction } from './sendAction';

export const option: INodePropertyOptions = {
	name: 'Enrol and Issue',
	value: 'enrolAndEarn',
	action: 'Enrol customers in a promotion and issue it',
	description:
		'Enrol customers in an Enrol & Issue promotion, then issue it to those whose enrolment succeeded. Changes customer state.',
};

/** ENROL a batch, then EARN for the customers whose enrolment succeeded, before the next batch. */
const enrolThenEarn: SendJob = async (context, sender, { group, customers }) => {
	const enrol = await applyAction(context, sender, 'ENROL', group, customers);
	const results: CustomerResult[] = [...enrol.results];
	const enrolled = enrol.results.map((r) => (r.status === 'success' ? true : r.error.outcome === 'unknown' ? null : false));
	const toEarn = customers.flatMap((_, i) => (enrolled[i] === true ? [i] : []));
	if (toEarn.length === 0 || enrol.fatal) return { results, enrolled, fatal: enrol.fatal };

	const earnCustomers = toEarn.map((i) => customers[i]);
	const earn = await applyAction(context, sender, 'EARN', group, earnCustomers);
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
