/**
 * Tag on errors our credentials raise before any request leaves (bad base URL, no token):
 * the transport reads them as "not sent", and their messages are safe to show.
 */
const NOT_SENT_TAG = 'capillaryNotSent';
/** Also on a "not sent" error that trying again later may cure (the token endpoint was busy or unreachable). */
const RETRYABLE_TAG = 'capillaryRetryable';
/** The Retry-After header of the answer that caused a retryable "not sent" error. */
const RETRY_AFTER_TAG = 'capillaryRetryAfter';

export interface NotSentDetails {
	retryable?: boolean;
	retryAfter?: string;
}

/** ApplicationError options for a "not sent" error. A fresh object each time: ApplicationError keeps (and may add to) the tags it is given. */
export function notSentOptions({ retryable = false, retryAfter }: NotSentDetails = {}) {
	const tags: Record<string, string | boolean> = { [NOT_SENT_TAG]: true };
	if (retryable) tags[RETRYABLE_TAG] = true;
	if (retryable && retryAfter !== undefined) tags[RETRY_AFTER_TAG] = retryAfter;
	return { level: 'warning' as const, tags };
}

/** For errors that are never retried (a credential to fix). */
export const notSentTags = notSentOptions();

export function isNotSentError(error: unknown): error is Error {
	return (
		error instanceof Error &&
		(error as { tags?: Record<string, unknown> }).tags?.[NOT_SENT_TAG] === true
	);
}

/** Whether a "not sent" error may pass when tried again, and the Retry-After it came with. */
export function notSentDetails(error: object): NotSentDetails {
	const tags = (error as { tags?: Record<string, unknown> }).tags ?? {};
	const retryAfter = tags[RETRY_AFTER_TAG];
	return {
		...(tags[RETRYABLE_TAG] === true ? { retryable: true } : {}),
		...(typeof retryAfter === 'string' ? { retryAfter } : {}),
	};
}
