import { classifyFailure } from '../../results/classifyFailure';
import type { CapillaryResponse } from '../types';

/**
 * What to do with a bulk response before pairing it:
 * - `done`: pair it (it has per-customer results, or failed for good);
 * - `retry`: the server certainly did not act and may accept it later (429, 461, 503, 521, not sent
 *   because the token endpoint was busy or unreachable);
 * - `retryUnknown`: it may have been applied; resend only if the user accepted that risk.
 */
export type RetryDecision = 'done' | 'retry' | 'retryUnknown';

export function retryDecision(response: CapillaryResponse): RetryDecision {
	if (
		response.type === 'http' &&
		Array.isArray((response.body as { response?: unknown } | null)?.response)
	)
		return 'done';
	if (response.type === 'notSent') return response.retryable ? 'retry' : 'done';
	const failure = classifyFailure(response);
	if (failure.transient) return 'retry';
	return failure.error.outcome === 'unknown' ? 'retryUnknown' : 'done';
}
