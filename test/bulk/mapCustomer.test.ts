import {
	mapCustomer,
	ParameterError,
	readEarnedIds,
	type RawCustomer,
} from '../../nodes/Capillary/bulk/mapCustomer';

const raw = (overrides: Partial<RawCustomer> = {}): RawCustomer => ({
	itemIndex: 4,
	programId: '469',
	promotionMode: 'id',
	promotionValue: '57099',
	identifierName: 'mobile',
	identifierValue: ' 919986000586 ',
	source: 'INSTORE',
	...overrides,
});

test('a valid item becomes a customer with trimmed value and numeric ids', () => {
	expect(mapCustomer(raw())).toEqual({
		valid: true,
		customer: {
			itemIndex: 4,
			programId: 469,
			promotion: { promotionId: 57099 },
			identifierName: 'mobile',
			identifierValue: '919986000586',
			source: 'INSTORE',
		},
	});
});

test('a mobile is sent as its digits, and the value as given is kept beside it', () => {
	const mapped = mapCustomer(raw({ identifierValue: ' +91 99860 00586 ' }));
	expect(mapped.valid && mapped.customer).toMatchObject({
		identifierValue: '919986000586',
		givenValue: '+91 99860 00586',
	});
});

test('a promotion identifier is kept as a string', () => {
	const mapped = mapCustomer(
		raw({ promotionMode: 'promoIdentifier', promotionValue: 'WELCOME10' }),
	);
	expect(mapped.valid && mapped.customer.promotion).toEqual({ promoIdentifier: 'WELCOME10' });
});

test.each([
	[{ programId: 'abc' }, 'Item 4: Program ID "abc" is not a positive whole number'],
	[{ programId: 0 }, 'Item 4: Program ID "0" is not a positive whole number'],
	[{ promotionValue: '' }, 'Item 4: Promotion ID is empty: no promotion chosen'],
	[{ programId: '' }, 'Item 4: Program ID is empty: no program chosen'],
	[{ promotionValue: '12x' }, 'Item 4: Promotion ID "12x" is not valid'],
	[
		{ promotionMode: 'promoIdentifier', promotionValue: '  ' },
		'Item 4: Promotion Identifier is empty: no promotion chosen',
	],
	[{ identifierName: 'phone' }, 'Item 4: Identifier Type "phone" is not one of mobile, email, id'],
	[{ identifierValue: undefined }, 'Item 4: Identifier Value (mobile) is empty'],
	[
		{ source: 'SHOP' },
		'Item 4: Source "SHOP" is not one of INSTORE, FACEBOOK, WEB_ENGAGE, MARTJACK, TMALL, TAOBAO, JD, ECOMMERCE, WEBSITE, LINE, ALL',
	],
	[
		{ identifierValue: new ParameterError('boom') },
		'Item 4: Identifier Value could not be evaluated: boom',
	],
	[
		{ programId: new ParameterError('no such node') },
		'Item 4: Program ID could not be evaluated: no such node',
	],
])('%j → %s', (overrides, message) => {
	const mapped = mapCustomer(raw(overrides as Partial<RawCustomer>));
	expect(mapped).toMatchObject({ valid: false, itemIndex: 4, message });
});

test('an invalid item still reports valid program and promotion IDs as numbers', () => {
	const mapped = mapCustomer(raw({ identifierValue: '' }));
	expect(mapped).toMatchObject({
		valid: false,
		fields: { programId: 469, promotionId: 57099, identifierValue: '' },
	});
	expect(mapCustomer(raw({ programId: 'gold' }))).toMatchObject({ fields: { programId: 'gold' } });
});

