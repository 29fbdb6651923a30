import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO, type Fault } from '../sandbox';
import type { AuthKind } from '../support/engine/capillaryWorkflow';

export type Operation = 'enrol' | 'earn' | 'enrolAndEarn';

export interface Scenario {
	operation: Operation;
	authentication: AuthKind;
	items: IDataObject[];
	options: IDataObject;
	faults: Fault[];
	/** Customers enrolled in the welcome promotion before the run (so Issue can succeed for them). */
	preEnrolled: number[];
	/** Capillary's clock minus n8n's, as the iat/exp of its tokens show it. */
	clockOffsetSeconds: number;
}

const { welcome, birthday, goldEnrol, goldDirect, inactive } = DEMO.promotions;
const PROMOTIONS: Record<Operation, ReadonlyArray<{ programId: number; promotionId: number }>> = {
	enrol: [welcome, goldEnrol, birthday, inactive],
	earn: [birthday, goldDirect, welcome, inactive],
	enrolAndEarn: [welcome, goldEnrol, goldDirect],
};

/** A small pool of real customers, so that duplicates and issue limits come up often. */
const POOL = 40;

const identifier = fc.oneof(
	{
		weight: 12,
		arbitrary: fc
			.tuple(fc.constantFrom('mobile', 'email', 'id'), fc.integer({ min: 0, max: POOL - 1 }))
			.map(([kind, k]) => ({ kind, value: String(DEMO.customer(k)[kind as 'mobile']) })),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			{ kind: 'mobile', value: DEMO.unknownCustomer.mobile },
			{ kind: 'email', value: DEMO.userGroup.email },
		),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			{ kind: 'mobile', value: '' },
			{ kind: 'email', value: 'x@' },
			{ kind: 'id', value: '-1' },
			{ kind: 'mobile', value: '{"a":1}\u0000' },
			{ kind: 'mobile', value: '9'.repeat(300) },
		),
	},
);

/** How a CRM may write a mobile: the node must send the same digits for each. */
const MOBILE_FORMATS: ReadonlyArray<(digits: string) => string> = [
	(v) => v,
	(v) => `+${v}`,
	(v) => `+${v.slice(0, 2)} ${v.slice(2, 7)} ${v.slice(7)}`,
	(v) => `(${v.slice(0, 3)}) ${v.slice(3, 6)}-${v.slice(6)}`,
	(v) => `${v.slice(0, 2)}.${v.slice(2, 6)}.${v.slice(6)}`,
];

/** How an item may write an email: the same customer whatever the case. */
const EMAIL_FORMATS: ReadonlyArray<(email: string) => string> = [(v) => v, (v) => v.toUpperCase()];

const SOURCES = ['INSTORE', 'WEBSITE', 'ECOMMERCE'] as const;

const fault: fc.Arbitrary<Fault> = fc.oneof(
	{
		weight: 1,
		arbitrary: fc.record({ type: fc.constant('hang' as const), afterApplying: fc.boolean() }),
	},
	{
		weight: 30,
		arbitrary: fc.record({
			type: fc.constant('latency' as const),
			ms: fc.integer({ min: 0, max: 15 }),
		}),
	},
	{
		weight: 10,
		arbitrary: fc.record({
			type: fc.constant('status' as const),
			status: fc.constantFrom(429, 461, 503, 521),
			retryAfter: fc.constantFrom('0', '1'),
			times: fc.integer({ min: 1, max: 4 }),
		}),
	},
	{
		weight: 10,
		arbitrary: fc.record({
			type: fc.constant('status' as const),
			status: fc.constantFrom(500, 502, 504),
			afterApplying: fc.boolean(),
		}),
	},
	fc.record({
		type: fc.constant('status' as const),
		status: fc.constant(500),
		body: fc.constant({ errors: [{ code: 500, message: 'internal error' }] }),
		afterApplying: fc.boolean(),
	}),
	{
		weight: 10,
		arbitrary: fc.record({ type: fc.constant('reset' as const), afterApplying: fc.boolean() }),
	},
	{ weight: 10, arbitrary: fc.constant<Fault>({ type: 'malformed' }) },
	{
		weight: 10,
		arbitrary: fc.record({
			type: fc.constant('short' as const),
			drop: fc.integer({ min: 1, max: 2 }),
		}),
	},
	{ weight: 10, arbitrary: fc.constant<Fault>({ type: 'expireToken' }) },
	{ weight: 10, arbitrary: fc.constant<Fault>({ type: 'nulls' }) },
);

