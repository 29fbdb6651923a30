import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { BatchPlanner } from '../helpers/batchPlanner';
import { unreadableItem, type MappedCustomer } from '../helpers/mapCustomer';
import type { BatchJob, CustomerRequest, FatalFailure, ItemResult } from '../helpers/types';
import { JobQueue } from './jobQueue';
import { readCustomers } from './readCustomers';
import { readOptions } from './readOptions';
import { resolveConnection, type ResolvedConnection } from './resolveConnection';
import { sendInBatches, type BatchOutcome } from './sendInBatches';
import { sharedPacer } from './sharedPacers';
import type { Sender } from './sendWithRetries';

export type SendJob = (context: IExecuteFunctions, sender: Sender, job: BatchJob) => Promise<BatchOutcome>;

export interface OperationResult {
	/** One per input item, in input order. */
	results: ItemResult[];
	includeInputFields: boolean;
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
 * later items are still being read (at most `readAhead` batches ahead); then pairs a result to each item.
 */
export async function runBulkOperation(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	sendJob: SendJob,
): Promise<OperationResult> {
	const { options, fatal: badOptions } = readOptions(context);
	const planner = new BatchPlanner(options.batchSize, options.deduplicate);
	const queue = new JobQueue();
	const cancelSignal = context.getExecutionCancelSignal?.();
	const isCancelled = () => cancelSignal?.aborted === true;
	let connection: Promise<ResolvedConnection> | undefined;
	const send = async (job: BatchJob, shouldStop: () => boolean) => {
		connection ??= resolveConnection(context, options.timeout);
		const resolved = await connection;
		if ('fatal' in resolved) {
			const result = notSent(resolved.fatal);
			return { results: job.customers.map(() => result), enrolled: job.customers.map(() => false), fatal: resolved.fatal };
		}
		const pacer = sharedPacer(resolved.connection, options.maxRequestsPerMinute);
		return await sendJob(context, { connection: resolved.connection, pacer, retry: options, shouldStop }, job);
	};

	const readAhead = options.parallelRequests * READ_AHEAD_PER_REQUEST;
	const sending = sendInBatches(queue, options.parallelRequests, send, isCancelled, badOptions);
	const mapped: MappedCustomer[] = [];
	let lastYield = Date.now();
	try {
		for (const customer of readCustomers(context, items)) {
			mapped.push(customer);
			const full = customer.valid ? planner.add(customer.customer) : undefined;
			if (full) queue.push(full);
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
		for (let itemIndex = mapped.length; itemIndex < items.length; itemIndex++) mapped.push(unreadableItem(itemIndex, error));
	} finally {
		queue.close();
	}
	const { byItem, fatal } = await sending;

	const results = mapped.map((m): ItemResult => {
		if (!m.valid) {
			const error = { kind: 'invalid_input' as const, code: null, message: m.message, outcome: 'not_applied' as const };
			return { itemIndex: m.itemIndex, fields: m.fields, result: { status: 'failed', error }, enrolled: false };
		}
		const first = planner.duplicateOf.get(m.customer.itemIndex);
		const sent = byItem[first ?? m.customer.itemIndex]!;
		return { itemIndex: m.customer.itemIndex, fields: customerFields(m.customer), ...sent, duplicateOf: first };
	});
	return { results, includeInputFields: options.includeInputFields, fatal };
}

function notSent(fatal: FatalFailure) {
	const message = `Not sent, because the run stopped: ${fatal.message}`;
	return { status: 'failed' as const, error: { kind: 'request_failed' as const, code: fatal.code, message, outcome: 'not_applied' as const } };
}

function customerFields({ identifierName, identifierValue, source, programId, promotion }: CustomerRequest) {
	return { identifierName, identifierValue, source, programId, ...promotion };
}
