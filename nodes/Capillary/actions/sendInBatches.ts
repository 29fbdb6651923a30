import { customerKey, type CustomerGroup } from '../helpers/groupCustomers';
import type { CustomerRequest, CustomerResult, FatalFailure } from '../helpers/types';

export interface BatchJob {
	group: CustomerGroup;
	customers: CustomerRequest[];
}

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
 * Sends jobs with at most `concurrency` in flight, starting them in input order. A job waits while
 * an earlier job holding one of its customers is in flight, so no customer is in two requests at
 * once. After a fatal failure, or once `isCancelled()`, no further job starts: its customers are
 * Failed, certainly not applied. With `stoppedBy`, nothing is sent at all.
 */
export async function sendInBatches(
	jobs: readonly BatchJob[],
	concurrency: number,
	sendJob: (job: BatchJob) => Promise<BatchOutcome>,
	isCancelled: () => boolean,
	stoppedBy?: FatalFailure,
): Promise<{ byItem: Map<number, SentCustomer>; fatal?: FatalFailure }> {
	const byItem = new Map<number, SentCustomer>();
	const inFlight = new Map<string, Promise<unknown>>();
	const sent = new Set<BatchJob>();
	let fatal = stoppedBy;
	let next = 0;
	const record = (job: BatchJob, outcome: BatchOutcome) =>
		job.customers.forEach((customer, i) =>
			byItem.set(customer.itemIndex, { result: outcome.results[i], enrolled: outcome.enrolled?.[i] }),
		);
	const worker = async () => {
		while (next < jobs.length && !fatal && !isCancelled()) {
			const job = jobs[next++];
			const keys = job.customers.map(customerKey);
			const overlapping = new Set(keys.flatMap((key) => inFlight.get(key) ?? []));
			// Registered before waiting, so that a later job holding the same customer queues behind this one.
			const running = (async () => {
				if (overlapping.size > 0) await Promise.all(overlapping);
				return fatal || isCancelled() ? undefined : await sendJob(job);
			})();
			keys.forEach((key) => inFlight.set(key, running));
			const outcome = await running;
			keys.forEach((key) => inFlight.get(key) === running && inFlight.delete(key));
			if (!outcome) break;
			sent.add(job);
			record(job, outcome);
			fatal ??= outcome.fatal;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
	const reason = fatal ? `Not sent, because the run stopped: ${fatal.message}` : 'Not sent: the execution was cancelled';
	for (const job of jobs.filter((j) => !sent.has(j))) {
		const error = { kind: 'request_failed' as const, code: fatal?.code ?? null, message: reason, outcome: 'not_applied' as const };
		record(job, { results: job.customers.map(() => ({ status: 'failed', error })), enrolled: job.customers.map(() => false) });
	}
	return { byItem, fatal };
}
