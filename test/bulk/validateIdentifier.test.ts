import { readIdentifier } from '../../nodes/Capillary/bulk/validateIdentifier';

test.each([
	['mobile', '919986000586', '919986000586'],
	['mobile', '+919986000586', '919986000586'],
	['mobile', '+91 90000 00101', '919000000101'],
	['mobile', '(919) 000-00101', '91900000101'],
	['mobile', '+1 (415) 555.0123', '14155550123'],
	['mobile', '12345678', '12345678'],
	['email', 'ana.silva+promo@example.co.uk', 'ana.silva+promo@example.co.uk'],
	['id', '555567088', '555567088'],
] as const)('%s %j is sent as %j', (name, value, sent) => {
	expect(readIdentifier(name, value)).toEqual({ value: sent });
});

const NOT_DIGITS =
	'is not a mobile number: it holds characters other than digits, a leading +, spaces, dashes, dots and brackets';
test.each([
	['mobile', '', 'is empty'],
	[
		'mobile',
		'1234567',
		'is not a mobile number: it has 7 digits, and a mobile with its country code has 8 to 15',
	],
	[
		'mobile',
		'1234567890123456',
		'is not a mobile number: it has 16 digits, and a mobile with its country code has 8 to 15',
	],
	[
		'mobile',
		'+91 99860',
		'is not a mobile number: it has 7 digits, and a mobile with its country code has 8 to 15',
	],
	['mobile', '91 99860 0058a', NOT_DIGITS],
	['mobile', '9199+86000586', NOT_DIGITS],
	['mobile', '++919986000586', NOT_DIGITS],
	['mobile', '99860\n00586', 'contains control characters'],
	['email', 'ana@', 'is not a well-formed email address'],
	['email', 'ana@example', 'is not a well-formed email address'],
	['email', '"a"@example.com', 'is not a well-formed email address'],
	['id', '0', 'is not a customer ID (a positive whole number)'],
	['id', '12.5', 'is not a customer ID (a positive whole number)'],
	['id', '{"$gt":1}', 'is not a customer ID (a positive whole number)'],
	['email', `${'a'.repeat(250)}@example.com`, 'is longer than 254 characters'],
] as const)('%s %j: %s', (name, value, problem) => {
	expect(readIdentifier(name, value)).toEqual({ problem });
});
