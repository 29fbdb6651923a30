import type { CustomerRequest, CustomerResult } from '../helpers/types';

type Identified = Pick<CustomerRequest, 'identifierName' | 'identifierValue'>;

/**
 * What this run's own answers named, per Capillary customer: the ids (issualId, earnedId), which
 * are other requests' records, not the one being verified; and the identifiers the customer was
 * sent by, so that a lookup naming that customer for another value of the same identifier type
 * shows itself wrong. `blind` once an answer named an id without its customer: then any record may
 * be another request's.
 */
export class RunRecords {
	private readonly ids = new Map<number, Set<string>>();

	private readonly identities = new Map<number, Set<string>>();

	/** Customers (identity and item) a request was resent for after an attempt that may have applied. */
	private readonly unnamed: Array<{ identity: string; itemIndex: number }> = [];

	blind = false;

	note(result: CustomerResult, customer?: Identified): void {
		if (customer && result.entityId !== undefined) this.noteIdentity(result.entityId, customer);
		const named = namedIds(result);
		if (named.length === 0) return;
		if (result.entityId === undefined) {
			this.blind = true;
			return;
		}
		let ids = this.ids.get(result.entityId);
		if (!ids) this.ids.set(result.entityId, (ids = new Set()));
		named.forEach((id) => ids.add(id));
	}

	/** Capillary answered (or a lookup named) customer `customerId` for `customer`'s identifier. */
	noteIdentity(customerId: number, customer: Identified): void {
		let known = this.identities.get(customerId);
		if (!known) this.identities.set(customerId, (known = new Set()));
		known.add(identity(customer));
	}

	/**
	 * A request for `customer` was sent again after an attempt that may have applied (Retry Requests
	 * With Unknown Outcome): that attempt's record, if any, is named by no answer.
	 */
	noteUnnamed(customer: Identified & Pick<CustomerRequest, 'itemIndex'>): void {
		this.unnamed.push({ identity: identity(customer), itemIndex: customer.itemIndex });
	}

	/**
	 * Whether customer `customerId` may hold a record of another request of this run that no answer
	 * named: one resent after an attempt that may have applied, for an identifier of that customer
	 * (as answers and `alsoKnown` lookups named it), other than `customer`'s own item.
	 */
	mayHoldUnnamed(
		customerId: number,
		customer: Identified & Pick<CustomerRequest, 'itemIndex'>,
		alsoKnown?: RunRecords,
	): boolean {
		const known = new Set([
			...(this.identities.get(customerId) ?? []),
			...(alsoKnown?.identities.get(customerId) ?? []),
			identity({ identifierName: 'id', identifierValue: String(customerId) }),
		]);
		return this.unnamed.some((u) => known.has(u.identity) && u.itemIndex !== customer.itemIndex);
	}

	idsFor(customerId: number): ReadonlySet<string> {
		return this.ids.get(customerId) ?? new Set();
	}

	/**
	 * Whether customer `customerId` is known to this run by another value of `customer`'s identifier
	 * type: then one of the answers that named it was for someone else.
	 */
	knownOtherwise(customerId: number, customer: Identified): boolean {
		const own = identity(customer);
		const type = `${customer.identifierName}\u0000`;
		return [...(this.identities.get(customerId) ?? [])].some(
			(known) => known !== own && known.startsWith(type),
		);
	}
}

/** An identifier as Capillary matches it: emails without regard to case. */
function identity({ identifierName, identifierValue }: Identified): string {
	const value = identifierName === 'email' ? identifierValue.toLowerCase() : identifierValue;
	return `${identifierName}\u0000${value}`;
}

/** The ids a result names (issualId, earnedId), as the lookup reads ids: no padding, no leading zeros. */
export function namedIds(result: CustomerResult): string[] {
	return [result.issualId, result.earnedId]
		.filter((id) => id !== undefined)
		.map((id) => id.trim().replace(/^0+(?=\d)/, ''));
}
