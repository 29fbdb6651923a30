import { retryDecision, type RetryDecision } from './retryDecision';
import { retryDelay } from './retryDelay';
import { sendRefreshingTokenOnce } from './tokenRefresh';
import type { CapillaryResponse, Connection, RequestOptions } from '../types';
import type { Pacer } from './requestPacer';
import { waitUnlessStopped } from './waitUnlessStopped';

export interface RetrySettings {
	maxRetries: number;
	/** The longest one wait may be, in ms; a longer Retry-After is cut to it. */
	maxRetryWait: number;
	/** Resend requests that may have been applied (Issue may then issue twice). */
	retryUnknownOutcome: boolean;
}

/** What to do about a bulk request whose outcome is unknown (Options). */
export interface VerifySettings {
	verifyUnknownOutcomes: boolean;
	resendVerifiedNotApplied: boolean;
}

/** What every request of one execution shares. */
export interface Sender {
	connection: Connection;
	pacer: Pacer;
	retry: RetrySettings;
	/** Absent: unknown outcomes stay unknown. */
	verify?: VerifySettings;
	/** True once the run stopped (cancelled, or a request failed for good): nothing more may leave. */
	shouldStop: () => boolean;
}

export interface SentRequest {
	response: CapillaryResponse;
	retries: number;
	/** An earlier attempt of this request may have been applied. */
	earlierMayHaveApplied: boolean;
}

/**
 * Sends one request until it has an answer worth keeping. Retries only what certainly was not
 * applied (429, 461, 503, 521, not sent), unless `retryUnknownOutcome`; fetches a new OAuth token
 * once on a 401. Every attempt waits for the shared pacer; nothing leaves once the run stopped, and
 * a wait for the pacer or before a retry ends (within about 100 ms) once it stops.
 */
export async function sendWithRetries(
	sender: Sender,
	send: (options: RequestOptions) => Promise<CapillaryResponse>,
	decide: (response: CapillaryResponse) => RetryDecision = retryDecision,
): Promise<SentRequest> {
	const { retry, pacer, shouldStop, connection } = sender;
	/** Retries that left: a retry the stop ended before it was sent is not one. */
	let retries = 0;
	let retrying = false;
	let earlierMayHaveApplied = false;
	const cancelled = (): SentRequest => ({
		response: {
			type: 'notSent',
			message: 'Not sent: the run stopped (cancelled, or another request failed for good)',
		},
		retries,
		earlierMayHaveApplied,
	});
	/** One attempt, once the pacer lets it start; undefined if the run stopped before it could. */
	const attempt = async (refreshToken: boolean) => {
		const release = await pacer.acquire(shouldStop);
		if (!release) return undefined;
		if (retrying) retries++;
		retrying = false;
		return await send({ refreshToken, shouldStop }).finally(release);
	};
	for (;;) {
		const response = await sendRefreshingTokenOnce(connection, attempt);
		if (!response) return cancelled();
		const decision = decide(response);
		const retryable =
			decision === 'retry' || (decision === 'retryUnknown' && retry.retryUnknownOutcome);
		if (!retryable || retries >= retry.maxRetries)
			return { response, retries, earlierMayHaveApplied };
		earlierMayHaveApplied ||= decision === 'retryUnknown';
		const retryAfter =
			response.type === 'http' || response.type === 'notSent' ? response.retryAfter : undefined;
		if (await waitUnlessStopped(retryDelay(retries, retryAfter, retry.maxRetryWait), shouldStop))
			return cancelled();
		retrying = true;
	}
}
