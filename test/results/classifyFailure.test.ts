import { classifyFailure } from '../../nodes/Capillary/results/classifyFailure';

const http = (statusCode: number, body: unknown = '') => ({
	type: 'http' as const,
	statusCode,
	body,
});

test.each([
	[400, 'not_applied', true, false],
	[401, 'not_applied', true, false],
	[403, 'not_applied', true, false],
	[404, 'not_applied', true, false],
	[415, 'not_applied', true, false],
	[409, 'not_applied', false, false],
	[429, 'not_applied', false, true],
	[461, 'not_applied', false, true],
	[503, 'not_applied', false, true],
	[521, 'not_applied', false, true],
	[500, 'unknown', false, false],
	[502, 'unknown', false, false],
	[504, 'unknown', false, false],
	[520, 'unknown', false, false],
	[307, 'unknown', true, false],
	[303, 'unknown', true, false],
	[301, 'unknown', true, false],
] as const)(
	'HTTP %s without response[] → %s (fatal %s, transient %s)',
	(status, outcome, fatal, transient) => {
		const failure = classifyFailure(http(status));
		expect(failure.error).toMatchObject({ kind: 'request_failed', code: status, outcome });
		expect(Boolean(failure.fatal)).toBe(fatal);
		expect(failure.transient).toBe(transient);
	},
);

test('request-level 1060 is fatal with a hint, whatever the status', () => {
	const failure = classifyFailure(
		http(400, { errors: [{ code: 1060, message: 'Batch limit size exceeded' }] }),
	);
	expect(failure.error).toMatchObject({ code: 1060, outcome: 'not_applied' });
	expect(failure.fatal?.message).toBe(
		'Capillary refused the batch size (code 1060: Batch limit size exceeded)',
	);
});

test.each([200, 201])(
	'HTTP %s without response[] cannot be paired: unmatched, unknown',
	(status) => {
		expect(classifyFailure(http(status, 'not json')).error).toMatchObject({
			kind: 'unmatched',
			outcome: 'unknown',
		});
	},
);

test.each([
	['ECONNREFUSED', 'not_applied', true],
	['ENOTFOUND', 'not_applied', true],
	['ECONNRESET', 'unknown', false],
	['ECONNABORTED', 'unknown', false],
	['ETIMEDOUT', 'unknown', false],
] as const)('network %s → %s', (code, outcome, fatal) => {
	const failure = classifyFailure({ type: 'network', code, message: 'm' });
	expect(failure.error).toMatchObject({ code, outcome });
	expect(Boolean(failure.fatal)).toBe(fatal);
});

test('a credential failure before sending is fatal and not applied', () => {
	const failure = classifyFailure({ type: 'notSent', message: 'no token' });
	expect(failure).toEqual({
		error: { kind: 'request_failed', code: null, message: 'no token', outcome: 'not_applied' },
		fatal: { code: null, message: 'no token' },
		transient: false,
	});
});

test.each([
	'ERR_INVALID_CHAR',
	'ERR_HTTP_INVALID_HEADER_VALUE',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'EPROTO',
])('%s is raised before anything is written: not_applied, fatal, not retried', (code) => {
	const failure = classifyFailure({ type: 'network', code, message: code });
	expect(failure.error).toMatchObject({ code, outcome: 'not_applied' });
	expect(Boolean(failure.fatal)).toBe(true);
	expect(failure.transient).toBe(false);
});

test.each(['ECONNRESET', 'EPIPE', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ETIMEDOUT', 'UNKNOWN'])(
	'%s may come after the request left: unknown',
	(code) => {
		expect(classifyFailure({ type: 'network', code, message: code }).error.outcome).toBe('unknown');
	},
);
