import { BatchPlanner } from './batchPlanner';
import type { BatchJob, CustomerRequest, FatalFailure } from '../helpers/types';
import { JobQueue } from './jobQueue';
import type { SentCustomer } from '../results/itemResults';
import { sendInBatches, type BatchSending } from './sendInBatches';

/** A follow-up's result, and whether its batch went to the job at all (`false`: never sent). */
export type FollowUpResult = [CustomerRequest, SentCustomer, boolean];

/**
 * Sends customers already read (a follow-up after verification) in batches of `batchSize`, grouped
 * as the planner groups them, without deduplication: each is one the run sent before, or its
 * follow-up step. Resolves with every customer's result once all batches ended, saying of each
 * whether its batch was handed to the job (one the run stopped before is not).
 */
export async function sendCustomers(
	customers: readonly CustomerRequest[],
	batchSize: number,
	sending: Pick<BatchSending, 'concurrency' | 'sendJob' | 'isCancelled' | 'requestLeft'>,
): Promise<{ results: FollowUpResult[]; fatal?: FatalFailure }> {
	const queue = new JobQueue();
	const planner = new BatchPlanner(batchSize, false);
	for (const customer of customers) {
		const full = planner.add(customer);
		if (full) queue.push(full);
	}
	planner.flush().forEach((batch) => queue.push(batch));
	queue.close();
	const started = new Set<BatchJob>();
	const results: FollowUpResult[] = [];
	const { fatal } = await sendInBatches({
		...sending,
		sendJob: async (job, shouldStop) => {
			started.add(job);
			return await sending.sendJob(job, shouldStop);
		},
		queue,
		onResult: (customer, outcome) => results.push([customer, outcome, false]),
	});
	const sent = new Set([...started].flatMap((job) => job.customers));
	return { results: results.map(([c, outcome]) => [c, outcome, sent.has(c)]), fatal };
}
