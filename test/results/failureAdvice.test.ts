import { nextStep, requestAdvice } from '../../nodes/Capillary/results/failureAdvice';

const failed = (
	kind: 'rejected' | 'request_failed' | 'unmatched' | 'invalid_input',
	code: number | string | null,
	outcome: 'not_applied' | 'unknown' = 'not_applied',
) => ({ kind, code, outcome });

test.each([
	[
		failed('request_failed', 400),
		/^Check the Program, Promotion, Identifier Type and Source, then run again\. Nothing was applied\.$/,
	],
	[failed('request_failed', 429), /^Lower Parallel Requests, set Max Requests Per Minute/],
	[failed('request_failed', 'CERT_HAS_EXPIRED'), /^Fix the server's certificate/],
	[failed('request_failed', 'ECONNREFUSED'), /Cluster or Base URL/],
	[
		failed('request_failed', 'ETIMEDOUT', 'unknown'),
		/before sending it again.*A longer Timeout may help\.$/,
	],
	[
		failed('unmatched', null, 'unknown'),
		/^Check this customer in Capillary before sending it again/,
	],
	[
		failed('rejected', 8015),
		/register the customer in Capillary first, then send this customer again\. It was not applied\.$/,
	],
	[failed('rejected', 99999), /^Fix what Capillary reports/],
	[failed('invalid_input', null), /it was not sent\.$/],
] as const)('%j → %s', (error, advice) => {
	expect(nextStep(error)).toMatch(advice);
});

test('an issue step that certainly failed says: run Issue (Earn) only; one that may have happened says: check first', () => {
	expect(nextStep({ ...failed('rejected', 8899), step: 'earn' })).toMatch(
		/run Issue \(Earn\) only for this customer; do not enrol again/,
	);
	const unknown = nextStep({ ...failed('request_failed', 502, 'unknown'), step: 'earn' });
	expect(unknown).toMatch(/^It may have been issued: check in Capillary before issuing again/);
	expect(unknown).not.toMatch(/run Issue \(Earn\)/);
});

test('redirects and 404 point at the Base URL; an unknown status gives no request advice', () => {
	expect(requestAdvice(302)).toMatch(/Base URL to the final host/);
	expect(requestAdvice(404)).toMatch(/Cluster or Base URL/);
	expect(requestAdvice(418)).toBeUndefined();
});

describe('Get Customer Promotions: a lookup changes nothing, so the advice is to look up again', () => {
	const lookupAdvice = (error: ReturnType<typeof failed>) =>
		nextStep(error, 'getCustomerPromotions');
	test.each([
		[failed('rejected', 8015), /^Check the Identifier Type and value, or register the customer/],
		[failed('rejected', 8003), /^Check the Source, /],
		[failed('request_failed', 401), /^Check the credential/],
		[failed('request_failed', 500), /^Try again later; if it goes on, give Capillary support/],
		[failed('request_failed', 'ETIMEDOUT'), /^Raise the Timeout option/],
		[failed('request_failed', null), /^Once the cause above is dealt with, look the customer up/],
		[failed('unmatched', null), /^Look the customer up again later/],
		[failed('invalid_input', null), /it was not sent\.$/],
	] as const)('%j → %s', (error, advice) => {
		const next = lookupAdvice(error);
		expect(next).toMatch(advice);
		expect(next).toMatch(/\.$/);
		expect(next).not.toMatch(/applied|send(ing)? (it|this customer) again/);
	});
});

describe('revoke advice', () => {
	/** What only the enrol and issue operations may say. */
	const ENROL_WORDING =
		/enrolled or issued|enrol the customer first|Issue \(Earn\)|register the customer|issue limit|, then [^.]*, then send/;
	const codes = [8015, 8896, 8899, 8902, 8892, 8874, 1101, 8881, 11013, 8903, 2305, 99999];
	const errors = [
		...codes.map((code) => failed('rejected', code)),
		...[400, 401, 403, 404, 429, 500, 1060, 302, 'ECONNREFUSED', 'CERT_HAS_EXPIRED', null].map(
			(code) => failed('request_failed', code),
		),
		...[502, 504, 'ETIMEDOUT', 'ECONNRESET', 'ERR_CANCELED', 302, null].map((code) =>
			failed('request_failed', code, 'unknown'),
		),
		failed('unmatched', null, 'unknown'),
		failed('rejected', 8903, 'unknown'),
		failed('invalid_input', null),
	];

	test.each(['revokeEarn', 'revokeEnrol'] as const)(
		'%s: every failure gets one next step in a revoke’s words, ending with a full stop',
		(operation) => {
			for (const error of errors) {
				const advice = nextStep(error, operation);
				expect([error, advice]).toEqual([error, expect.stringMatching(/^[A-Z][^]*\.$/)]);
				expect([error, advice]).not.toEqual([error, expect.stringMatching(ENROL_WORDING)]);
			}
		},
	);

	test.each(['revokeEarn', 'revokeEnrol'] as const)(
		'%s: a result that may have been applied says to check before revoking again',
		(operation) => {
			expect(nextStep(failed('unmatched', null, 'unknown'), operation)).toBe(
				'Check this customer with Get Customer Promotions before revoking again: it may have been revoked.',
			);
			expect(nextStep(failed('request_failed', 'ETIMEDOUT', 'unknown'), operation)).toMatch(
				/before revoking again: it may have been revoked\. A longer Timeout may help\.$/,
			);
		},
	);

	test.each([
		['revokeEnrol', 8896, /^Revoke the customer’s issues of this promotion first \(Revoke Issue\)/],
		['revokeEarn', 8896, /^Check the Identifier Type and value/],
		['revokeEnrol', 8902, /no enrolment to revoke.*use Revoke Issue\. It was not applied\.$/],
		['revokeEarn', 8902, /^This promotion cannot be revoked/],
		['revokeEarn', 8903, /^Check the Earned IDs \(one is not an active issue/],
		['revokeEarn', 2305, /^Nothing to revoke.*\)\. It was not applied\.$/],
		['revokeEnrol', 2305, /^Nothing to revoke/],
		['revokeEnrol', 8015, /^Check the Identifier Type and value: Capillary finds no such customer/],
	] as const)('%s, code %d → %s', (operation, code, advice) => {
		expect(nextStep(failed('rejected', code), operation)).toMatch(advice);
	});

	test('Revoke Issue is never told to run Revoke Issue, nor 8903 that none of its ids is good', () => {
		for (const code of codes)
			expect(nextStep(failed('rejected', code), 'revokeEarn')).not.toMatch(
				/use Revoke Issue|\(Revoke Issue\)|none of them/,
			);
	});

	test('the enrol and issue operations keep their own advice for the codes revokes re-read', () => {
		expect(nextStep(failed('rejected', 8896))).toMatch(/enrol the customer first \(Enrol\)/);
		expect(nextStep(failed('rejected', 8902), 'earn')).toMatch(/use Issue \(Earn\)/);
		expect(nextStep(failed('rejected', 8015), 'enrol')).toMatch(/register the customer/);
	});
});
