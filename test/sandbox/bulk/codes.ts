import { SOURCES } from '../../../nodes/Capillary/descriptions/sources';

/** Per-customer codes of v2/promotion/bulk/enrolAndEarn, with the messages of Capillary's reference page. */
export const ERROR_MESSAGES = {
	8901: 'invalid entity type passed',
	8881: 'Insufficient parameters passed; program ID and one of the promotion ID/identifiers are required',
	1101: 'invalid programId passed',
	8874: 'promotion id passed is invalid',
	8892: 'promotion is inactive',
	8902: 'bulk action passed not supported for loyalty/generic promotion type',
	11013: 'identifierName, identifierValue, source can not be empty',
	8896: 'Error occurred while issuing promotion to the customer',
	8015: 'Customer not found for the given identifiers',
	8899: 'Cannot enrol/issue to the user group',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const LIMIT_WARNING = {
	status: true,
	code: 8890,
	message: 'promotion not issued due to config issues or customer exhausted limits',
} as const;

/** The sources of Capillary's reference page: the node's own list, so that the two cannot drift apart. */
export const VALID_SOURCES: readonly string[] = SOURCES;

export const IDENTIFIER_NAMES = ['id', 'mobile', 'email'] as const;

/**
 * Per-customer codes of v2/promotion/bulk/revokeEnrolAndEarn, with the messages of its reference
 * page: the enrolAndEarn codes, 8902 in its revoke wording, 8903, and 2305 (listed on the sibling
 * revokeDirectEarn page only; its message as that page's table gives it).
 */
export const REVOKE_ERROR_MESSAGES = {
	...ERROR_MESSAGES,
	8902: 'revoke bulk action passed not supported for loyalty/generic promotion type',
	8903: 'Earn IDs passed are either invalid or already revoked',
	2305: 'Active issued promotion is not available for the customer.',
} as const;

export type RevokeErrorCode = keyof typeof REVOKE_ERROR_MESSAGES;
