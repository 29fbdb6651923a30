/**
 * Tag on errors our credentials raise before any request leaves (bad base URL, no token):
 * the transport reads them as "not sent", and their messages are safe to show.
 */
export const NOT_SENT_TAG = 'capillaryNotSent';

export const notSentTags = { level: 'warning' as const, tags: { [NOT_SENT_TAG]: true } };

export function isNotSentError(error: unknown): error is Error {
	return error instanceof Error && (error as { tags?: Record<string, unknown> }).tags?.[NOT_SENT_TAG] === true;
}
