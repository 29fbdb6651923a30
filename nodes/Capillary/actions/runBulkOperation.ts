import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunkCustomers } from '../helpers/chunkCustomers';
import { groupCustomers } from '../helpers/groupCustomers';
import type { CustomerRequest, FatalFailure, ItemResult } from '../helpers/types';
import type { Connection } from '../transport';
import { openConnection } from './openConnection';
import { readCustomers } from './readCustomers';
import { readOptions, type BulkOptions } from './readOptions';
import { RequestPacer } from './requestPacer';
import { sendInBatches, type BatchJob, type BatchOutcome } from './sendInBatches';
import type { Sender } from './sendWithRetries';

export type SendJob = (context: IExecuteFunctions, sender: Sender, job: BatchJob) => Promise<BatchOutcome>;

export interface OperationResult {
	/** One per input item, in input order. */
	results: ItemResult[];
	options: BulkOptions;
	fatal?: FatalFailure;
}

/** Reads, validates, groups and batches every item, sends the batches and pairs a result to each item. */
export async function runBulkOperation(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	sendJob: SendJob,
): Promise<OperationResult> {
	const options = readOptions(context);
	const mapped = readCustomers(context, items);
	const valid = mapped.flatMap((m) => (m.valid ? [m.customer] : []));
	const { groups, duplicateOf } = groupCustomers(valid, options.deduplicate);
	const jobs = groups.flatMap((group) =>
		chunkCustomers(group.customers, options.batchSize).map((customers) => ({ group, customers })),
	);
	const connection = jobs.length > 0 ? await openConnection(context, options) : undefined;
	const cancelSignal = context.getExecutionCancelSignal?.();
	const isCancelled = () => cancelSignal?.aborted === true;
	const sender: Sender = {
		connection: connection as Connection,
		pacer: new RequestPacer(options.maxRequestsPerMinute),
		retry: options,
		isCancelled,
	};
	const { byItem, fatal } = await sendInBatches(
		jobs,
		options.parallelRequests,
		(job) => sendJob(context, sender, job),
		isCancelled,
		connection && 'fatal' in connection ? connection.fatal : undefined,
	);

	const results = mapped.map((m): ItemResult => {
		if (!m.valid) {
			const error = { kind: 'invalid_input' as const, code: null, message: m.message, outcome: 'not_applied' as const };
			return { itemIndex: m.itemIndex, fields: m.fields, result: { status: 'failed', error }, enrolled: false };
		}
		const first = duplicateOf.get(m.customer.itemIndex);
		const sent = byItem.get(first ?? m.customer.itemIndex)!;
		return { itemIndex: m.customer.itemIndex, fields: customerFields(m.customer), ...sent, duplicateOf: first };
	});
	return { results, options, fatal };
}

function customerFields({ identifierName, identifierValue, source, programId, promotion }: CustomerRequest) {
	return { identifierName, identifierValue, source, programId, ...promotion };
}
