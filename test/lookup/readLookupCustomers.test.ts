import { ParameterError, type RawCustomer } from '../../nodes/Capillary/bulk/mapCustomer';
import { mapLookupCustomer } from '../../nodes/Capillary/lookup/readLookupCustomers';

const raw = (overrides: Partial<RawCustomer> = {}): RawCustomer => ({
	itemIndex: 3,
	programId: '',
	promotionMode: 'list',
	promotionValue: '',
	identifierName: 'mobile',
	identifierValue: '+91 90000 00101',
	source: 'INSTORE',
	...overrides,
});

test('Program and Promotion are optional; a mobile is sent as its digits, as in the bulk operations', () => {
	expect(mapLookupCustomer(raw())).toEqual({
		valid: true,
		customer: {
			itemIndex: 3,
			identifierName: 'mobile',
			identifierValue: '919000000101',
			givenValue: '+91 90000 00101',
			source: 'INSTORE',
		},
	});
});

test('a chosen program and promotion are filters', () => {
	expect(mapLookupCustomer(raw({ programId: '469', promotionValue: '57099' }))).toMatchObject({
		customer: { programId: 469, promotion: { promotionId: 57099 } },
	});
	expect(
		mapLookupCustomer(raw({ promotionMode: 'promoIdentifier', promotionValue: 'WELCOME10' })),
	).toMatchObject({ customer: { promotion: { promoIdentifier: 'WELCOME10' } } });
});

test.each<[Partial<RawCustomer>, string]>([
	[{ identifierValue: '' }, 'Item 3: Identifier Value (mobile) is empty'],
	[{ identifierValue: '12' }, 'Item 3: Identifier Value (mobile) is not a mobile number'],
	[{ identifierName: 'email', identifierValue: 'nope' }, 'Item 3: Identifier Value (email) is not'],
	[{ identifierName: 'phone' }, 'Item 3: Identifier Type "phone" is not one of'],
	[{ source: 'MARS' }, 'Item 3: Source "MARS" is not one of'],
	[{ programId: 'gold' }, 'Item 3: Program ID "gold" is not a positive whole number'],
	[{ promotionValue: 'abc' }, 'Item 3: Promotion ID "abc" is not valid'],
	[
		{ identifierValue: new ParameterError('no such field') },
		'Item 3: Identifier Value could not be evaluated: no such field',
	],
])('an invalid item names the item and the field: %p', (overrides, message) => {
	const mapped = mapLookupCustomer(raw(overrides));
	expect(mapped.valid).toBe(false);
	expect(mapped.valid === false && mapped.message).toMatch(
		new RegExp(`^${message.replace(/[()]/g, '\\$&')}`),
	);
});

test('an invalid item keeps the filters it was given, and only those', () => {
	const mapped = mapLookupCustomer(raw({ identifierValue: '', programId: '469' }));
	expect(mapped.valid === false && mapped.fields).toEqual({
		identifierName: 'mobile',
		identifierValue: '',
		source: 'INSTORE',
		programId: 469,
	});
});
