import { customerKey } from '../helpers/batchPlanner';
import type { BatchJob, CustomerResult, FatalFailure } from '../helpers/types';
import type { JobQueue } from './jobQueue';

/** The outcome of one batch: one result per customer, in the order of `job.customers`. */
export interface BatchOutcome {
	results: CustomerResult[];
	/** Enrol and Issue only: whether each customer is enrolled (null: unknown). */
	enrolled?: Array<boolean | null>;
	fatal?: FatalFailure;
}

export interface SentCustomer {
	result: CustomerResult;
	enrolled?: boolean | null;
}

/**
 * Sends the queue's batches as they come, with at most `concurrency` in flight, starting them in
 * queue order. A batch waits while an earlier one holding one of its customers is in flight, so no
 * customer is in two requests at once. After a fatal failure, or once `isCancelled()`, no further
 * batch starts: its customers are Failed, certainly not applied. With `stoppedBy`, nothing is sent.
 * Resolves once the queue is closed and every batch has a result.
 */
export async function sendInBatches(
	queue: JobQueue,
	concurrency: number,
	sendJob: (job: BatchJob, shouldStop: () => boolean) => Promise<BatchOutcome>,
	isCancelled: () => boolean,
	stoppedBy?: FatalFailure,
): Promise<{ byItem: Array<SentCustomer | undefined>; fatal?: FatalFailure }> {
	/** By item index: an array, as 100,000 entries in a Map cost several times the memory. */
	const byItem: Array<SentCustomer | undefined> = [];
	const inFlight = new Map<string, Promise<unknown>>();
	const sent = new Set<BatchJob>();
	let fatal = stoppedBy;
	/** For sends waiting on the rate limit or a retry: once true, they must not leave. */
	const shouldStop = () => fatal !== undefined || isCancelled() || queue.aborted;
	const record = (job: BatchJob, outcome: BatchOutcome) =>
		job.customers.forEach((customer, i) =>
			(byItem[customer.itemIndex] = { result: outcome.results[i], enrolled: outcome.enrolled?.[i] }),
		);
	const worker = async () => {
		for (let job = await queue.next(); job && !shouldStop(); job = await queue.next()) {
			const current = job;
			const keys = current.customers.map(customerKey);
			const overlapping = new Set(keys.flatMap((key) => inFlight.get(key) ?? []));
			// Registered before waiting, so that a later batch holding the same customer queues behind this one.
			const running = (async () => {
				if (overlapping.size > 0) await Promise.all(overlapping);
				if (shouldStop()) return undefined;
				return await sendJob(current, shouldStop).catch((error: unknown) => unexpectedFailure(current, error));
			})();
			keys.forEach((key) => inFlight.set(key, running));
			const outcome = await running;
			keys.forEach((key) => inFlight.get(key) === running && inFlight.delete(key));
			if (!outcome) break;
			sent.add(current);
			record(current, outcome);
			fatal ??= outcome.fatal;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	// Workers that stopped early leave the rest of the queue: wait for the reader to finish it.
	while (await queue.next());
	const reason = fatal ? `Not sent, because the run stopped: ${fatal.message}` : 'Not sent: the run stopped before this batch';
	for (const job of queue.all.filter((j) => !sent.has(j))) {
		const error = { kind: 'request_failed' as const, code: fatal?.code ?? null, message: reason, outcome: 'not_applied' as const };
		record(job, { results: job.customers.map(() => ({ status: 'failed', error })), enrolled: job.customers.map(() => false) });
	}
	return { byItem, fatal };
}

/** A batch whose sending threw: it may have left, so its customers are `unknown`, and the run stops. */
function unexpectedFailure(job: BatchJob, error: unknown): BatchOutcome {
	const reason = error instanceof Error ? error.message : String(error);
	const message = `The node failed unexpectedly while sending this batch (${reason}): it may have been applied`;
	const failure = { kind: 'request_failed' as const, code: null, message, outcome: 'unknown' as const };
	return {
		results: job.customers.map(() => ({ status: 'failed', error: failure })),
		enrolled: job.customers.map(() => null),
		fatal: { code: null, message },
	};
}
