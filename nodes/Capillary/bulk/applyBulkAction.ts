import type { IExecuteFunctions } from 'n8n-workflow';

import { noteRetries } from '../results/noteRetries';
import { fatalOf, pairResults, type PairedBatch } from '../results/pairResults';
import type { BatchJob, BulkAction, CustomerRequest, FatalFailure } from '../helpers/types';
import { postBulkAction } from '../transport/postBulkAction';
import type { SendJob } from './runBulkOperation';
import { sendWithRetries, type Sender } from '../transport/retry/sendWithRetries';
import type { RunRecords } from '../verification/runRecords';
import { steadyNow } from '../verification/steadyClock';

/** A bulk action answered: whether the run must stop is known at once; the pairing is done when asked. */
export interface AnsweredBulkAction {
	fatal?: FatalFailure;
	pair: () => PairedBatch;
}

/**
 * Applies one bulk action to some of a job's customers, with retries, and pairs the answer with
 * them. A result whose outcome is unknown carries what a later lookup needs to judge it: the
 * action, and when the request (its first attempt) left.
 */
export async function applyBulkAction(
	...args: Parameters<typeof sendBulkAction>
): Promise<PairedBatch> {
	return (await sendBulkAction(...args)).pair();
}

/** applyBulkAction, with the pairing left to the caller, so that it can send on first. */
export async function sendBulkAction(
	context: IExecuteFunctions,
	sender: Sender,
	action: BulkAction,
	group: BatchJob['group'],
	customers: readonly CustomerRequest[],
	records?: RunRecords,
): Promise<AnsweredBulkAction> {
	let sentAt: number | undefined;
	const { response, retries, earlierMayHaveApplied } = await sendWithRetries(sender, (options) => {
		// On the clock the lookup's arrival is measured by (its Date header gives Capillary's).
		sentAt ??= steadyNow();
		return postBulkAction(context, sender.connection, action, group, customers, options);
	});
	// Each customer's earlier attempt may have made a record that no answer names.
	if (earlierMayHaveApplied) customers.forEach((customer) => records?.noteUnnamed(customer));
	const pair = (): PairedBatch => {
		const paired = pairResults(action, customers, response);
		// Capillary itself answered (its X-Cap-Requestid on it): it is no longer working on the request.
		// A gateway's answer (a 500 too) without one may come while it still is.
		const answered =
			response.type === 'http' &&
			response.requestId !== undefined &&
			(response.statusCode < 300 || response.statusCode === 500);
		const results = noteRetries(paired.results, retries, earlierMayHaveApplied).map((result) =>
			result.status === 'failed' && result.error.outcome === 'unknown' && sentAt !== undefined
				? { ...result, sentRequest: { action, sentAt, answered } }
				: result,
		);
		return { ...paired, results };
	};
	return { fatal: fatalOf(response), pair };
}

/**
 * A SendJob that applies one bulk action to a whole batch; the answer is paired only once the
 * sender asks, after its next batch has left.
 */
export function bulkActionJob(action: BulkAction): SendJob {
	return async (context, sender, { group, customers }, records) => {
		const { fatal, pair } = await sendBulkAction(
			context,
			sender,
			action,
			group,
			customers,
			records,
		);
		return { fatal, read: () => ({ results: pair().results }) };
	};
}
