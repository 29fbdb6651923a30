import { parseRetryAfter, retryDelay } from '../../../nodes/Capillary/transport/retry/retryDelay';

const now = Date.parse('2026-11-26T10:00:00Z');

test('Retry-After in seconds or as an HTTP date', () => {
	expect(parseRetryAfter('3', now)).toBe(3000);
	expect(parseRetryAfter(' 0 ', now)).toBe(0);
	expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:04 GMT', now)).toBe(4000);
	expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
	expect(parseRetryAfter('soon', now)).toBeUndefined();
	expect(parseRetryAfter(undefined, now)).toBeUndefined();
});

// Each of these was read as a date in the past, and the retry left at once.
test.each([
	'-5',
	'5, 10',
	'12 13',
	'1.5',
	'+3',
	'3s',
	'0x10',
	'Thursday, 26-Nov-26 10:00:04 GMT',
	'Thu Nov 26 10:00:04 2026',
	'Thu, 26 Nov 2026 10:00:04 +0000',
	'Fri, 26 Nov 2026 10:00:04 GMT',
	'Thu, 31 Feb 2026 10:00:04 GMT',
	'2026-11-26T10:00:04Z',
])('a Retry-After of %j is not understood: the retry backs off instead', (value) => {
	expect(parseRetryAfter(value, now)).toBeUndefined();
	expect(retryDelay(2, value, 30_000, now, () => 0.5)).toBe(1000);
});

test('the server’s Retry-After wins, cut to the cap', () => {
	expect(retryDelay(0, '2', 30_000, now, () => 0.99)).toBe(2000);
	expect(retryDelay(0, '120', 30_000, now, () => 0.99)).toBe(30_000);
	expect(retryDelay(0, '99999999999999999999999', 30_000, now, () => 0.99)).toBe(30_000);
});

test('otherwise full jitter under an exponential ceiling, cut to the cap', () => {
	expect(retryDelay(0, undefined, 30_000, now, () => 0.5)).toBe(250);
	expect(retryDelay(3, undefined, 30_000, now, () => 0.5)).toBe(2000);
	expect(retryDelay(10, undefined, 30_000, now, () => 0.999)).toBeLessThan(30_000);
	expect(retryDelay(4, undefined, 1000, now, () => 0.999)).toBeLessThanOrEqual(1000);
	expect(retryDelay(2, undefined, 30_000, now, () => 0)).toBe(0);
});
