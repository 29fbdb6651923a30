import type { IdentifierName } from './types';

export const IDENTIFIER_NAMES: readonly IdentifierName[] = ['mobile', 'email', 'id'];

/** Longer values are refused before sending: no real identifier is this long. */
export const MAX_IDENTIFIER_LENGTH = 254;

const MOBILE = /^\+?\d{8,15}$/;
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\].]{2,}$/;
const CUSTOMER_ID = /^[1-9]\d{0,18}$/;

/** Returns what is wrong with a trimmed identifier value, or undefined when it may be sent. */
export function identifierProblem(identifierName: IdentifierName, value: string): string | undefined {
	if (value === '') return 'is empty';
	if (value.length > MAX_IDENTIFIER_LENGTH) return `is longer than ${MAX_IDENTIFIER_LENGTH} characters`;
	if (hasControlCharacter(value)) return 'contains control characters';
	switch (identifierName) {
		case 'mobile':
			return MOBILE.test(value) ? undefined : 'is not a mobile number (8 to 15 digits, optionally after a +)';
		case 'email':
			return EMAIL.test(value) ? undefined : 'is not a well-formed email address';
		case 'id':
			return CUSTOMER_ID.test(value) ? undefined : 'is not a customer ID (a positive whole number)';
	}
}

function hasControlCharacter(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}
