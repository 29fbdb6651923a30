import type { IdentifierName } from '../helpers/types';

export const IDENTIFIER_NAMES: readonly IdentifierName[] = ['mobile', 'email', 'id'];

/** Longer values are refused before sending: no real identifier is this long. */
const MAX_IDENTIFIER_LENGTH = 254;

/** What CRMs put around a mobile's digits: spaces, dashes, dots and brackets; dropped before sending. */
const MOBILE_PUNCTUATION = /[\s\-.()]/g;
const MOBILE = /^\+?(\d*)$/;
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\].]{2,}$/;
const CUSTOMER_ID = /^[1-9]\d{0,18}$/;

/**
 * The value to send for a trimmed identifier, or what is wrong with it. A mobile is sent as its
 * digits only (Capillary stores `919986000586`, and answers 8015 for `+919986000586`).
 */
export function readIdentifier(
	identifierName: IdentifierName,
	value: string,
): { value: string } | { problem: string } {
	if (value === '') return { problem: 'is empty' };
	if (value.length > MAX_IDENTIFIER_LENGTH)
		return { problem: `is longer than ${MAX_IDENTIFIER_LENGTH} characters` };
	if (hasControlCharacter(value)) return { problem: 'contains control characters' };
	switch (identifierName) {
		case 'mobile':
			return readMobile(value);
		case 'email':
			return EMAIL.test(value) ? { value } : { problem: 'is not a well-formed email address' };
		case 'id':
			return CUSTOMER_ID.test(value)
				? { value }
				: { problem: 'is not a customer ID (a positive whole number)' };
	}
}

function readMobile(value: string): { value: string } | { problem: string } {
	const digits = MOBILE.exec(value.replace(MOBILE_PUNCTUATION, ''))?.[1];
	if (digits === undefined) {
		return {
			problem:
				'is not a mobile number: it holds characters other than digits, a leading +, spaces, dashes, dots and brackets',
		};
	}
	if (digits.length < 8 || digits.length > 15) {
		return {
			problem: `is not a mobile number: it has ${digits.length} digits, and a mobile with its country code has 8 to 15`,
		};
	}
	return { value: digits };
}

function hasControlCharacter(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}
