import type { INodeExecutionData } from 'n8n-workflow';

import type { CustomerRequest, ItemResult } from '../helpers/types';
import { sentItemResult, type SentCustomer } from '../results/itemResults';

/**
 * The results of Deduplicate's duplicates: each repeats the result of the first item with the same
 * customer, which alone was sent. A duplicate may be read after its first was answered, so every
 * sent customer's result is kept, flat: its result, whether it is enrolled, and the value and Source
 * it was sent with (references, no copies: a run of 100,000 customers holds little more than their results).
 */
export class DuplicateResults {
	private readonly sentResults: Array<SentCustomer['result'] | undefined> = [];

	private readonly enrolled: Array<SentCustomer['enrolled']> = [];

	private readonly values: Array<string | undefined> = [];

	private readonly sources: Array<string | undefined> = [];

	private readonly duplicates: Array<{ customer: CustomerRequest; first: number }> = [];

	keep(customer: CustomerRequest, sent: SentCustomer): void {
		this.sentResults[customer.itemIndex] = sent.result;
		if (sent.enrolled !== undefined) this.enrolled[customer.itemIndex] = sent.enrolled;
		this.values[customer.itemIndex] = customer.identifierValue;
		this.sources[customer.itemIndex] = customer.source;
	}

	/** `customer` repeats the customer of item `first`. */
	add(customer: CustomerRequest, first: number): void {
		this.duplicates.push({ customer, first });
	}

	/** Once every first has its result: one per duplicate. */
	results(inputOf: (itemIndex: number) => INodeExecutionData | undefined): ItemResult[] {
		return this.duplicates.map(({ customer, first }) => {
			const sentAs = { identifierValue: this.values[first]!, source: this.sources[first]! };
			const sent = { result: this.sentResults[first]!, enrolled: this.enrolled[first], sentAs };
			return sentItemResult(customer, sent, inputOf(customer.itemIndex), first);
		});
	}
}
