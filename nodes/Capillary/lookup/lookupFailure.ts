import type { CustomerError, FatalFailure } from '../helpers/types';
import { classifyFailure, firstApiError } from '../results/classifyFailure';
import type { CapillaryResponse } from '../transport/types';
import type { CustomerPromotions } from './fetchCustomerPromotions';

/** Codes for a customer Capillary cannot look up: this customer's failure, not the run's. */
const CUSTOMER_CODES: ReadonlySet<number> = new Set([8013, 8015, 8003]);

/**
 * What a failed lookup means for its item. A lookup changes nothing, so the outcome is always
 * `not_applied`. 8013/8015/8003 are `rejected`, as is any code of a 2xx answer's `errors[]`; other request failures are classified as the bulk
 * operations' are (a fatal one stops the run); an answer that cannot be used is `unmatched`.
 * Messages say what happened; failureAdvice adds what to do.
 */
export function lookupFailure(failed: Extract<CustomerPromotions, { found: false }>): {
	error: CustomerError;
	fatal?: FatalFailure;
} {
	const { response } = failed;
	if (!response) return { error: unusable(failed.reason) };
	if (response.type === 'http' && response.statusCode < 300) {
		const { code, message } = firstApiError(response.body) ?? {};
		const error = {
			kind: 'rejected' as const,
			code: code ?? null,
			message: message ?? 'Capillary answered with an error, without a message',
			outcome: 'not_applied' as const,
		};
		return { error };
	}
	if (response.type === 'http' && response.statusCode >= 400 && response.statusCode < 500) {
		const { code, message } = firstApiError(response.body) ?? {};
		if (code !== undefined && CUSTOMER_CODES.has(code))
			return {
				error: {
					kind: 'rejected',
					code,
					message: message ?? `Capillary refused the lookup (code ${code})`,
					outcome: 'not_applied',
				},
			};
	}
	const { error, fatal } = classifyFailure(response);
	// classifyFailure's words for these say the request may have been applied: a lookup never is.
	const message = error.outcome === 'unknown' ? unansweredMessage(response) : error.message;
	return {
		error: { ...error, message, outcome: 'not_applied' },
		...(fatal ? { fatal: { ...fatal, message } } : {}),
	};
}

/** What happened to a lookup that got no usable answer: a redirect, a 5xx, or none at all. */
function unansweredMessage(response: CapillaryResponse): string {
	if (response.type === 'network') return `No answer from Capillary (${response.message})`;
	if (response.type !== 'http') return response.message;
	const { statusCode } = response;
	if (statusCode < 400)
		return `Capillary answered with a redirect (HTTP ${statusCode}), which is not followed`;
	const detail = firstApiError(response.body)?.message;
	return `Capillary failed with HTTP ${statusCode}${detail ? `: ${detail}` : ''}`;
}

/** An answer the node cannot use: what it lacks, or how it contradicts itself. */
export function unusable(reason: string): CustomerError {
	return {
		kind: 'unmatched',
		code: null,
		message: `The customer lookup failed, because ${reason}`,
		outcome: 'not_applied',
	};
}
