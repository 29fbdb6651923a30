import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO, type Fault } from '../sandbox';
import type { AuthKind } from '../engine/capillaryWorkflow';

export type Operation = 'enrol' | 'earn' | 'enrolAndEarn';

export interface Scenario {
	operation: Operation;
	authentication: AuthKind;
	items: IDataObject[];
	options: IDataObject;
	faults: Fault[];
	/** Customers enrolled in the welcome promotion before the run (so Issue can succeed for them). */
	preEnrolled: number[];
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
	{ weight: 12, arbitrary: fc.tuple(fc.constantFrom('mobile', 'email', 'id'), fc.integer({ min: 0, max: POOL - 1 })).map(([kind, k]) => ({ kind, value: String(DEMO.customer(k)[kind as 'mobile']) })) },
	{ weight: 1, arbitrary: fc.constantFrom({ kind: 'mobile', value: DEMO.unknownCustomer.mobile }, { kind: 'email', value: DEMO.userGroup.email }) },
	{ weight: 1, arbitrary: fc.constantFrom({ kind: 'mobile', value: '' }, { kind: 'email', value: 'x@' }, { kind: 'id', value: '-1' }, { kind: 'mobile', value: '{"a":1}\u0000' }, { kind: 'mobile', value: '9'.repeat(300) }) },
);

const fault: fc.Arbitrary<Fault> = fc.oneof(
	{ weight: 1, arbitrary: fc.record({ type: fc.constant('hang' as const), afterApplying: fc.boolean() }) },
	{ weight: 30, arbitrary: fc.record({ type: fc.constant('latency' as const), ms: fc.integer({ min: 0, max: 15 }) }) },
	{ weight: 10, arbitrary: fc.record({ type: fc.constant('status' as const), status: fc.constantFrom(429, 461, 503, 521), retryAfter: fc.constantFrom('0', '1'), times: fc.integer({ min: 1, max: 4 }) }) },
	{ weight: 10, arbitrary: fc.record({ type: fc.constant('status' as const), status: fc.constantFrom(500, 502, 504), afterApplying: fc.boolean() }) },
	fc.record({
		type: fc.constant('status' as const),
		status: fc.constant(500),
		body: fc.constant({ errors: [{ code: 500, message: 'internal error' }] }),
		afterApplying: fc.boolean(),
	}),
	{ weight: 10, arbitrary: fc.record({ type: fc.constant('reset' as const), afterApplying: fc.boolean() }) },
	{ weight: 10, arbitrary: fc.constant<Fault>({ type: 'malformed' }) },
	{ weight: 10, arbitrary: fc.record({ type: fc.constant('short' as const), drop: fc.integer({ min: 1, max: 2 }) }) },
	{ weight: 10, arbitrary: fc.constant<Fault>({ type: 'expireToken' }) },
);

export const scenario: fc.Arbitrary<Scenario> = fc
	.record({
		operation: fc.constantFrom<Operation>('enrol', 'earn', 'enrolAndEarn'),
		authentication: fc.constantFrom<AuthKind>('oAuth', 'basicAuth'),
		size: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 1000 })),
		identifiers: fc.array(identifier, { minLength: 1000, maxLength: 1000 }),
		promotionChoice: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1000, maxLength: 1000 }),
		batchSize: fc.integer({ min: 1, max: 100 }),
		parallelRequests: fc.integer({ min: 1, max: 4 }),
		deduplicate: fc.boolean(),
		retryUnknownOutcome: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
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
			return { kind, value, program: promotion.programId, promo: promotion.promotionId };
		});
		return {
			operation: g.operation,
			authentication: g.authentication,
			items,
			faults: g.faults,
			preEnrolled: g.preEnrolled,
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
		source: 'INSTORE',
		options: s.options as INodeParameters,
	};
}
