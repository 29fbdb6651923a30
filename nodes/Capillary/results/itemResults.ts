import type { INodeExecutionData } from 'n8n-workflow';

import type {
	CustomerRequest,
	CustomerResult,
	FatalFailure,
	InvalidItem,
	ItemResult,
} from '../helpers/types';

/** What a batch's answer said of one customer (and, for Enrol and Issue, whether it is enrolled). */
export interface SentCustomer {
	result: CustomerResult;
	enrolled?: boolean | null;
	/** For a duplicate: the customer sent in its place (its value and Source are what Capillary got). */
	sentAs?: Pick<CustomerRequest, 'identifierValue' | 'source'>;
}

/** The result of a customer that was sent (or repeats, as `duplicateOf`, one that was). */
export function sentItemResult(
	customer: CustomerRequest,
	sentCustomer: SentCustomer,
	input: INodeExecutionData | undefined,
	duplicateOf?: number,
): ItemResult {
	const { itemIndex, identifierName, identifierValue, givenValue, programId, promotion } = customer;
	const sent = sentCustomer.sentAs ?? customer;
	const fields = {
		identifierName,
		identifierValue: givenValue ?? identifierValue,
		identifierValueSent: sent.identifierValue,
		source: sent.source,
		programId,
		...promotion,
	};
	return {
		itemIndex,
		fields,
		input,
		result: sentCustomer.result,
		enrolled: sentCustomer.enrolled,
		duplicateOf,
	};
}

/** The result of an item that is not sent, because its input is invalid. */
export function invalidItemResult(
	item: InvalidItem,
	input: INodeExecutionData | undefined,
): ItemResult {
	const error = {
		kind: 'invalid_input' as const,
		code: null,
		message: item.message,
		outcome: 'not_applied' as const,
	};
	return {
		itemIndex: item.itemIndex,
		fields: item.fields,
		input,
		result: { status: 'failed', error },
		enrolled: false,
	};
}

/** The result of a customer whose batch never left: certainly not applied. */
export function notSentResult(stoppedBy: FatalFailure | undefined): CustomerResult {
	const message = stoppedBy
		? `Not sent, because the run stopped: ${stoppedBy.message}`
		: 'Not sent: the run stopped before this batch';
	return {
		status: 'failed',
		error: {
			kind: 'request_failed',
			code: stoppedBy?.code ?? null,
			message,
			outcome: 'not_applied',
		},
	};
}
