import { chunkCustomers } from '../../nodes/Capillary/helpers/chunkCustomers';
import { groupCustomers } from '../../nodes/Capillary/helpers/groupCustomers';
import type { CustomerRequest } from '../../nodes/Capillary/helpers/types';

const customer = (itemIndex: number, identifierValue: string, overrides: Partial<CustomerRequest> = {}): CustomerRequest => ({
	itemIndex,
	programId: 469,
	promotion: { promotionId: 1 },
	identifierName: 'mobile',
	identifierValue,
	source: 'INSTORE',
	...overrides,
});

test('groups by program, promotion and identifier type, in first-seen order, keeping input order', () => {
	const { groups } = groupCustomers(
		[
			customer(0, 'a'),
			customer(1, 'b', { promotion: { promoIdentifier: '1' } }),
			customer(2, 'c'),
			customer(3, 'd', { identifierName: 'email' }),
			customer(4, 'e', { programId: 2714 }),
			customer(5, 'f', { promotion: { promoIdentifier: '1' } }),
		],
		true,
	);
	expect(groups.map((g) => g.customers.map((c) => c.itemIndex))).toEqual([[0, 2], [1, 5], [3], [4]]);
});

test('deduplication keeps the first of identical customers and maps the rest to it', () => {
	const { groups, duplicateOf } = groupCustomers(
		[customer(0, 'a'), customer(1, 'a', { source: 'WEBSITE' }), customer(2, 'a'), customer(3, 'a', { programId: 2 })],
		true,
	);
	expect(groups.map((g) => g.customers.map((c) => c.itemIndex))).toEqual([[0, 1], [3]]);
	expect([...duplicateOf]).toEqual([[2, 0]]);
});

test('without deduplication every customer is kept', () => {
	const { groups, duplicateOf } = groupCustomers([customer(0, 'a'), customer(1, 'a')], false);
	expect(groups[0].customers).toHaveLength(2);
	expect(duplicateOf.size).toBe(0);
});

test('chunkCustomers splits in order, with a short last chunk', () => {
	expect(chunkCustomers([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
	expect(chunkCustomers([], 100)).toEqual([]);
	expect(() => chunkCustomers([1], 0)).toThrow(RangeError);
});
