import { noteRetries } from '../results/noteRetries';
import { pairResults, type PairedBatch } from '../results/pairResults';
import type { BatchJob, BulkAction, CustomerRequest } from '../helpers/types';
import { postBulkAction } from '../transport/postBulkAction';
import type { SendJob } from './runBulkOperation';
import { sendWithRetries, type Sender } from '../transport/retry/sendWithRetries';
import type { IExecuteFunctions } from 'n8n-workflow';

/** Applies one bulk action to some of a job's customers, with retries, and pairs the answer with them. */
export async function applyBulkAction(
	context: IExecuteFunctions,
	sender: Sender,
	action: BulkAction,
	group: BatchJob['group'],
	customers: readonly CustomerRequest[],
): Promise<PairedBatch> {
	const { response, retries, earlierMayHaveApplied } = await sendWithRetries(sender, (options) =>
		postBulkAction(context, sender.connection, action, group, customers, options),
	);
	const paired = pairResults(action, customers, response);
	return { ...paired, results: noteRetries(paired.results, retries, earlierMayHaveApplied) };
}

/** A SendJob that applies one bulk action to a whole batch. */
export function bulkActionJob(action: BulkAction): SendJob {
	return async (context, sender, { group, customers }) => {
		const { results, fatal } = await applyBulkAction(context, sender, action, group, customers);
		return { results, fatal };
	};
}
