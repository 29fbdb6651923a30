import type { CustomerResult } from '../helpers/types';

/**
 * Adjusts paired results for what earlier attempts of the same request did: a failure after an
 * attempt that may have been applied is `unknown`, never `not_applied`; request failures say how
 * often they were retried.
 */
export function noteRetries(
	results: CustomerResult[],
	retries: number,
	earlierMayHaveApplied: boolean,
): CustomerResult[] {
	if (retries === 0 && !earlierMayHaveApplied) return results;
	return results.map((result) => {
		if (result.status === 'success') return result;
		let { message, outcome } = result.error;
		if (result.error.kind === 'request_failed' && retries > 0)
			message += ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})`;
		if (earlierMayHaveApplied && outcome === 'not_applied') {
			outcome = 'unknown';
			message = `${message.replace(/[.\s]+$/, '')}; an earlier attempt may have been applied`;
		}
		return { ...result, error: { ...result.error, message, outcome } };
	});
}
