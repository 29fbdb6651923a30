import {
	CERTIFICATE_CODES,
	HANDSHAKE_CODES,
	TIMEOUT_CODES,
	UNSENDABLE_CODES,
} from '../transport/networkCodes';
import type { CustomerError, Operation } from '../helpers/types';

/**
 * What to do next about a failure, in plain words for a no-code user: the one place where HTTP
 * statuses, network codes and Capillary's codes are turned into advice. Every Failed item's
 * message, the error the node throws, the editor's list and credential-test messages, and the
 * errors of a failed token request end with it.
 */

const CHECK_FIRST =
	'Check this customer in Capillary before sending it again: it may have been enrolled or issued. Get Customer Promotions shows what it holds.';
const CHECK_REVOKE =
	'Check this customer with Get Customer Promotions before revoking again: it may have been revoked.';
const REVOKES: ReadonlySet<Operation> = new Set(['revokeEarn', 'revokeEnrol']);

/** What to fix after a request-level failure, by HTTP status or network code. */
const REQUEST_FIX: Record<string, string> = {
	400: 'Check the Program, Promotion, Identifier Type and Source',
	401: 'Check the credential: for Basic Auth, the till user name and password; for OAuth, that the API client may call this API (its key and secret were accepted). Check its Cluster too',
	403: 'Ask your Capillary admin to give this API client or till access to loyalty programs, promotions and customers',
	404: "Check the credential's Cluster or Base URL",
	405: "Check the credential's Cluster or Base URL: this host does not take Capillary's requests",
	415: 'Capillary refused the request format: report this to the node’s maintainers',
	429: 'Lower Parallel Requests, set Max Requests Per Minute, or raise Max Retries',
	1060: 'Lower the Batch Size option (your organisation caps bulk calls)',
	redirect:
		"Set the credential's Base URL to the final host (redirects are not followed, so that the credential stays on its host)",
	unreachable: "Check the credential's Cluster or Base URL and this machine's network",
	certificate:
		"Fix the server's certificate, or set the credential's Base URL to a host whose certificate is valid for it",
	handshake: "Check the credential's Base URL: its host must speak HTTPS at that address",
	unsendable: 'Check the credential and its Base URL for characters a request cannot carry',
	other:
		"Check the credential's Cluster or Base URL and the node's settings; if it goes on, give Capillary support the requestId",
};
REQUEST_FIX[461] = REQUEST_FIX[503] = REQUEST_FIX[521] = REQUEST_FIX[429];

/**
 * What to fix when no OAuth token could be had, by what the token request met. It follows the
 * token error's own words ("Capillary refused the client key and secret: check them and the
 * cluster"), so it is written in lower case.
 */
const TOKEN_FIX = {
	certificate:
		"fix the server's certificate, or set the credential's Base URL to an HTTPS host whose certificate is valid for it",
	unreachable: 'check the Cluster or Base URL, or try again later',
	refused: 'check them and the cluster',
	notCapillary: 'check the Cluster or Base URL',
	busy: 'try again later',
} as const;

export type TokenProblem = keyof typeof TOKEN_FIX;

/** The next step after a failed token request (transport/auth/accessToken). */
export function tokenAdvice(problem: TokenProblem): string {
	return TOKEN_FIX[problem];
}

/** Advice for Capillary's per-customer codes (its reference page's table). */
const REJECTION_FIX: Record<string, string> = {
	8015: 'Check the Identifier Type and value, or register the customer in Capillary first',
	8896: 'If this is an Enrol & Issue promotion, enrol the customer first (Enrol), then issue',
	8899: 'Send individual customers, not a user group',
	8902: 'This promotion is Direct Issue: use Issue (Earn) for it, or choose an Enrol & Issue promotion',
	8892: 'Choose a live promotion, or activate this one in Capillary',
	8874: 'Check the Promotion: Capillary does not know this one',
	1101: 'Check the Program: Capillary does not know this one',
	8881: 'Choose a Program and a Promotion',
	11013: 'Fill in the Identifier Value and Source',
};
/** The revokes' own meaning of Capillary's codes (8015, 8896 and 8902 call for other fixes there). */
const REVOKE_REJECTION_FIX: Record<string, string> = {
	...REJECTION_FIX,
	8015: 'Check the Identifier Type and value: Capillary finds no such customer in this program',
	8896: 'Revoke the customer’s issues of this promotion first (Revoke Issue), then revoke the enrolment again. If the customer holds none, check the Identifier Type and value.',
	8902: 'This promotion has no enrolment to revoke (it is Direct Issue, or generic): for a Direct Issue promotion, use Revoke Issue.',
	8903: 'Check the Earned IDs (one is not an active issue of this customer in this promotion: wrong, or already revoked; Get Customer Promotions shows the customer’s issues, and empty Earned IDs revoke all of them)',
	2305: 'Nothing to revoke: the customer holds no active issue or enrolment of this promotion (check it with Get Customer Promotions if you expected one).',
};
/** Revoke Issue: 8896 is the docs' "invalid customerId"; 8902 a promotion no one holds issues of. */
const REVOKE_EARN_REJECTION_FIX: Record<string, string> = {
	...REVOKE_REJECTION_FIX,
	8896: 'Check the Identifier Type and value: Capillary’s docs give this code for a customer it cannot revoke from, such as an unknown customer ID',
	8902: 'This promotion cannot be revoked: it is generic (available without issue), so no customer holds an issue of it. Choose an Enrol & Issue or Direct Issue promotion.',
};
/** On the issue step of Enrol and Issue, the customer is enrolled: no fix that enrols applies there. */
const EARN_REJECTION_FIX: Record<string, string> = Object.fromEntries(
	Object.entries(REJECTION_FIX).filter(([code]) => code !== '8896' && code !== '8902'),
);
/** 8890: sending again will not help, so it gets no "send again". */
const LIMIT_REACHED =
	'The customer has used up this promotion’s issue limit, or the promotion’s settings stop the issue: sending it again will not help until that changes.';

