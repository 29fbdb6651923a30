import { outputItem } from '../../nodes/Capillary/results/outputItem';
import type { ItemResult } from '../../nodes/Capillary/helpers/types';

// Include Input Fields on the Failed output of an earlier run (or any item that happens to carry
// these names): a result field the new result does not set must not show the input's stale value.
test('a failed result does not inherit earnedId / requestId / duplicateOf from the input item', () => {
	const input = {
		mobile: '919800000001',
		earnedId: 'E-OLD',
		issualId: 'I-OLD',
		requestId: 'req-old',
		duplicateOf: 7,
		enrolled: true,
	};
	const result: ItemResult = {
		itemIndex: 0,
		fields: { identifierName: 'mobile', identifierValue: '919800000001' },
		result: {
			status: 'failed',
			error: { kind: 'request_failed', code: null, message: 'Not sent', outcome: 'not_applied' },
		},
	};
	const { json } = outputItem('earn', { ...result, input: { json: input } });
	expect(json.earnedId).toBeUndefined();
	expect(json.issualId).toBeUndefined();
	expect(json.requestId).toBeUndefined();
	expect(json.duplicateOf).toBeUndefined();
	expect(json.enrolled).toBeUndefined();
});

test('a success result does not carry the input item’s error object', () => {
	const input = {
		mobile: '919800000001',
		error: { message: 'from the last run', outcome: 'unknown' },
	};
	const result: ItemResult = {
		itemIndex: 0,
		fields: {},
		result: { status: 'success', entityId: 1, earnedId: 'E1', warnings: [] },
	};
	expect(outputItem('earn', { ...result, input: { json: input } }).json.error).toBeUndefined();
});

test("a failed item's message ends with what to do next", () => {
	const error = {
		kind: 'rejected' as const,
		code: 8015,
		message: 'Customer not found for the given identifiers',
		outcome: 'not_applied' as const,
	};
	const { json } = outputItem('earn', {
		itemIndex: 0,
		fields: {},
		result: { status: 'failed', error },
	});
	expect((json.error as { message: string }).message).toBe(
		'Customer not found for the given identifiers. Check the Identifier Type and value, or register the customer in Capillary first, then send this customer again. It was not applied.',
	);
});

test("the input item's binary data is carried with its fields", () => {
	const binary = { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'card.txt' } };
	const result: ItemResult = {
		itemIndex: 0,
		fields: {},
		result: { status: 'success', earnedId: 'E1', warnings: [] },
		input: { json: { a: 1 }, binary },
	};
	expect(outputItem('earn', result)).toMatchObject({ json: { a: 1, earnedId: 'E1' }, binary });
	expect(outputItem('earn', { ...result, input: undefined }).binary).toBeUndefined();
});
