import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { FatalFailure, ItemResult, ResultSink } from '../helpers/types';
import { errorMessage } from '../helpers/errorMessage';
import type { OperationOutcome } from '../bulk/runBulkOperation';
import { unreadableItem } from '../bulk/mapCustomer';
import { readOptions } from '../bulk/readOptions';
import { invalidItemResult } from '../results/itemResults';
import { runConnection } from '../transport/runConnection';
import { fetchCustomerPromotions } from './fetchCustomerPromotions';
import { lookupResult, notLookedUp, unexpectedFailure, type LookupResult } from './lookupResult';
import { readLookupCustomers, type LookupRequest, type MappedLookup } from './readLookupCustomers';

/**
 * Looks up each valid item's customer (one lookup, paged to the end, per item), with at most
 * Parallel Requests lookups in flight, and hands each item's result to `emit` once. Once the
 * execution is cancelled or a request failed for good, no further request leaves: the items not
 * looked up yet are Failed, `not_applied`. Invalid items are never sent.
 */
export async function runLookups(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	const { options, fatal: badOptions } = readOptions(context);
	const cancelSignal = context.getExecutionCancelSignal?.();
	let fatal: FatalFailure | undefined = badOptions;
	const isCancelled = () => cancelSignal?.aborted === true;
	const shouldStop = () => fatal !== undefined || isCancelled();
	const connection = runConnection(context, options);
	const inputOf = (itemIndex: number) =>
		options.includeInputFields ? items[itemIndex] : undefined;
	const record = (itemResult: Omit<ItemResult, 'input'>) => {
		try {
			emit({ ...itemResult, input: inputOf(itemResult.itemIndex) });
		} catch (error) {
			// A result that cannot be recorded is a bug: stop sending, and let the run end rather than hang.
			fatal ??= { code: null, message: `The node failed unexpectedly (${errorMessage(error)})` };
		}
	};

	const lookUp = async (customer: LookupRequest): Promise<LookupResult> => {
		if (shouldStop()) return notLookedUp(customer, fatal);
		const opened = await connection.open();
		if ('fatal' in opened) return { ...notLookedUp(customer, opened.fatal), fatal: opened.fatal };
		const sender = { ...opened, retry: options, shouldStop };
		const found = await fetchCustomerPromotions(context, sender, {
			identifierName: customer.identifierName,
			identifierValue: customer.identifierValue,
			source: customer.source,
			programId: customer.programId,
		});
		return lookupResult(customer, found);
	};

	const next = nextItem(readLookupCustomers(context, items), items.length);
	const worker = async () => {
		for (let item = next(); item; item = next()) {
			if (!item.valid) {
				record(invalidItemResult(item, undefined));
				continue;
			}
			const {
				fields,
				result,
				fatal: failure,
			} = await lookUp(item.customer).catch((error: unknown) =>
				unexpectedFailure(item.customer, error),
			);
			// A lookup the cancel ended failed because of it: that stops nothing more.
			if (!isCancelled()) fatal ??= failure;
			record({ itemIndex: item.customer.itemIndex, fields, result });
		}
	};
	await Promise.all(Array.from({ length: options.parallelRequests }, worker)).finally(
		connection.leave,
	);
	return { fatal };
}

/**
 * The items in order, one per call, undefined once all were handed out. Reading is guarded item by
 * item; should it fail anyway, the items not read yet are handed out as unreadable, none lost.
 */
function nextItem(
	reading: Generator<MappedLookup>,
	itemCount: number,
): () => MappedLookup | undefined {
	let handedOut = 0;
	let failure: unknown;
	return () => {
		if (handedOut >= itemCount) return undefined;
		if (failure === undefined) {
			try {
				const read = reading.next();
				if (!read.done) {
					handedOut++;
					return read.value;
				}
				failure = new Error('the item was not read');
			} catch (error) {
				failure = error ?? new Error('reading failed');
			}
		}
		return unreadableItem(handedOut++, failure);
	};
}
