import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunkCustomers } from '../helpers/chunkCustomers';
import { groupCustomers } from '../helpers/groupCustomers';
import type { CustomerRequest, FatalFailure, ItemResult } from '../helpers/types';
import { readCustomers } from './readCustomers';
import { readOptions } from './readOptions';
import { RequestPacer } from './requestPacer';
import { resolveConnection } from './resolveConnection';
import { sendInBatches, type BatchJob, type BatchOutcome } from './sendInBatches';
import type { Sender } from './sendWithRetries';

export type SendJob = (context: IExecuteFunctions, sender: Sender, job: BatchJob) => Promise<BatchOutcome>;

export interface OperationResult {
	/** One per input item, in input order. */
	results: ItemResult[];
	includeInputFields: boolean;
	fatal?: FatalFailure;
}

/** Reads, validates, groups and batches every item, sends the batches and pairs a result to each item. */
export async function runBulkOperation(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	sendJob: SendJob,
): Promise<OperationResult> {
	const { options, fatal: badOptions } = readOptions(context);
	const mapped = readCustomers(context, items);
	const valid = mapped.flatMap((m) => (m.valid ? [m.customer] : []));
	const { groups, duplicateOf } = groupCustomers(valid, options.deduplicate);
	const jobs = groups.flatMap((group) =>
		chunkCustomers(group.customers, options.batchSize).map((customers) => ({ group, customers })),
	);
	const resolved = jobs.length > 0 && !badOptions ? await resolveConnection(context, options.timeout) : undefined;
	const cancelSignal = context.getExecutionCancelSignal?.();
	const isCancelled = () => cancelSignal?.aborted === true;
	const stoppedBy = badOptions ?? (resolved && 'fatal' in resolved ? resolved.fatal : undefined);
	const pacer = new RequestPacer(options.maxRequestsPerMinute);
	const send = (job: BatchJob) => {
		if (!resolved || !('connection' in resolved)) throw new Error('No connection to send with');
		const sender: Sender = { connection: resolved.connection, pacer, retry: options, isCancelled };
		return sendJob(context, sender, job);
	};
	const { byItem, fatal } = await sendInBatches(jobs, options.parallelRequests, send, isCancelled, stoppedBy);

	const results = mapped.map((m): ItemResult => {
		if (!m.valid) {
			const error = { kind: 'invalid_input' as const, code: null, message: m.message, outcome: 'not_applied' as const };
			return { itemIndex: m.itemIndex, fields: m.fields, result: { status: 'failed', error }, enrolled: false };
		}
		const first = duplicateOf.get(m.customer.itemIndex);
		const sent = byItem.get(first ?? m.customer.itemIndex)!;
		return { itemIndex: m.customer.itemIndex, fields: customerFields(m.customer), ...sent, duplicateOf: first };
	});
	return { results, includeInputFields: options.includeInputFields, fatal };
}

function customerFields({ identifierName, identifierValue, source, programId, promotion }: CustomerRequest) {
	return { identifierName, identifierValue, source, programId, ...promotion };
}
