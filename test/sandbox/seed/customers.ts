import type { IdentifierName } from '../types';

/**
 * Customers are defined by rule so benchmarks can use a million of them without materialising any:
 * customer k (0 <= k < CUSTOMER_COUNT) has id 1000000+k, mobile '9190' + k padded to 8 digits and
 * email `customer${k}@example.com`. A few named customers and one user group are added by hand.
 */
export const CUSTOMER_COUNT = 1_000_000;
const ID_BASE = 1_000_000;

export interface CustomerIdentifiers {
	id: number;
	mobile: string;
	email: string;
}

export type CustomerLookup =
	| { kind: 'customer'; customer: CustomerIdentifiers }
	| { kind: 'userGroup' }
	| { kind: 'notFound' };

export function ruleCustomer(k: number): CustomerIdentifiers {
	if (!Number.isInteger(k) || k < 0 || k >= CUSTOMER_COUNT) {
		throw new RangeError(`customer index must be an integer in [0, ${CUSTOMER_COUNT})`);
	}
	return {
		id: ID_BASE + k,
		mobile: '9190' + String(k).padStart(8, '0'),
		email: `customer${k}@example.com`,
	};
}

/** Example customers from Capillary's reference page, so its sample requests work as written. */
export const NAMED_CUSTOMERS: readonly CustomerIdentifiers[] = [
	{ id: 555567088, mobile: '919986000586', email: 'asha.rao@example.com' },
	{ id: 423926198, mobile: '919845926198', email: 'gold.member198@example.com' },
	{ id: 423926199, mobile: '919845926199', email: 'gold.member199@example.com' },
	{ id: 423926200, mobile: '919845926200', email: 'gold.member200@example.com' },
	{ id: 423926201, mobile: '919845926201', email: 'gold.member201@example.com' },
];

/** Identifiers of a user group (family account): Capillary refuses to enrol/issue to it (8899). */
export const USER_GROUP: CustomerIdentifiers = {
	id: 777000001,
	mobile: '919777000001',
	email: 'family.group@example.com',
};

function ruleIndex(identifierName: IdentifierName, value: string): number | undefined {
	const match =
		identifierName === 'id'
			? /^(\d{7})$/.exec(value)
			: identifierName === 'mobile'
				? /^9190(\d{8})$/.exec(value)
				: /^customer(0|[1-9]\d{0,6})@example\.com$/.exec(value.toLowerCase());
	if (!match) return undefined;
	const k = identifierName === 'id' ? Number(match[1]) - ID_BASE : Number(match[1]);
	return k >= 0 && k < CUSTOMER_COUNT ? k : undefined;
}

function matches(
	customer: CustomerIdentifiers,
	identifierName: IdentifierName,
	value: string,
): boolean {
	if (identifierName === 'email') return customer.email === value.toLowerCase();
	return String(customer[identifierName]) === value;
}

/** O(1) for rule customers; the named list is tiny. The caller has already checked `id` is numeric. */
export function lookupCustomer(identifierName: IdentifierName, value: string): CustomerLookup {
	const k = ruleIndex(identifierName, value);
	if (k !== undefined) return { kind: 'customer', customer: ruleCustomer(k) };
	if (matches(USER_GROUP, identifierName, value)) return { kind: 'userGroup' };
	const named = NAMED_CUSTOMERS.find((customer) => matches(customer, identifierName, value));
	return named ? { kind: 'customer', customer: named } : { kind: 'notFound' };
}
