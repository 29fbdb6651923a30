import { noteRetries } from '../../../nodes/Capillary/results/noteRetries';
import { retryDecision } from '../../../nodes/Capillary/transport/retry/retryDecision';
import type { CustomerResult } from '../../../nodes/Capillary/helpers/types';

const http = (statusCode: number, body: unknown = '') => ({
	type: 'http' as const,
	statusCode,
	body,
});

test.each([
	[http(429), 'retry'],
	[http(461), 'retry'],
	[http(503), 'retry'],
	[http(521), 'retry'],
	[{ type: 'network' as const, code: 'ECONNREFUSED', message: '' }, 'retry'],
	[http(500), 'retryUnknown'],
	[http(502), 'retryUnknown'],
	[http(200, 'not json'), 'retryUnknown'],
	[{ type: 'network' as const, code: 'ECONNRESET', message: '' }, 'retryUnknown'],
	[http(500, { response: [] }), 'done'],
	[http(200, { response: [{}] }), 'done'],
	[http(400), 'done'],
	[http(401), 'done'],
	[{ type: 'notSent' as const, message: 'x' }, 'done'],
	[
		{ type: 'notSent' as const, message: 'token endpoint busy', retryable: true, retryAfter: '3' },
		'retry',
	],
])('%j → %s', (response, decision) => {
	expect(retryDecision(response)).toBe(decision);
});

const failed = (
	outcome: 'not_applied' | 'unknown',
	kind: 'request_failed' | 'rejected' = 'request_failed',
): CustomerResult => ({
	status: 'failed',
	error: { kind, code: 429, message: 'busy', outcome },
});

test('noteRetries says how often a request failure was retried', () => {
	expect(noteRetries([failed('not_applied')], 2, false)[0]).toMatchObject({
		error: { message: 'busy (after 2 retries)', outcome: 'not_applied' },
	});
	expect(noteRetries([failed('not_applied')], 0, false)[0]).toMatchObject({
		error: { message: 'busy' },
	});
});

test('noteRetries never lets a failure after a maybe-applied attempt claim not_applied', () => {
	const [requestFailure, rejection] = noteRetries(
		[failed('not_applied'), failed('not_applied', 'rejected')],
		1,
		true,
	);
	expect(requestFailure).toMatchObject({
		error: {
			outcome: 'unknown',
			message: 'busy (after 1 retry); an earlier attempt may have been applied',
		},
	});
	expect(rejection).toMatchObject({ error: { outcome: 'unknown' } });
	const success: CustomerResult = { status: 'success', warnings: [] };
	expect(noteRetries([success], 1, true)[0]).toBe(success);
});

test('a request stopped before its first retry left is still unknown if the first attempt may have applied', () => {
	expect(noteRetries([failed('not_applied')], 0, true)[0]).toMatchObject({
		error: { message: 'busy; an earlier attempt may have been applied', outcome: 'unknown' },
	});
});
