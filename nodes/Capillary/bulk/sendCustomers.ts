import { BatchPlanner } from './batchPlanner';
import type { CustomerRequest, FatalFailure } from '../helpers/types';
import { JobQueue } from './jobQueue';
import type { SentCustomer } from '../results/itemResults';
import { sendInBatches, type BatchSending } from './sendInBatches';

/**
 * Sends customers already read (a follow-up after verification) in batches of `batchSize`, grouped
 * as the planner groups them, without deduplication: each is one the run sent before, or its
 * follow-up step. Resolves with every customer's result once all batches ended.
 */
export async function sendCustomers(
	customers: readonly CustomerRequest[],
	batchSize: number,
	sending: Pick<BatchSending, 'concurrency' | 'sendJob' | 'isCancelled'>,
): Promise<{ results: Array<[CustomerRequest, SentCustomer]>; fatal?: FatalFailure }> {
	const queue = new JobQueue();
	const planner = new BatchPlanner(batchSize, false);
	for (const customer of customers) {
		const full = planner.add(customer);
		if (full) queue.push(full);
	}
	planner.flush().forEach((batch) => queue.push(batch));
	queue.close();
	const results: Array<[CustomerRequest, SentCustomer]> = [];
	const { fatal } = await sendInBatches({
		...sending,
		queue,
		onResult: (customer, outcome) => results.push([customer, outcome]),
	});
	return { results, fatal };
}
