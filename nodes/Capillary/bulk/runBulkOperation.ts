import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { BatchPlanner } from './batchPlanner';
import { DuplicateResults } from './duplicateResults';
import { invalidItemResult, sentItemResult, type SentCustomer } from '../results/itemResults';
import { unreadableItem } from './mapCustomer';
import type { BatchJob, CustomerRequest, FatalFailure, ResultSink } from '../helpers/types';
import { JobQueue } from './jobQueue';
import { sendCustomers } from './sendCustomers';
import { readCustomers } from './readCustomers';
import { readOptions } from './readOptions';
import { runConnection } from '../transport/runConnection';
import { notSentOutcome, sendInBatches, type SentBatch } from './sendInBatches';
import type { Sender } from '../transport/retry/sendWithRetries';
import { RunRecords } from '../verification/runRecords';
import type { HeldCustomer } from '../verification/verifyHeldResults';
import {
	resendRule,
	settleUnknownOutcomes,
	type FollowUpRule,
} from '../verification/settleUnknownOutcomes';

/** Sends one batch; `records`: what the run's answers named, for Verify Unknown Outcomes. */
export type SendJob = (
	context: IExecuteFunctions,
	sender: Sender,
	job: BatchJob,
	records: RunRecords,
) => Promise<SentBatch>;

export interface BulkSettings {
	/** Read the Earned IDs parameter (Revoke Issue). */
	earnedIds?: boolean;
	/** What to send after Verify Unknown Outcomes; by default, a resend with the same job. */
	followUp?: FollowUpRule;
}

export interface OperationOutcome {
	/** The request-level failure that stopped the run, if one did. */
	fatal?: FatalFailure;
}

/** Reading items is CPU work; this often it gives the event loop a turn, so that batches in flight progress. */
const YIELD_EVERY_MS = 4;

/**
 * The reader stays at most this many batches per parallel request ahead of the senders, so that
 * reading is spread over the network waits instead of holding up the answers of the first batches.
 */
const READ_AHEAD_PER_REQUEST = 1;

/**
 * Reads and validates every item, fills batches, and sends each batch as soon as it is full, while
 * later items are still being read (at most a few batches ahead). Hands each item's result to
 * `emit` once, as soon as it is final, so that results need not all be held until the end.
 */
export async function runBulkOperation(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	sendJob: SendJob,
	emit: ResultSink,
	{ earnedIds = false, followUp = resendRule(sendJob) }: BulkSettings = {},
): Promise<OperationOutcome> {
	const { options, fatal: badOptions } = readOptions(context);
	const planner = new BatchPlanner(options.batchSize, options.deduplicate);
	const queue = new JobQueue();
	const cancelSignal = context.getExecutionCancelSignal?.();
	const isCancelled = () => cancelSignal?.aborted === true;
	/** Opened with the run's first request; its place on the shared rate limiter is left once all is sent. */
	const connection = runConnection(context, options);
	/** The run's requests share it; set with the first, so that a run with nothing to send loads nothing. */
	let sender: Omit<Sender, 'shouldStop'> | undefined;
	const records = new RunRecords();
	const sendWith = (job: SendJob) => async (batch: BatchJob, shouldStop: () => boolean) => {
		const opened = await connection.open();
		if ('fatal' in opened) return { ...notSentOutcome(batch, opened.fatal), fatal: opened.fatal };
		sender ??= { ...opened, retry: options, verify: options };
		return await job(context, { ...sender, shouldStop }, batch, records);
	};

	const inputOf = (itemIndex: number) =>
		options.includeInputFields ? items[itemIndex] : undefined;
	const duplicates = new DuplicateResults();
	/** Customers whose outcome is unknown, held back until they are looked up (Verify Unknown Outcomes). */
	const held: HeldCustomer[] = [];
	const finish = (customer: CustomerRequest, sent: SentCustomer) => {
		records.note(sent.result, customer);
		if (options.deduplicate) duplicates.keep(customer, sent);
		emit(sentItemResult(customer, sent, inputOf(customer.itemIndex)));
	};
	const onResult = (customer: CustomerRequest, sent: SentCustomer) => {
		const { result } = sent;
		if (options.verifyUnknownOutcomes && result.status === 'failed' && result.sentRequest)
			held.push({ customer, sent });
		else finish(customer, sent);
	};
	const readAhead = options.parallelRequests * READ_AHEAD_PER_REQUEST;
	const sending = sendInBatches({
		queue,
		concurrency: options.parallelRequests,
		sendJob: sendWith(sendJob),
		isCancelled,
		onResult,
		stoppedBy: badOptions,
		requestLeft: connection.requestLeft,
	});
	let itemsRead = 0;
	let lastYield = Date.now();
	try {
		for (const customer of readCustomers(context, items, { earnedIds })) {
			if (customer.valid) {
				const full = planner.add(customer.customer);
				const first = planner.duplicateOf.get(customer.customer.itemIndex);
				if (first !== undefined) duplicates.add(customer.customer, first);
				if (full) queue.push(full);
			} else {
				emit(invalidItemResult(customer, inputOf(customer.itemIndex)));
			}
			itemsRead++;
			if (queue.pending >= readAhead) {
				// Wait for a sender to take a batch, then let its request leave before reading on.
				await queue.room(readAhead);
				await connection.requestLeft();
				lastYield = Date.now();
			} else if (Date.now() - lastYield >= YIELD_EVERY_MS) {
				await sleep(0);
				lastYield = Date.now();
			}
		}
		planner.flush().forEach((job) => queue.push(job));
	} catch (error) {
		// Reading is guarded item by item; should it fail anyway, nothing more leaves and no item is lost.
		queue.abort();
		planner.flush().forEach((job) => queue.push(job));
		for (let itemIndex = itemsRead; itemIndex < items.length; itemIndex++)
			emit(invalidItemResult(unreadableItem(itemIndex, error), inputOf(itemIndex)));
	} finally {
		queue.close();
	}
	let fatal: FatalFailure | undefined;
	try {
		({ fatal } = await sending);
		if (sender && held.length > 0) {
			// Not `fatal ??= …`: that would skip settling, and lose the held customers, after a fatal failure.
			const followUpFatal = await settleUnknownOutcomes({
				context,
				sender: { ...sender, shouldStop: isCancelled },
				held,
				records,
				concurrency: options.parallelRequests,
				resend: options.resendVerifiedNotApplied,
				fatal,
				followUp,
				sendFollowUps: async (job, customers) =>
					await sendCustomers(customers, options.batchSize, {
						concurrency: options.parallelRequests,
						sendJob: sendWith(job),
						isCancelled,
						requestLeft: connection.requestLeft,
					}),
				finish,
			});
			fatal ??= followUpFatal;
		} else held.forEach(({ customer, sent }) => finish(customer, sent));
	} finally {
		connection.leave();
	}
	for (const result of duplicates.results(inputOf)) emit(result);
	return { fatal };
}
