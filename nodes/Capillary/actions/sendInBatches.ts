import type { CustomerGroup } from '../helpers/groupCustomers';
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
 * Sends jobs with at most `concurrency` in flight, in input order. After a fatal failure, or once
 * `isCancelled()` says so, no further job starts: its customers are Failed, certainly not applied.
 * With `stoppedBy`, nothing is sent at all.
 */
export async function sendInBatches(
	jobs: readonly BatchJob[],
	concurrency: number,
	sendJob: (job: BatchJob) => Promise<BatchOutcome>,
	isCancelled: () => boolean,
	stoppedBy?: FatalFailure,
): Promise<{ byItem: Map<number, SentCustomer>; fatal?: FatalFailure }> {
	const byItem = new Map<number, SentCustomer>();
	let fatal = stoppedBy;
	let next = 0;
	const record = (job: BatchJob, outcome: BatchOutcome) =>
		job.customers.forEach((customer, i) =>
			byItem.set(customer.itemIndex, { result: outcome.results[i], enrolled: outcome.enrolled?.[i] }),
		);
	const worker = async () => {
		while (next < jobs.length && !fatal && !isCancelled()) {
			const job = jobs[next++];
			const outcome = await sendJob(job);
			record(job, outcome);
			fatal ??= outcome.fatal;
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
	const reason = fatal
		? `Not sent, because the run stopped: ${fatal.message}`
		: 'Not sent: the execution was cancelled';
	for (const job of jobs.slice(next)) {
		const error = { kind: 'request_failed' as const, code: fatal?.code ?? null, message: reason, outcome: 'not_applied' as const };
		record(job, { results: job.customers.map(() => ({ status: 'failed', error })), enrolled: job.customers.map(() => false) });
	}
	return { byItem, fatal };
}
