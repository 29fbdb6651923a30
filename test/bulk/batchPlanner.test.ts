import { BatchPlanner, customerKey } from '../../nodes/Capillary/bulk/batchPlanner';
import type { BatchJob, CustomerRequest } from '../../nodes/Capillary/helpers/types';
import { customerRequest } from '../support/customerRequest';

const customer = customerRequest;

function plan(customers: CustomerRequest[], batchSize: number, deduplicate = true) {
	const planner = new BatchPlanner(batchSize, deduplicate);
	const emitted: BatchJob[] = [];
	for (const c of customers) {
		const full = planner.add(c);
		if (full) emitted.push(full);
	}
	const flushed = planner.flush();
	const items = (jobs: BatchJob[]) => jobs.map((job) => job.customers.map((c) => c.itemIndex));
	return {
		emitted: items(emitted),
		flushed: items(flushed),
		planner,
		all: [...emitted, ...flushed],
	};
}

test('a batch is handed out as soon as it is full; the rest at the end', () => {
	const { emitted, flushed } = plan(
		[0, 1, 2, 3, 4].map((i) => customer(i, `v${i}`)),
		2,
	);
	expect(emitted).toEqual([
		[0, 1],
		[2, 3],
	]);
	expect(flushed).toEqual([[4]]);
});

test('groups by program, promotion and identifier type, keeping input order within each group', () => {
	const { flushed, all } = plan(
		[
			customer(0, 'a'),
			customer(1, 'b', { promotion: { promoIdentifier: '1' } }),
			customer(2, 'c'),
			customer(3, 'd', { identifierName: 'email' }),
			customer(4, 'e', { programId: 2714 }),
			customer(5, 'f', { promotion: { promoIdentifier: '1' } }),
		],
		100,
	);
	expect(flushed).toEqual([[0, 2], [1, 5], [3], [4]]);
	expect(all[1].group).toEqual({
		programId: 469,
		promotion: { promoIdentifier: '1' },
		identifierName: 'mobile',
	});
});

test('deduplication keeps the first of identical customers (email case, whatever the source) and maps the rest to it', () => {
	const { flushed, planner } = plan(
		[
			customer(0, '919000000001'),
			customer(1, '919000000002', { source: 'WEBSITE' }),
			customer(2, '919000000001', { source: 'WEBSITE', givenValue: '+91 90000 00001' }),
			customer(3, 'A@x.com', { identifierName: 'email' }),
			customer(4, 'a@X.com', { identifierName: 'email' }),
			customer(5, '919000000001', { programId: 2 }),
		],
		100,
	);
	expect(flushed).toEqual([[0, 1], [3], [5]]);
	expect([...planner.duplicateOf]).toEqual([
		[2, 0],
		[4, 3],
	]);
});

test('without deduplication every customer is kept', () => {
	const { flushed, planner } = plan([customer(0, 'a'), customer(1, 'a')], 100, false);
	expect(flushed).toEqual([[0, 1]]);
	expect(planner.duplicateOf.size).toBe(0);
});

test('customerKey ties the same customer of the same promotion together', () => {
	expect(customerKey(customer(0, 'A@x.com', { identifierName: 'email' }))).toBe(
		customerKey(customer(9, 'a@X.com', { identifierName: 'email', source: 'WEBSITE' })),
	);
	expect(customerKey(customer(0, '9190'))).not.toBe(
		customerKey(customer(0, '9190', { promotion: { promotionId: 2 } })),
	);
});

test('a batch size below 1 is refused', () => {
	expect(() => new BatchPlanner(0, true)).toThrow(RangeError);
});

test('Revoke Issue: one customer naming other earned IDs is sent each time; the same ids, or all twice, once', () => {
	const { all, planner } = plan(
		[
			customer(0, 'a', { earnIds: ['959'] }),
			customer(1, 'a', { earnIds: ['960'] }),
			customer(2, 'a', { earnIds: ['959', '960'] }),
			customer(3, 'a', { earnIds: ['959'] }),
			customer(4, 'a'),
			customer(5, 'a'),
			customer(6, 'b', { earnIds: ['959'] }),
		],
		100,
	);
	expect(all.map((job) => job.customers.map((c) => c.itemIndex))).toEqual([[0, 1, 2, 4, 6]]);
	expect([...planner.duplicateOf]).toEqual([
		[3, 0],
		[5, 4],
	]);
});
