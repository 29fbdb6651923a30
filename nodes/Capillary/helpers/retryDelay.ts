/** First backoff step; attempt n waits a random time in [0, min(cap, BASE · 2^n)) ("full jitter"). */
export const BACKOFF_BASE_MS = 500;

/**
 * How long to wait before retry number `attempt` (0-based): the server's Retry-After (seconds or
 * an HTTP date) when it sent one, else exponential backoff with full jitter; never more than `capMs`.
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

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
