import type { CustomerRequest, IdentifierName, PromotionRef } from './types';

/** Customers that can share one request body: same program, promotion and identifier type. */
export interface CustomerGroup {
	programId: number;
	promotion: PromotionRef;
	identifierName: IdentifierName;
	/** In input order; with deduplication, the first item of each identical customer only. */
	customers: CustomerRequest[];
}

export interface GroupedCustomers {
	groups: CustomerGroup[];
	/** Item index of a duplicate → item index of the first identical customer, which is sent. */
	duplicateOf: Map<number, number>;
}

/** Groups customers in first-seen order, keeping input order within each group. */
export function groupCustomers(customers: CustomerRequest[], deduplicate: boolean): GroupedCustomers {
	const groups = new Map<string, CustomerGroup & { firstByCustomer: Map<string, number> }>();
	const duplicateOf = new Map<number, number>();
	for (const customer of customers) {
		const key = groupKey(customer);
		let group = groups.get(key);
		if (!group) {
			const { programId, promotion, identifierName } = customer;
			group = { programId, promotion, identifierName, customers: [], firstByCustomer: new Map() };
			groups.set(key, group);
		}
		if (deduplicate) {
			const sameCustomer = `${comparableValue(customer)}\u0000${customer.source}`;
			const first = group.firstByCustomer.get(sameCustomer);
			if (first !== undefined) {
				duplicateOf.set(customer.itemIndex, first);
				continue;
			}
			group.firstByCustomer.set(sameCustomer, customer.itemIndex);
		}
		group.customers.push(customer);
	}
	return {
		groups: [...groups.values()].map(({ programId, promotion, identifierName, customers }) => ({
			programId,
			promotion,
			identifierName,
			customers,
		})),
		duplicateOf,
	};
}

/** Identifies one customer of one promotion: two requests holding the same key must not overlap. */
export function customerKey(customer: CustomerRequest): string {
	return `${groupKey(customer)}\u0000${comparableValue(customer)}`;
}

/** Values that name the same customer compare equal: emails ignore case, mobiles a leading +. */
function comparableValue({ identifierName, identifierValue }: CustomerRequest): string {
	if (identifierName === 'email') return identifierValue.toLowerCase();
	if (identifierName === 'mobile') return identifierValue.replace(/^\+/, '');
	return identifierValue;
}

function groupKey({ programId, promotion, identifierName }: CustomerRequest): string {
	const promotionKey = 'promotionId' in promotion ? `id:${promotion.promotionId}` : `code:${promotion.promoIdentifier}`;
	return `${programId}\u0000${promotionKey}\u0000${identifierName}`;
}
