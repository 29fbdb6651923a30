import { sleep } from 'n8n-workflow';

import { AfterRequestLeft } from './afterRequestLeft';
import { customerKey } from './batchPlanner';
import { notSentResult, type SentCustomer } from '../results/itemResults';
import type { BatchJob, CustomerRequest, CustomerResult, FatalFailure } from '../helpers/types';
import type { JobQueue } from './jobQueue';
import { errorMessage } from '../helpers/errorMessage';

/** The outcome of one batch: one result per customer, in the order of `job.customers`. */
export interface BatchOutcome {
	results: CustomerResult[];
	/** Enrol and Issue only: whether each customer is enrolled (null: unknown). */
	enrolled?: Array<boolean | null>;
	fatal?: FatalFailure;
}

/**
 * A batch answered. Its fatal failure is known at once; its results, when given by `read`, are
 * read once the request the answer made way for has left (`requestLeft`), so that their CPU
 * overlaps the network waits instead of delaying that request.
 */
export type SentBatch = BatchOutcome | { fatal?: FatalFailure; read: () => BatchOutcome };

export interface BatchSending {
	queue: JobQueue;
	concurrency: number;
	sendJob: (job: BatchJob, shouldStop: () => boolean) => Promise<SentBatch>;
	isCancelled: () => boolean;
	/** Called once for every customer of every batch the queue held, as soon as its result is final. */
	onResult: (customer: CustomerRequest, sent: SentCustomer) => void;
	/** A failure before anything was sent: then nothing is. */
	stoppedBy?: FatalFailure;
	/** Resolves once the latest request has had time to leave; answers given by `read` wait for it. */
	requestLeft?: () => Promise<void>;
}

/**
 * Sends the queue's batches as they come, with at most `concurrency` in flight, starting them in
 * queue order. A batch waits while an earlier one holding one of its customers is in flight, so no
 * customer is in two requests at once. After a fatal failure, once `isCancelled()`, or once the
 * queue is aborted, no further batch starts: its customers are Failed, certainly not applied.
 * Resolves once the queue is closed and every customer has had its result.
 */
export async function sendInBatches({
	queue,
	concurrency,
	sendJob,
	isCancelled,
	onResult,
	stoppedBy,
	requestLeft = async () => await sleep(0),
}: BatchSending): Promise<{ fatal?: FatalFailure }> {
	const inFlight = new Map<string, Promise<unknown>>();
	let fatal = stoppedBy;
	/** For sends waiting on the rate limit or a retry: once true, they must not leave. */
	const shouldStop = () => fatal !== undefined || isCancelled() || queue.aborted;
	const record = (job: BatchJob, outcome: BatchOutcome) =>
		job.customers.forEach((customer, i) => {
			try {
				onResult(customer, { result: outcome.results[i], enrolled: outcome.enrolled?.[i] });
			} catch (error) {
				// A result that cannot be recorded is a bug: stop sending, and let the run end rather than hang.
				const reason = errorMessage(error);
				fatal ??= {
					code: null,
					message: `The node failed unexpectedly while recording a result (${reason})`,
				};
			}
		});
	const notSent = (job: BatchJob) => record(job, notSentOutcome(job, fatal));
	const answers = new AfterRequestLeft(requestLeft);
	const readAnswer = (job: BatchJob, read: () => BatchOutcome) => {
		const outcome = readSafely(job, read);
		fatal ??= outcome.fatal;
		record(job, outcome);
	};
	const worker = async () => {
		for (let job = await queue.next(); job; job = await queue.next()) {
			if (shouldStop()) {
				notSent(job);
				continue;
			}
			const current = job;
			const keys = current.customers.map(customerKey);
			const overlapping = new Set(keys.flatMap((key) => inFlight.get(key) ?? []));
			// Registered before waiting, so that a later batch holding the same customer queues behind this one.
			const running = (async () => {
				if (overlapping.size > 0) await Promise.all(overlapping);
				if (shouldStop()) return undefined;
				return await sendJob(current, shouldStop).catch((error: unknown) =>
					unexpectedFailure(current, error),
				);
			})();
			keys.forEach((key) => inFlight.set(key, running));
			const outcome = await running;
			keys.forEach((key) => inFlight.get(key) === running && inFlight.delete(key));
			if (!outcome) {
				notSent(current);
				continue;
			}
			fatal ??= outcome.fatal;
			if ('read' in outcome) answers.add(() => readAnswer(current, outcome.read));
			else record(current, outcome);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	// No request is left to make way for: the last answers are read now.
	answers.flush();
	return { fatal };
}

/** The outcome of a batch that never left: every customer certainly not applied, nor enrolled. */
export function notSentOutcome(job: BatchJob, stoppedBy: FatalFailure | undefined): BatchOutcome {
	const result = notSentResult(stoppedBy);
	return { results: job.customers.map(() => result), enrolled: job.customers.map(() => false) };
}

/** A batch's answer read; should reading throw, the answer is lost: outcome unknown, and the run stops. */
function readSafely(job: BatchJob, read: () => BatchOutcome): BatchOutcome {
	try {
		return read();
	} catch (error) {
		return unexpectedFailure(job, error);
	}
}

/** A batch whose sending threw: it may have left, so its customers are `unknown`, and the run stops. */
function unexpectedFailure(job: BatchJob, error: unknown): BatchOutcome {
	const reason = errorMessage(error);
	const message = `The node failed unexpectedly while sending this batch (${reason}): it may have been applied`;
	const failure = {
		kind: 'request_failed' as const,
		code: null,
		message,
		outcome: 'unknown' as const,
	};
	return {
		results: job.customers.map(() => ({ status: 'failed', error: failure })),
		enrolled: job.customers.map(() => null),
		fatal: { code: null, message },
	};
}