export const scenario: fc.Arbitrary<Scenario> = fc
	.record({
		operation: fc.constantFrom<Operation>('enrol', 'earn', 'enrolAndEarn'),
		authentication: fc.constantFrom<AuthKind>('oAuth', 'basicAuth'),
		size: fc.oneof(
			fc.integer({ min: 0, max: 12 }),
			fc.integer({ min: 0, max: 150 }),
			fc.integer({ min: 0, max: 1000 }),
		),
		identifiers: fc.array(identifier, { minLength: 1000, maxLength: 1000 }),
		promotionChoice: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1000, maxLength: 1000 }),
		formatChoice: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1000, maxLength: 1000 }),
		sourceChoice: fc.array(fc.integer({ min: 0, max: SOURCES.length - 1 }), {
			minLength: 1000,
			maxLength: 1000,
		}),
		clockOffsetSeconds: fc.constantFrom(0, 0, -3600, -300, 300, 3600),
		batchSize: fc.integer({ min: 1, max: 100 }),
		parallelRequests: fc.integer({ min: 1, max: 4 }),
		deduplicate: fc.boolean(),
		retryUnknownOutcome: fc.oneof(
			{ weight: 3, arbitrary: fc.constant(false) },
			{ weight: 1, arbitrary: fc.constant(true) },
		),
		maxRetries: fc.integer({ min: 0, max: 3 }),
		maxRequestsPerMinute: fc.constantFrom(0, 0, 20_000, 60_000),
		faults: fc.array(fault, { maxLength: 6 }),
		preEnrolled: fc.array(fc.integer({ min: 0, max: POOL - 1 }), { maxLength: 10 }),
	})
	.map((g) => {
		const promotions = PROMOTIONS[g.operation];
		const items = Array.from({ length: g.size }, (_, i) => {
			const { kind, value } = g.identifiers[i];
			const promotion = promotions[g.promotionChoice[i] % promotions.length];
			const formats =
				kind === 'mobile' ? MOBILE_FORMATS : kind === 'email' ? EMAIL_FORMATS : [(v: string) => v];
			// Invalid values stay as they are: formatting must not make them valid.
			const valid = /^\d{8,15}$|@example\.com$/.test(value);
			const written = valid ? formats[g.formatChoice[i] % formats.length](value) : value;
			return {
				kind,
				value: written,
				source: SOURCES[g.sourceChoice[i]],
				program: promotion.programId,
				promo: promotion.promotionId,
			};
		});
		return {
			operation: g.operation,
			authentication: g.authentication,
			items,
			faults: g.faults,
			preEnrolled: g.preEnrolled,
			clockOffsetSeconds: g.clockOffsetSeconds,
			options: {
				// Keep the request count bounded: at most ~60 batches per run.
				batchSize: Math.max(g.batchSize, Math.ceil(g.size / 60)),
				parallelRequests: g.parallelRequests,
				deduplicate: g.deduplicate,
				retryUnknownOutcome: g.retryUnknownOutcome,
				maxRetries: g.maxRetries,
				maxRetryWait: 5,
				maxRequestsPerMinute: g.maxRequestsPerMinute,
				timeout: 1000,
			},
		};
	});

export function scenarioParameters(s: Scenario): INodeParameters {
	return {
		resource: 'loyaltyPromotion',
		operation: s.operation,
		programId: { __rl: true, mode: 'id', value: '={{ $json.program }}' },
		promotion: { __rl: true, mode: 'id', value: '={{ $json.promo }}' },
		identifierName: '={{ $json.kind }}',
		identifierValue: '={{ $json.value }}',
		source: '={{ $json.source }}',
		options: s.options as INodeParameters,
	};
}