describe('readEarnedIds', () => {
	test.each<[string, unknown, string[] | undefined]>([
		['not read (another operation)', undefined, undefined],
		['the field left empty', '', undefined],
		['blank text', ' \n\t ', undefined],
		['one id as text', '959', ['959']],
		['one id as a number', 959, ['959']],
		['text with commas', '959, 960', ['959', '960']],
		['text in brackets', '[960, 959]', ['959', '960']],
		['a JSON list of strings', '["959","960"]', ['959', '960']],
		['semicolons, spaces and newlines', '961;959\n960  962', ['959', '960', '961', '962']],
		['a list of numbers and digit strings, repeated', [960, '959', 959, ' 960 '], ['959', '960']],
		['ids sorted as numbers, not as text', ['10', '9', 100], ['9', '10', '100']],
		['leading zeros', '007', ['7']],
		['the largest id kept exact (15 digits)', '999999999999999', ['999999999999999']],
		['1000 ids', Array.from({ length: 1000 }, (_, k) => k + 1), undefined],
	])('%s → %j', (_, value, ids) => {
		const read = readEarnedIds(value);
		if (Array.isArray(value) && value.length === 1000) expect(read).toHaveLength(1000);
		else expect(read).toEqual(ids);
	});

	test.each<[string, unknown, RegExp]>([
		['text', 'abc', /^holds "abc", which is not an earned ID/],
		['a negative number', -1, /^holds -1, which is not/],
		['negative text', '-1', /^holds "-1", which is not/],
		['a fraction', 1.5, /^holds 1\.5, which is not/],
		['zero', 0, /^holds 0, which is not/],
		['"0"', '0', /^holds "0", which is not/],
		['an exponent', 1e21, /^holds 1e\+21, which is not/],
		['16 digits (beyond exact numbers)', '9007199254740993', /up to 15 digits/],
		['20 digits', '12345678901234567890', /^holds "12345678901234567890", which is not/],
		['NaN', NaN, /^holds NaN/],
		['Infinity', Infinity, /^holds Infinity/],
		['an object', {}, /^must be a list of earned IDs, got \{\}$/],
		['an object with an id', { id: 959 }, /^must be a list of earned IDs, got \{"id":959\}$/],
		['a boolean', true, /^must be a list of earned IDs, got true$/],
		['a list holding a boolean', [true], /^holds true, which is not/],
		['a list holding null', [null], /^holds null, which is not/],
		['a list holding a blank', ['', 5], /^holds "", which is not/],
		['a list holding a list', [[959]], /^holds \[959\], which is not/],
		['a list holding an object', [{ earnedId: 959 }], /^holds \{"earnedId":959\}, which is not/],
		['text with one bad part', '959, x', /^holds "x"/],
		['hex', '0x3bf', /^holds "0x3bf"/],
		['single quotes', "'959'", /^holds "'959'"/],
		['1001 ids', Array.from({ length: 1001 }, (_, k) => k + 1), /^names 1001 ids; at most 1000/],
		['1001 ids as text', '1,'.repeat(1001), /^names 1001 ids; at most 1000/],
		// What an expression that found nothing gives: never "revoke all", which only the empty field means.
		['null', null, /^names no earned ID \(got null\).*leave Earned IDs empty$/],
		['an empty list', [], /^names no earned ID \(got \[\]\).*leave Earned IDs empty$/],
		['an empty list as text', '[]', /^names no earned ID \(got "\[\]"\)/],
		['separators only', ' , ; ', /^names no earned ID/],
	])('%s is refused: %s', (_, value, problem) => {
		expect(readEarnedIds(value)).toEqual(expect.stringMatching(problem));
	});

	test('a huge value is described in 40 characters, not echoed whole', () => {
		const problem = readEarnedIds('9'.repeat(1_000_000));
		expect(typeof problem).toBe('string');
		expect((problem as string).length).toBeLessThan(150);
	});

	test('mapCustomer carries the ids, or names the item and "Earned IDs"', () => {
		expect(mapCustomer(raw({ earnedIds: '960, 959' }))).toMatchObject({
			valid: true,
			customer: { earnIds: ['959', '960'] },
		});
		const none = mapCustomer(raw({ earnedIds: '' }));
		expect(none.valid && 'earnIds' in none.customer).toBe(false);
		expect(mapCustomer(raw({ earnedIds: 'x' }))).toMatchObject({
			valid: false,
			itemIndex: 4,
			message: expect.stringMatching(/^Item 4: Earned IDs holds "x"/),
		});
		expect(mapCustomer(raw({ earnedIds: null }))).toMatchObject({
			valid: false,
			message: expect.stringMatching(/^Item 4: Earned IDs names no earned ID/),
		});
		expect(mapCustomer(raw({ earnedIds: new ParameterError('boom') }))).toMatchObject({
			valid: false,
			message: 'Item 4: Earned IDs could not be evaluated: boom',
		});
	});
});
