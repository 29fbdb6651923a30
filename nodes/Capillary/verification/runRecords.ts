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
	/**
	 * What each answer named, kept flat as it came: a few references per customer, to strings its
	 * output item holds anyway (most runs never ask, and a run of 100,000 customers must not hold
	 * sets for each). Indexed by customer on the first question.
	 */
	private readonly noted = {
		customerIds: [] as number[],
		identifierNames: [] as Array<Identified['identifierName'] | undefined>,
		identifierValues: [] as Array<string | undefined>,
		issualIds: [] as Array<string | undefined>,
		earnedIds: [] as Array<string | undefined>,
	};

	private index?: {
		ids: Map<number, Set<string>>;
		identities: Map<number, Set<string>>;
	};

	/** Customers (identity and item) a request was resent for after an attempt that may have applied. */
	private readonly unnamed: Array<{ identity: string; itemIndex: number }> = [];

	blind = false;

	note(result: CustomerResult, customer?: Identified): void {
		const { entityId, issualId, earnedId } = result;
		const named = issualId !== undefined || earnedId !== undefined;
		if (entityId === undefined) {
			if (named) this.blind = true;
			return;
		}
		if (customer || named) this.add(entityId, customer, issualId, earnedId);
	}

	/** Capillary answered (or a lookup named) customer `customerId` for `customer`'s identifier. */
	noteIdentity(customerId: number, customer: Identified): void {
		this.add(customerId, customer, undefined, undefined);
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
		if (this.unnamed.length === 0) return false;
		const known = new Set([
			...this.identitiesOf(customerId),
			...(alsoKnown?.identitiesOf(customerId) ?? []),
			identity({ identifierName: 'id', identifierValue: String(customerId) }),
		]);
		return this.unnamed.some((u) => known.has(u.identity) && u.itemIndex !== customer.itemIndex);
	}

	idsFor(customerId: number): ReadonlySet<string> {
		return this.indexed().ids.get(customerId) ?? new Set();
	}

	/**
	 * Whether customer `customerId` is known to this run by another value of `customer`'s identifier
	 * type: then one of the answers that named it was for someone else.
	 */
	knownOtherwise(customerId: number, customer: Identified): boolean {
		const own = identity(customer);
		const type = `${customer.identifierName}\u0000`;
		return [...this.identitiesOf(customerId)].some(
			(known) => known !== own && known.startsWith(type),
		);
	}

	private identitiesOf(customerId: number): ReadonlySet<string> {
		return this.indexed().identities.get(customerId) ?? new Set();
	}

	private add(
		customerId: number,
		customer: Identified | undefined,
		issualId: string | undefined,
		earnedId: string | undefined,
	): void {
		const { noted } = this;
		noted.customerIds.push(customerId);
		noted.identifierNames.push(customer?.identifierName);
		noted.identifierValues.push(customer?.identifierValue);
		noted.issualIds.push(issualId);
		noted.earnedIds.push(earnedId);
		if (this.index) this.indexEntry(this.index, noted.customerIds.length - 1);
	}

	private indexed(): NonNullable<RunRecords['index']> {
		if (this.index) return this.index;
		const index = (this.index = { ids: new Map(), identities: new Map() });
		for (let k = 0; k < this.noted.customerIds.length; k++) this.indexEntry(index, k);
		return index;
	}

	private indexEntry(index: NonNullable<RunRecords['index']>, k: number): void {
		const { customerIds, identifierNames, identifierValues, issualIds, earnedIds } = this.noted;
		const customerId = customerIds[k];
		const identifierName = identifierNames[k];
		const identifierValue = identifierValues[k];
		if (identifierName !== undefined && identifierValue !== undefined)
			setOf(index.identities, customerId).add(identity({ identifierName, identifierValue }));
		const named = namedIds({ issualId: issualIds[k], earnedId: earnedIds[k] });
		if (named.length > 0) named.forEach((id) => setOf(index.ids, customerId).add(id));
	}
}

function setOf(map: Map<number, Set<string>>, key: number): Set<string> {
	let set = map.get(key);
	if (!set) map.set(key, (set = new Set()));
	return set;
}

/** An identifier as Capillary matches it: emails without regard to case. */
function identity({ identifierName, identifierValue }: Identified): string {
	const value = identifierName === 'email' ? identifierValue.toLowerCase() : identifierValue;
	return `${identifierName}\u0000${value}`;
}

/** The ids a result names (issualId, earnedId), as the lookup reads ids: no padding, no leading zeros. */
export function namedIds(result: Pick<CustomerResult, 'issualId' | 'earnedId'>): string[] {
	return [result.issualId, result.earnedId]
		.filter((id) => id !== undefined)
		.map((id) => id.trim().replace(/^0+(?=\d)/, ''));
}
