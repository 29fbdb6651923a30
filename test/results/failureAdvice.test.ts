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
