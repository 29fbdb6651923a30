import { identifierProblem } from '../../nodes/Capillary/helpers/validateIdentifier';

test.each([
	['mobile', '919986000586'],
	['mobile', '+919986000586'],
	['mobile', '12345678'],
	['email', 'ana.silva+promo@example.co.uk'],
	['id', '555567088'],
] as const)('%s %s is valid', (name, value) => {
	expect(identifierProblem(name, value)).toBeUndefined();
});

test.each([
	['mobile', '', 'is empty'],
	['mobile', '1234567', 'is not a mobile number (8 to 15 digits, optionally after a +)'],
	['mobile', '1234567890123456', 'is not a mobile number (8 to 15 digits, optionally after a +)'],
	['mobile', '+91 99860', 'is not a mobile number (8 to 15 digits, optionally after a +)'],
	['mobile', '99860\n00586', 'contains control characters'],
	['email', 'ana@', 'is not a well-formed email address'],
	['email', 'ana@example', 'is not a well-formed email address'],
	['email', '"a"@example.com', 'is not a well-formed email address'],
	['id', '0', 'is not a customer ID (a positive whole number)'],
	['id', '12.5', 'is not a customer ID (a positive whole number)'],
	['id', '{"$gt":1}', 'is not a customer ID (a positive whole number)'],
	['email', `${'a'.repeat(250)}@example.com`, 'is longer than 254 characters'],
] as const)('%s %j: %s', (name, value, problem) => {
	expect(identifierProblem(name, value)).toBe(problem);
});
