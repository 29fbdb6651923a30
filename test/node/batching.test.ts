import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';

const sandbox = useSandbox();

const bulkRequests = () => sandbox.requests.filter((r) => r.bulkAction);

test('250 customers go in 3 requests (100, 100, 50) and every result is paired to its item', async () => {
	const items = Array.from({ length: 250 }, (_, k) => ({
		mobile: DEMO.customer(1000 + k).mobile,
		row: k,
	}));
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: promotionParameters('earn', DEMO.promotions.birthday),
	});
	expect(bulkRequests().map((r) => r.customerCount)).toEqual([100, 100, 50]);
	expect(run.failed).toEqual([]);
	expect(run.success).toHaveLength(250);
	run.success.forEach((item, i) => {
		expect(item.pairedItem).toEqual({ item: i });
		expect(item.json.identifierValue).toBe(items[i].mobile);
		expect(item.json.entityId).toBe(DEMO.customer(1000 + i).id);
	});
	const earnedByCustomer = new Map(sandbox.ledger.map((e) => [e.customerId, e.earnedId]));
	expect(
		run.success.every(
			(item) => earnedByCustomer.get(item.json.entityId as number) === item.json.earnedId,
		),
	).toBe(true);
});

test('Batch Size sets the request size', async () => {
	await runCapillary(sandboxCredentials(sandbox), {
		items: Array.from({ length: 7 }, (_, k) => ({ mobile: DEMO.customer(2000 + k).mobile })),
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { batchSize: 3 },
		}),
	});
	expect(bulkRequests().map((r) => r.customerCount)).toEqual([3, 3, 1]);
});

test('items with different promotions and identifier types are grouped into separate requests', async () => {
	const { birthday, goldDirect } = DEMO.promotions;
	const items = [
		{
			program: birthday.programId,
			promo: birthday.promotionId,
			kind: 'mobile',
			value: DEMO.customer(1).mobile,
		},
		{
			program: goldDirect.programId,
			promo: goldDirect.promotionId,
			kind: 'mobile',
			value: DEMO.customer(2).mobile,
		},
		{
			program: birthday.programId,
			promo: birthday.promotionId,
			kind: 'email',
			value: DEMO.customer(3).email,
		},
		{
			program: birthday.programId,
			promo: birthday.promotionId,
			kind: 'mobile',
			value: DEMO.customer(4).mobile,
		},
	];
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: {
			...promotionParameters('earn', birthday),
			programId: { __rl: true, mode: 'id', value: '={{ $json.program }}' },
			promotion: { __rl: true, mode: 'id', value: '={{ $json.promo }}' },
			identifierName: '={{ $json.kind }}',
			identifierValue: '={{ $json.value }}',
		},
	});
	expect(run.failed).toEqual([]);
	expect(bulkRequests().map((r) => r.customerCount)).toEqual([2, 1, 1]);
	expect(run.success.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	expect(run.success.map((i) => i.json.promotionId)).toEqual(items.map((i) => i.promo));
	const ledger = new Map(sandbox.ledger.map((e) => [e.customerId, e.promotionId]));
	expect([1, 2, 3, 4].map((k) => ledger.get(DEMO.customer(k).id))).toEqual(
		items.map((i) => i.promo),
	);
});

describe('duplicates', () => {
	const items = [DEMO.customer(50).mobile, DEMO.customer(51).mobile, DEMO.customer(50).mobile].map(
		(mobile) => ({ mobile }),
	);

	test('are sent once, and every duplicate item gets the same result with duplicateOf', async () => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items,
			parameters: promotionParameters('earn', DEMO.promotions.birthday),
		});
		expect(bulkRequests().map((r) => r.customerCount)).toEqual([2]);
		expect(sandbox.ledger).toHaveLength(2);
		expect(run.success.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.success[2].json).toMatchObject({
			duplicateOf: 0,
			earnedId: run.success[0].json.earnedId,
		});
		expect(run.success[0].json.duplicateOf).toBeUndefined();
	});

	test('are sent as many times as they appear when Deduplicate is off', async () => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items,
			parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
				options: { deduplicate: false },
			}),
		});
		expect(bulkRequests().map((r) => r.customerCount)).toEqual([3]);
		expect(sandbox.ledger.filter((e) => e.customerId === DEMO.customer(50).id)).toHaveLength(2);
		expect(run.success[0].json.earnedId).not.toBe(run.success[2].json.earnedId);
	});
});

test('parallel requests keep every result paired and outputs in input order', async () => {
	const items = Array.from({ length: 95 }, (_, k) => ({ mobile: DEMO.customer(3000 + k).mobile }));
	sandbox.setLatency(5);
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { batchSize: 10, parallelRequests: 4 },
		}),
	});
	expect(bulkRequests()).toHaveLength(10);
	expect(run.success.map((i) => i.json.identifierValue)).toEqual(items.map((i) => i.mobile));
	expect(run.success.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
});

test('no input items: no request, two empty outputs', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [],
		parameters: promotionParameters('earn', DEMO.promotions.birthday),
	});
	expect(run.success).toEqual([]);
	expect(run.failed).toEqual([]);
	expect(sandbox.requests).toEqual([]);
});