const EARN_UNKNOWN =
	'It may have been issued: check in Capillary before issuing again, and do not enrol again (that would reset the enrolment).';
const EARN_NOT_APPLIED =
	'It was not issued. To issue it, run Issue (Earn) only for this customer; do not enrol again, nor run Enrol and Issue for it again (that would reset the enrolment).';

/** Get Customer Promotions: what to check for Capillary's codes of a customer it cannot look up. */
const LOOKUP_REJECTION_FIX: Record<string, string> = {
	8015: REJECTION_FIX[8015],
	8013: 'Check the Identifier Type',
	8003: 'Check the Source',
};

/** The next step after a failed lookup: it changed nothing, so it can always be run again. */
function lookupAdvice({ kind, code }: Pick<CustomerError, 'kind' | 'code'>): string {
	if (kind === 'invalid_input')
		return 'Fix the value named above, then run the item again: it was not sent.';
	if (kind === 'unmatched')
		return 'Look the customer up again later (a lookup changes nothing); if it goes on, give Capillary support the requestId.';
	if (kind !== 'rejected' && code === null)
		return 'Once the cause above is dealt with, look the customer up again (a lookup changes nothing).';
	const fix =
		kind === 'rejected'
			? (LOOKUP_REJECTION_FIX[String(code)] ?? 'Fix what Capillary reports')
			: lookupRequestFix(code);
	return `${fix}, then look the customer up again (a lookup changes nothing).`;
}

function lookupRequestFix(code: CustomerError['code']): string {
	const fix = requestAdvice(code);
	if (fix) return fix;
	if (TIMEOUT_CODES.has(String(code))) return 'Raise the Timeout option, or try again later';
	if (typeof code === 'number' && code >= 500)
		return 'Try again later; if it goes on, give Capillary support the requestId';
	return REQUEST_FIX.other;
}

/** The next step for one Failed item of `operation` (the enrol and issue operations when not given). */
export function nextStep(
	error: Pick<CustomerError, 'kind' | 'code' | 'outcome' | 'step'> & { verified?: boolean },
	operation?: Operation,
): string {
	if (operation === 'getCustomerPromotions') return lookupAdvice(error);
	const revoke = operation !== undefined && REVOKES.has(operation);
	if (error.outcome === 'unknown') return unknownAdvice(error, revoke ? CHECK_REVOKE : CHECK_FIRST);
	if (error.verified && error.kind !== 'rejected' && error.step !== 'earn')
		return 'The customer lookup shows it was not applied: send this customer again, or turn on the option Resend Verified Not Applied.';
	if (error.kind === 'invalid_input')
		return 'Fix the value named above, then run the item again: it was not sent.';
	if (error.step === 'earn') {
		// The enrolment stands: the fix for the issue, then issue only; never advice that enrols.
		const fix =
			error.kind === 'rejected'
				? error.code === 8890
					? LIMIT_REACHED
					: EARN_REJECTION_FIX[String(error.code)]
				: requestAdvice(error.code);
		return fix ? `${fix.replace(/\.?$/, '.')} ${EARN_NOT_APPLIED}` : EARN_NOT_APPLIED;
	}
	if (error.kind === 'rejected') {
		if (error.code === 8890) return `${LIMIT_REACHED} It was not applied.`;
		const fixes =
			operation === 'revokeEarn'
				? REVOKE_EARN_REJECTION_FIX
				: revoke
					? REVOKE_REJECTION_FIX
					: REJECTION_FIX;
		const fix = fixes[String(error.code)];
		// A fix that is a whole sentence needs no "send again" (sending again would change nothing).
		if (fix?.endsWith('.')) return `${fix} It was not applied.`;
		return `${fix ?? 'Fix what Capillary reports'}, then send this customer again. It was not applied.`;
	}
	return `${requestAdvice(error.code) ?? REQUEST_FIX.other}, then run again. Nothing was applied.`;
}

/** What to fix after a request-level failure, by HTTP status or network code; undefined when there is nothing specific. */
export function requestAdvice(code: CustomerError['code']): string | undefined {
	if (code === null) return undefined;
	if (typeof code === 'number' && code >= 300 && code < 400) return REQUEST_FIX.redirect;
	if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) return REQUEST_FIX.certificate;
	if (typeof code === 'string' && HANDSHAKE_CODES.has(code)) return REQUEST_FIX.handshake;
	if (typeof code === 'string' && UNSENDABLE_CODES.has(code)) return REQUEST_FIX.unsendable;
	if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && !TIMEOUT_CODES.has(code))
		return REQUEST_FIX.unreachable;
	return REQUEST_FIX[String(code)];
}

/** The next step after a failed read (a picker, a credential test): the fix for its status or code, else to try later. */
export function readAdvice(code: CustomerError['code']): string {
	return `${requestAdvice(code) ?? 'Try again later'}.`;
}

/** `message` followed by the next step. */
export function withNextStep(message: string, next: string): string {
	return `${message.replace(/[.\s]+$/, '')}. ${next}`;
}

function unknownAdvice(error: Pick<CustomerError, 'code' | 'step'>, checkFirst: string): string {
	const check = error.step === 'earn' ? EARN_UNKNOWN : checkFirst;
	if (TIMEOUT_CODES.has(String(error.code))) return `${check} A longer Timeout may help.`;
	if (typeof error.code === 'number' && error.code >= 300 && error.code < 400)
		return `${check} ${REQUEST_FIX.redirect}.`;
	return check;
}
