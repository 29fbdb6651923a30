import type { INodeProperties } from 'n8n-workflow';

/** For options that mean nothing to Get Customer Promotions (one customer per request, changes nothing). */
export const NOT_FOR_LOOKUPS: INodeProperties['displayOptions'] = {
	hide: { '/operation': ['getCustomerPromotions'] },
};

export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			displayOptions: NOT_FOR_LOOKUPS,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				'Customers per request (Capillary accepts at most 100; some organisations set a lower cap)',
		},
		{
			displayName: 'Deduplicate',
			name: 'deduplicate',
			displayOptions: NOT_FOR_LOOKUPS,
			type: 'boolean',
			default: true,
			description:
				'Whether to send each customer once per promotion: items with the same identifier type and value are one customer, whatever their Source (emails compared without case, mobiles by their digits). The first item is sent, with its Source. Every duplicate item still gets its own output item, marked with duplicateOf. Capillary processes duplicates in one request twice.',
		},
		{
			displayName: 'Include Input Fields',
			name: 'includeInputFields',
			type: 'boolean',
			default: false,
			description:
				'Whether to merge the input item’s fields into the output item, under the result fields',
		},
		{
			displayName: 'Max Requests Per Minute',
			name: 'maxRequestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100000 },
			default: 0,
			description:
				'Rate limit shared by every execution of this n8n process that uses the same credential, retries and parallel requests included: requests are spaced evenly to stay under it. Capillary limits requests per brand and per API key. 0 sets no limit of its own: the limits other executions set on the credential still apply.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 5,
			description:
				'How often to retry a request Capillary certainly did not act on (429, 461, 503, 521, connection refused); a lookup (Get Customer Promotions), which changes nothing, also after a timeout or a 5xx. It waits as Retry-After says, or backs off exponentially with jitter.',
		},
		{
			displayName: 'Max Retry Wait (Ms)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 600000 },
			default: 30000,
			description: 'The longest single wait before a retry; a longer Retry-After is cut to it',
		},
		{
			displayName: 'Parallel Requests',
			name: 'parallelRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 1,
			description:
				'How many requests (batches, or customer lookups) may be in flight at once. Capillary rate-limits per API key.',
		},
		{
			displayName: 'Resend Verified Not Applied',
			name: 'resendVerifiedNotApplied',
			displayOptions: NOT_FOR_LOOKUPS,
			type: 'boolean',
			default: false,
			description:
				'Whether to send again, once, the customers that Verify Unknown Outcomes showed certainly not applied (Enrol and Issue: the step that was not applied). The check relies on the customer lookup, on its Date header for Capillary’s clock, and on Capillary having finished a request by the time it is looked up (the node waits as long as the Timeout, at most 10 s, after a timeout or a reset). Leave off unless you accept that risk.',
		},
		{
			displayName: 'Retry Requests With Unknown Outcome',
			name: 'retryUnknownOutcome',
			displayOptions: NOT_FOR_LOOKUPS,
			type: 'boolean',
			default: false,
			description:
				'Whether to also resend requests that may already have been applied (a timeout, a reset connection, a 5xx without results). Capillary is not idempotent: Issue may then issue the promotion twice, Enrol resets the enrolment, and a revoke of all issues may revoke one made since. Leave off unless you accept that.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1000, maxValue: 600000 },
			default: 60000,
			description:
				'How long to wait for one request. A request that times out may still have been applied: its customers are Failed with outcome "unknown" and are not resent.',
		},
		{
			displayName: 'Verify Unknown Outcomes',
			name: 'verifyUnknownOutcomes',
			displayOptions: NOT_FOR_LOOKUPS,
			type: 'boolean',
			default: true,
			description:
				'Whether to look up, after the run’s requests, each customer whose outcome is unknown (a timeout, a reset, a 5xx without results, an answer that cannot be paired). Found applied: Success with verified true. Certainly not applied: Failed with outcome not_applied and verified true. Anything missing, malformed or unexpected keeps it unknown, with the reason in verification. It reads the lookup’s enrolments (enrollmentId as issualId) and issues (issuedDetails issualId as earnedId) and their dates, on Capillary’s clock as its Date header gives it; revokes are only ever found applied.',
		},
	],
};
