import {
	mapCustomer,
	ParameterError,
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
