import { OutputCollector } from '../../nodes/Capillary/results/outputCollector';
import type { ItemResult } from '../../nodes/Capillary/helpers/types';

const success = (itemIndex: number): ItemResult => ({
	itemIndex,
	fields: { identifierValue: `v${itemIndex}` },
	result: { status: 'success', warnings: [] },
});
const failed = (
	itemIndex: number,
	outcome: 'not_applied' | 'unknown',
	code: number | null = null,
): ItemResult => ({
	itemIndex,
	fields: {},
	result: { status: 'failed', error: { kind: 'rejected', code, message: 'no', outcome } },
});
const indexes = (items: Array<{ pairedItem?: unknown }>) =>
	items.map((item) => (item.pairedItem as { item: number }).item);

test('results arriving in any order come out in input order, split into Success and Failed', () => {
	const collector = new OutputCollector('earn', 4);
	[failed(3, 'not_applied', 8015), success(1), failed(0, 'not_applied'), success(2)].forEach((r) =>
		collector.add(r),
	);
	const [ok, notOk] = collector.outputs(false);
	expect(indexes(ok)).toEqual([1, 2]);
	expect(indexes(notOk)).toEqual([0, 3]);
	expect(ok[0].json).toMatchObject({ status: 'success', identifierValue: 'v1' });
	expect([...collector.errorCodes]).toEqual([8015]);
	expect(collector.anyMayHaveApplied).toBe(true);
});

test('nothing may have applied when every result is certainly not applied', () => {
	const collector = new OutputCollector('earn', 2);
	collector.add(failed(0, 'not_applied'));
	collector.add(failed(1, 'not_applied'));
	expect(collector.anyMayHaveApplied).toBe(false);
	collector.add(failed(1, 'unknown'));
	expect(collector.anyMayHaveApplied).toBe(true);
});

test('for an agent tool every item goes on the first output, in input order', () => {
	const collector = new OutputCollector('earn', 2);
	collector.add(failed(1, 'not_applied'));
	collector.add(success(0));
	const [first, second] = collector.outputs(true);
	expect(indexes(first)).toEqual([0, 1]);
	expect(second).toEqual([]);
});

test('an item that never got a result is Failed as unknown, not dropped', () => {
	const collector = new OutputCollector('earn', 2);
	collector.add(success(0));
	const [, notOk] = collector.outputs(false);
	expect(indexes(notOk)).toEqual([1]);
	expect(notOk[0].json.error).toMatchObject({ kind: 'request_failed', outcome: 'unknown' });
});

test('a later result for the same item replaces the earlier one, on the output it belongs to', () => {
	const collector = new OutputCollector('earn', 1);
	collector.add(success(0));
	collector.add(failed(0, 'not_applied'));
	const [ok, notOk] = collector.outputs(false);
	expect(ok).toEqual([]);
	expect(indexes(notOk)).toEqual([0]);
});

test('a lookup changes nothing: its results never count as applied, and a lost item is not_applied', () => {
	const collector = new OutputCollector('getCustomerPromotions', 2);
	collector.add(success(0));
	expect(collector.anyMayHaveApplied).toBe(false);
	const [, notOk] = collector.outputs(false);
	expect(notOk[0].json.error).toMatchObject({ outcome: 'not_applied' });
	expect(notOk[0].json).not.toHaveProperty('warnings');
});
