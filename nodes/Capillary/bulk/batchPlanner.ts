import type { BatchJob, CustomerGroup, CustomerRequest } from '../helpers/types';

interface OpenGroup {
	group: CustomerGroup;
	open: CustomerRequest[];
	firstByCustomer: Map<string, number>;
}

/**
 * Fills batches as customers arrive in input order, so that the first batches can be sent while
 * later items are still being read. Customers share a batch when they share program, promotion and
 * identifier type; input order is kept within each group. With deduplication, a customer already
 * seen in its group is not added again: `duplicateOf` maps its item to the first one's.
 */
export class BatchPlanner {
	/** Item index of a duplicate → item index of the first identical customer, which is sent. */
	readonly duplicateOf = new Map<number, number>();

	private readonly groups = new Map<string, OpenGroup>();

	constructor(
		private readonly batchSize: number,
		private readonly deduplicate: boolean,
	) {
		if (!Number.isInteger(batchSize) || batchSize < 1)
			throw new RangeError(`Batch size must be a whole number ≥ 1, got ${batchSize}`);
	}

	/** Adds one customer; returns its group's batch when that batch is full. */
	add(customer: CustomerRequest): BatchJob | undefined {
		const key = groupKey(customer);
		let entry = this.groups.get(key);
		if (!entry) {
			const { programId, promotion, identifierName } = customer;
			entry = {
				group: { programId, promotion, identifierName },
				open: [],
				firstByCustomer: new Map(),
			};
			this.groups.set(key, entry);
		}
		if (this.deduplicate) {
			// Who the customer is: the identifier alone. Source only says where the row came from.
			// Revoke Issue items naming other earned IDs ask for other things: both are sent.
			const same = `${comparableValue(customer)}\u0000${customer.earnIds?.join(',') ?? '*'}`;
			const first = entry.firstByCustomer.get(same);
			if (first !== undefined) {
				this.duplicateOf.set(customer.itemIndex, first);
				return undefined;
			}
			entry.firstByCustomer.set(same, customer.itemIndex);
		}
		entry.open.push(customer);
		if (entry.open.length < this.batchSize) return undefined;
		return this.close(entry);
	}

	/**
	 * The partly filled batches, once every customer has been added, in first-seen group order.
	 * Forgets the customers seen, which are no longer needed while the last batches are sent.
	 */
	flush(): BatchJob[] {
		const last = [...this.groups.values()]
			.filter((entry) => entry.open.length > 0)
			.map((entry) => this.close(entry));
		this.groups.clear();
		return last;
	}

	private close(entry: OpenGroup): BatchJob {
		const job = { group: entry.group, customers: entry.open };
		entry.open = [];
		return job;
	}
}

/** Identifies one customer of one promotion: two requests holding the same key must not overlap. */
export function customerKey(customer: CustomerRequest): string {
	return `${groupKey(customer)}\u0000${comparableValue(customer)}`;
}

/** Values that name the same customer compare equal: emails ignore case; mobiles are sent as digits already. */
function comparableValue({ identifierName, identifierValue }: CustomerRequest): string {
	return identifierName === 'email' ? identifierValue.toLowerCase() : identifierValue;
}

function groupKey({ programId, promotion, identifierName }: CustomerRequest): string {
	const promotionKey =
		'promotionId' in promotion
			? `id:${promotion.promotionId}`
			: `code:${promotion.promoIdentifier}`;
	return `${programId}\u0000${promotionKey}\u0000${identifierName}`;
}
