import type { INodeExecutionData } from 'n8n-workflow';

import { outputItem } from './outputItem';
import type { ItemResult, Operation } from '../helpers/types';

/**
 * Turns each item's result into its output item as soon as the result is final, so that results
 * need not all be held until the end of a long run, and gives the node's outputs in input order.
 */
export class OutputCollector {
	/** True once any result may have enrolled, issued or revoked something (never for a lookup). */
	anyMayHaveApplied = false;

	/** The Capillary error codes seen in the results. */
	readonly errorCodes = new Set<number | string>();

	private readonly built: Array<INodeExecutionData | undefined>;

	private readonly succeeded: Uint8Array;

	constructor(
		private readonly operation: Operation,
		private readonly itemCount: number,
	) {
		this.built = new Array<INodeExecutionData | undefined>(itemCount);
		this.succeeded = new Uint8Array(itemCount);
	}

	add(result: ItemResult): void {
		this.built[result.itemIndex] = outputItem(this.operation, result);
		this.succeeded[result.itemIndex] = result.result.status === 'success' ? 1 : 0;
		if (result.result.status === 'failed' && result.result.error.code !== null)
			this.errorCodes.add(result.result.error.code);
		// A lookup changes nothing, whatever its result.
		if (this.operation !== 'getCustomerPromotions')
			this.anyMayHaveApplied ||= mayHaveApplied(result);
	}

	/**
	 * [Success, Failed], each in input order; with `allOnFirst`, every item on the first output.
	 * An item without a result (which would be a bug) is Failed as `unknown`, never dropped.
	 */
	outputs(allOnFirst: boolean): INodeExecutionData[][] {
		const success: INodeExecutionData[] = [];
		const failed: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.itemCount; itemIndex++) {
			const item = this.built[itemIndex] ?? this.missing(itemIndex);
			(allOnFirst || this.succeeded[itemIndex] === 1 ? success : failed).push(item);
		}
		return [success, failed];
	}

	private missing(itemIndex: number): INodeExecutionData {
		const lookup = this.operation === 'getCustomerPromotions';
		const message = lookup
			? 'The node lost track of this item: look it up again'
			: 'The node lost track of this item: it may have been enrolled or issued; check it in Capillary';
		const error = {
			kind: 'request_failed' as const,
			code: null,
			message,
			outcome: lookup ? ('not_applied' as const) : ('unknown' as const),
		};
		return outputItem(this.operation, {
			itemIndex,
			fields: {},
			result: { status: 'failed', error },
		});
	}
}

function mayHaveApplied({ result, enrolled }: ItemResult): boolean {
	return (
		result.status === 'success' ||
		result.error.outcome === 'unknown' ||
		enrolled === true ||
		enrolled === null
	);
}
