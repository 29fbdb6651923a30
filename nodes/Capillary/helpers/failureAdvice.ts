import { CERTIFICATE_CODES, TIMEOUT_CODES, UNSENDABLE_CODES } from './networkCodes';
import type { CustomerError } from './types';

/**
 * What to do next about a failure, in plain words for a no-code user: the one place where HTTP
 * statuses, network codes and Capillary's codes are turned into advice. Every Failed item's
 * message, the error the node throws, and the editor's list and credential-test messages end with it.
 */

const CHECK_FIRST = 'Check this customer in Capillary before sending it again: it may have been enrolled or issued.';
const NOT_APPLIED = 'Nothing was applied, so running it again is safe.';



/** Advice for a request that failed before Capillary acted (or was refused), by HTTP status or network code. */
const REQUEST_ADVICE: Record<string, string> = {
	400: 'Check the Program, Promotion, Identifier Type and Source, then run again.',
	401: "Check the credential's client secret or till password, and its Cluster, then run again.",
	403: 'Ask your Capillary admin to give this API client or till access to loyalty programs, promotions and customers, then run again.',
	404: "Check the credential's Cluster or Base URL, then run again.",
	415: 'Capillary refused the request format: report this to the node’s maintainers.',
	429: 'Lower Parallel Requests, set Max Requests Per Minute, or raise Max Retries, then run again.',
	1060: 'Lower the Batch Size option (your organisation caps bulk calls), then run again.',
	redirect: "Set the credential's Base URL to the final host (redirects are not followed, so that the credential stays on its host), then run again.",
	unreachable: "Check the credential's Cluster or Base URL and this machine's network, then run again.",
	unsendable: "Check the credential and its Base URL for characters a request cannot carry, then run again.",
	certificate: "Fix the server's certificate, or set the credential's Base URL to a host whose certificate is valid for it, then run again.",
};
REQUEST_ADVICE[461] = REQUEST_ADVICE[503] = REQUEST_ADVICE[521] = REQUEST_ADVICE[429];

/** Advice for Capillary's per-customer codes (its reference page's table). */
const REJECTION_ADVICE: Record<string, string> = {
	8015: 'Check the Identifier Type and value, or register the customer in Capillary first.',
	8890: 'The customer has used up this promotion’s issue limit, or the promotion’s settings stop the issue: sending it again will not help until that changes.',
	8896: 'If this is an Enrol & Issue promotion, enrol the customer first (Enrol), then issue.',
	8899: 'Send individual customers, not a user group.',
	8902: 'This promotion is Direct Issue: use Issue (Earn) for it, or choose an Enrol & Issue promotion.',
	8892: 'Choose a live promotion, or activate this one in Capillary.',
	8874: 'Check the Promotion: Capillary does not know this one.',
	1101: 'Check the Program: Capillary does not know this one.',
	8881: 'Choose a Program and a Promotion.',
	11013: 'Fill in the Identifier Value and Source.',
};

const EARN_UNKNOWN = 'It may have been issued: check in Capillary before issuing again, and do not enrol again (that would reset the enrolment).';
const EARN_NOT_APPLIED = 'It was not issued. To issue it, run Issue (Earn) only for this customer; do not enrol again (that would reset the enrolment).';

/** The next step for one Failed item. */
export function nextStep(error: Pick<CustomerError, 'kind' | 'code' | 'outcome' | 'step'>): string {
	if (error.outcome === 'unknown') {
		if (error.step === 'earn') return EARN_UNKNOWN;
		return TIMEOUT_CODES.has(String(error.code)) ? `${CHECK_FIRST} A longer Timeout may help.` : CHECK_FIRST;
	}
	if (error.kind === 'invalid_input') return 'Fix the value named above, then run the item again: it was not sent.';
	const fix = error.kind === 'rejected' ? REJECTION_ADVICE[String(error.code)] : requestAdvice(error.code);
	if (error.step === 'earn') return fix ? `${fix} ${EARN_NOT_APPLIED}` : EARN_NOT_APPLIED;
	if (error.kind === 'rejected') return `${fix ?? 'Fix what Capillary reports, then send this customer again.'} It was not applied.`;
	return fix ? `${fix} ${NOT_APPLIED}` : NOT_APPLIED;
}

/** Advice for a request-level failure, by HTTP status or network code; undefined when there is none to give. */
export function requestAdvice(code: CustomerError['code']): string | undefined {
	if (code === null) return undefined;
	if (typeof code === 'number' && code >= 300 && code < 400) return REQUEST_ADVICE.redirect;
	if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) return REQUEST_ADVICE.certificate;
	if (typeof code === 'string' && UNSENDABLE_CODES.has(code)) return REQUEST_ADVICE.unsendable;
	if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return REQUEST_ADVICE.unreachable;
	return REQUEST_ADVICE[String(code)];
}

/** `message` followed by the next step. */
export function withNextStep(message: string, next: string): string {
	return `${message.replace(/[.\s]+$/, '')}. ${next}`;
}
