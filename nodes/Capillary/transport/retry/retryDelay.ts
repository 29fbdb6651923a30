/** First backoff step; attempt n waits a random time in [0, min(cap, BASE · 2^n)) ("full jitter"). */
const BACKOFF_BASE_MS = 500;

/**
 * How long to wait before retry number `attempt` (0-based): the server's Retry-After (seconds or
 * an HTTP date) when it sent a valid one, else exponential backoff with full jitter; never more than `capMs`.
 */
export function retryDelay(
	attempt: number,
	retryAfter: string | undefined,
	capMs: number,
	now = Date.now(),
	random = Math.random,
): number {
	const serverSays = parseRetryAfter(retryAfter, now);
	const wait = serverSays ?? Math.floor(random() * Math.min(capMs, BACKOFF_BASE_MS * 2 ** attempt));
	return Math.max(0, Math.min(capMs, wait));
}

/** `Sun, 06 Nov 1994 08:49:37 GMT`: the one HTTP-date form servers must send (RFC 9110 §5.6.7). */
const IMF_FIXDATE =
	/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * The wait a Retry-After asks for, in ms: a non-negative whole number of seconds, or an IMF-fixdate
 * (a date already past: 0). Anything else (`-5`, `5, 10`, `1.5`, another date form) is undefined,
 * so that the caller backs off instead of reading it as a past date and retrying at once.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	if (!IMF_FIXDATE.test(text)) return undefined;
	const date = Date.parse(text);
	// The round trip rejects impossible dates (31 Feb, 25:00) and a weekday that does not match.
	if (Number.isNaN(date) || new Date(date).toUTCString() !== text) return undefined;
	return Math.max(0, date - now);
}
