import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { BatchPlanner } from './batchPlanner';
import { invalidItemResult, sentItemResult, type SentCustomer } from '../results/itemResults';
import { unreadableItem } from './mapCustomer';
import type { BatchJob, CustomerRequest, FatalFailure, ResultSink } from '../helpers/types';
import { JobQueue } from './jobQueue';
import { readCustomers } from './readCustomers';
import { readOptions } from './readOptions';
import { runConnection } from '../transport/runConnection';
import { notSentOutcome, sendInBatches, type BatchOutcome } from './sendInBatches';
import type { Sender } from '../transport/retry/sendWithRetries';

export type SendJob = (
	context: IExecuteFunctions,
	sender: Sender,
	job: BatchJob,
) => Promise<BatchOutcome>;

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
	reading: { earnedIds?: boolean } = {},
): Promise<OperationOutcome> {
	const { options, fatal: badOptions } = readOptions(context);
	const planner = new BatchPlanner(options.batchSize, options.deduplicate);
	const queue = new JobQueue();
	const cancelSignal = context.getExecutionCancelSignal?.();
	const isCancelled = () => cancelSignal?.aborted === true;
	/** Opened with the run's first request; its place on the shared rate limiter is left once sending ended. */
	const connection = runConnection(context, options);
	const send = async (job: BatchJob, shouldStop: () => boolean) => {
		const opened = await connection.open();
		if ('fatal' in opened) return { ...notSentOutcome(job, opened.fatal), fatal: opened.fatal };
		return await sendJob(context, { ...opened, retry: options, shouldStop }, job);
	};

	const inputOf = (itemIndex: number) =>
		options.includeInputFields ? items[itemIndex] : undefined;
	/** Kept only for what a later duplicate may need: the result of the customer it repeats. */
	const sentByItem: Array<SentCustomer | undefined> = [];
	const duplicates: CustomerRequest[] = [];
	const onResult = (customer: CustomerRequest, sent: SentCustomer) => {
		if (options.deduplicate)
			sentByItem[customer.itemIndex] = {
				...sent,
				sentAs: { identifierValue: customer.identifierValue, source: customer.source },
			};
		emit(sentItemResult(customer, sent, inputOf(customer.itemIndex)));
	};
	const readAhead = options.parallelRequests * READ_AHEAD_PER_REQUEST;
	const sending = sendInBatches({
		queue,
		concurrency: options.parallelRequests,
		sendJob: send,
		isCancelled,
		onResult,
		stoppedBy: badOptions,
	}).finally(connection.leave);
	let itemsRead = 0;
	let lastYield = Date.now();
	try {
		for (const customer of readCustomers(context, items, reading)) {
			if (customer.valid) {
				const full = planner.add(customer.customer);
				if (planner.duplicateOf.has(customer.customer.itemIndex))
					duplicates.push(customer.customer);
				if (full) queue.push(full);
			} else {
				emit(invalidItemResult(customer, inputOf(customer.itemIndex)));
			}
			itemsRead++;
			if (queue.pending >= readAhead) {
				// Wait for a sender to take a batch, then let its request leave before reading on.
				await queue.room(readAhead);
				await sleep(0);
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
	const { fatal } = await sending;
	for (const duplicate of duplicates) {
		const first = planner.duplicateOf.get(duplicate.itemIndex)!;
		emit(sentItemResult(duplicate, sentByItem[first]!, inputOf(duplicate.itemIndex), first));
	}
	return { fatal };
}
