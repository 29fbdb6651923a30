import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO, type Fault, type SandboxOptions } from '../sandbox';
import type { AuthKind } from '../support/engine/capillaryWorkflow';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

export type Operation =
	| 'enrol'
	| 'earn'
	| 'enrolAndEarn'
	| 'revokeEarn'
	| 'revokeEnrol'
	| 'getCustomerPromotions';
export const OPERATIONS: readonly Operation[] = [
	'enrol',
	'earn',
	'enrolAndEarn',
	'revokeEarn',
	'revokeEnrol',
	'getCustomerPromotions',
];

/**
 * Sandboxes built with other construction options, one of which each scenario runs against: the
 * lookup without a Date header (its dates decide nothing), revoked records listed like active ones,
 * and the revoked enrolment answered as `"revokedIssualId": <integer>`.
 */
export type SandboxVariant = 'standard' | 'omitDateHeader' | 'showsRevoked' | 'revokedIssualIdKey';
export const VARIANTS: Record<
	SandboxVariant,
	Pick<SandboxOptions, 'omitDateHeader' | 'promotionDataShowsRevoked' | 'revokeEnrolIdKey'>
> = {
	standard: {},
	omitDateHeader: { omitDateHeader: true },
	showsRevoked: { promotionDataShowsRevoked: true },
	revokedIssualIdKey: { revokeEnrolIdKey: 'revokedIssualId' },
};

/** What a customer holds before the run: the promotions it is enrolled in and issued, some revoked. */
export interface Holding {
	customer: number;
	/** Index into HELD_PROMOTIONS. */
	promotion: number;
	/** Issues made (after the enrolment, for an Enrol & Issue promotion); some may hit the limit. */
	issues: number;
	/** Revoked before the run: nothing, the issues, or the issues and then the enrolment. */
	revoked: 'none' | 'issues' | 'all';
}

/**
 * What Revoke Issue's Earned IDs names, per item, resolved against the customer's holdings once they
 * are made: empty (revoke all); its own active ids (all, some, or as a list value); or a wrong id
 * (never issued, another customer's, one already revoked, own ids plus a wrong one); or no value /
 * not an id (refused before sending).
 */
export type EarnedChoice =
	| 'all'
	| 'own'
	| 'ownSome'
	| 'ownArray'
	| 'never'
	| 'other'
	| 'revoked'
	| 'ownPlusWrong'
	| 'missing'
	| 'malformed';

export interface Scenario {
	operation: Operation;
	authentication: AuthKind;
	variant: SandboxVariant;
	/** Items as pinned, but for Revoke Issue's `ids`, which `earned` resolves after the holdings are made. */
	items: IDataObject[];
	/** Revoke Issue: what each item's Earned IDs names. */
	earned: EarnedChoice[];
	/** Customer index of each item, when it is one of the pool's customers. */
	customerOf: Array<number | undefined>;
	options: IDataObject;
	/** Faults of the bulk endpoint of the operation, and of the customer lookup. */
	faults: Fault[];
	lookupFaults: Fault[];
	/** Customers enrolled in the welcome promotion before the run (so Issue can succeed for them). */
	preEnrolled: number[];
	holdings: Holding[];
	/** Capillary's clock minus n8n's, as the iat/exp of its tokens show it. */
	clockOffsetSeconds: number;
}

const { welcome, birthday, goldEnrol, goldDirect, inactive, generic } = DEMO.promotions;
type Promotion = { programId: number; promotionId: number };
const PROMOTIONS: Record<Operation, readonly Promotion[]> = {
	enrol: [welcome, goldEnrol, birthday, inactive],
	earn: [birthday, goldDirect, welcome, inactive],
	enrolAndEarn: [welcome, goldEnrol, goldDirect],
	revokeEarn: [birthday, goldDirect, welcome, goldEnrol, inactive, generic],
	revokeEnrol: [welcome, goldEnrol, birthday, inactive],
	getCustomerPromotions: [welcome, goldEnrol, birthday, goldDirect, generic],
};
/** What customers may hold before the run: Enrol & Issue (limits 1 and 5), Direct Issue (3 and 100). */
export const HELD_PROMOTIONS: readonly Promotion[] = [welcome, goldEnrol, birthday, goldDirect];
export const isEnrolAndIssue = (p: Promotion) =>
	p.promotionId === welcome.promotionId || p.promotionId === goldEnrol.promotionId;

/** A small pool of real customers, so that duplicates and issue limits come up often. */
const POOL = 40;

const identifier = fc.oneof(
	{
		weight: 12,
		arbitrary: fc
			.tuple(fc.constantFrom('mobile', 'email', 'id'), fc.integer({ min: 0, max: POOL - 1 }))
			.map(([kind, k]) => ({
				kind,
				k: k as number | undefined,
				value: String(DEMO.customer(k)[kind as 'mobile']),
			})),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			{ kind: 'mobile', k: undefined, value: DEMO.unknownCustomer.mobile },
			{ kind: 'email', k: undefined, value: DEMO.userGroup.email },
		),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			{ kind: 'mobile', k: undefined, value: '' },
			{ kind: 'email', k: undefined, value: 'x@' },
			{ kind: 'id', k: undefined, value: '-1' },
			{ kind: 'mobile', k: undefined, value: '{"a":1}\u0000' },
			{ kind: 'mobile', k: undefined, value: '9'.repeat(300) },
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

export const LOOKUP_PATH = ENDPOINTS.customerPromotionData;

/**
 * Faults of the customer lookup that Verify Unknown Outcomes makes: slow, 5xx (retried, as reads
 * are), reset, hung, cut off halfway, and answers without a field the decision reads.
 */
const lookupFault: fc.Arbitrary<Fault> = fc
	.oneof(
		{
			weight: 4,
			arbitrary: fc.record({
				type: fc.constant('status' as const),
				status: fc.constantFrom(500, 502, 503, 504),
			}),
		},
		{ weight: 1, arbitrary: fc.constant<Fault>({ type: 'hang', afterApplying: false }) },
		{ weight: 2, arbitrary: fc.constant<Fault>({ type: 'reset', afterApplying: false }) },
		{ weight: 3, arbitrary: fc.constant<Fault>({ type: 'malformed' }) },
		{
			weight: 8,
			arbitrary: fc.record({
				type: fc.constant('strip' as const),
				fields: fc.constantFrom(
					['customerPromotionTimelines'],
					['issuedDetails'],
					['issualDate'],
					['enrollmentDate'],
					['enrollmentId'],
					['issualId'],
					['pointsOfferType'],
					['promotionId'],
					['programId'],
					['customerId'],
					['pageDetails'],
					['promotions'],
					['issualDate', 'enrollmentDate'],
				),
			}),
		},
		{
			weight: 2,
			arbitrary: fc.record({
				type: fc.constant('latency' as const),
				ms: fc.integer({ min: 0, max: 15 }),
			}),
		},
	)
	.chain((f) =>
		fc.integer({ min: 1, max: 3 }).map((times) => ({ ...f, path: LOOKUP_PATH, times }) as Fault),
	);

const holding: fc.Arbitrary<Holding> = fc.record({
	customer: fc.integer({ min: 0, max: POOL - 1 }),
	promotion: fc.integer({ min: 0, max: HELD_PROMOTIONS.length - 1 }),
	issues: fc.integer({ min: 0, max: 3 }),
	revoked: fc.constantFrom<Holding['revoked']>('none', 'none', 'none', 'issues', 'all'),
});

const earnedChoice: fc.Arbitrary<EarnedChoice> = fc.oneof(
	{ weight: 6, arbitrary: fc.constant<EarnedChoice>('all') },
	{ weight: 6, arbitrary: fc.constant<EarnedChoice>('own') },
	{ weight: 2, arbitrary: fc.constant<EarnedChoice>('ownSome') },
	{ weight: 2, arbitrary: fc.constant<EarnedChoice>('ownArray') },
	{ weight: 1, arbitrary: fc.constant<EarnedChoice>('never') },
	{ weight: 1, arbitrary: fc.constant<EarnedChoice>('other') },
	{ weight: 1, arbitrary: fc.constant<EarnedChoice>('revoked') },
	{ weight: 1, arbitrary: fc.constant<EarnedChoice>('ownPlusWrong') },
	{ weight: 1, arbitrary: fc.constantFrom<EarnedChoice>('missing', 'malformed') },
);

const MAX_ITEMS = 1000;
const perItem = <T>(arbitrary: fc.Arbitrary<T>) =>
	fc.array(arbitrary, { minLength: MAX_ITEMS, maxLength: MAX_ITEMS });

export const scenario: fc.Arbitrary<Scenario> = fc
	.record({
		operation: fc.constantFrom<Operation>(...OPERATIONS),
		authentication: fc.constantFrom<AuthKind>('oAuth', 'basicAuth'),
		variant: fc.constantFrom<SandboxVariant>(
			'standard',
			'standard',
			'standard',
			'standard',
			'omitDateHeader',
			'showsRevoked',
			'revokedIssualIdKey',
		),
		size: fc.oneof(
			fc.integer({ min: 0, max: 12 }),
			fc.integer({ min: 0, max: 150 }),
			fc.integer({ min: 0, max: MAX_ITEMS }),
		),
		identifiers: perItem(identifier),
		promotionChoice: perItem(fc.integer({ min: 0, max: 5 })),
		formatChoice: perItem(fc.integer({ min: 0, max: 9 })),
		sourceChoice: perItem(fc.integer({ min: 0, max: SOURCES.length - 1 })),
		/** Items aimed at a customer's holding (0, 1: yes; 2: no), and which one. */
		aim: perItem(fc.nat({ max: 3 * 64 - 1 })),
		earned: perItem(earnedChoice),
		/** Get Customer Promotions: filter by program and promotion (0, 1), by program (2), or none (3). */
		filterChoice: perItem(fc.integer({ min: 0, max: 3 })),
		// Whole seconds, and parts of one: the lookup's dates and Date header count whole seconds.
		clockOffsetSeconds: fc.constantFrom(0, 0, -3600, -300, 300, 3600, 0.4, -0.6, 3599.5),
		batchSize: fc.integer({ min: 1, max: 100 }),
		parallelRequests: fc.integer({ min: 1, max: 4 }),
		deduplicate: fc.boolean(),
		retryUnknownOutcome: fc.oneof(
			{ weight: 3, arbitrary: fc.constant(false) },
			{ weight: 1, arbitrary: fc.constant(true) },
		),
		verifyUnknownOutcomes: fc.oneof(
			{ weight: 4, arbitrary: fc.constant(true) },
			{ weight: 1, arbitrary: fc.constant(false) },
		),
		resendVerifiedNotApplied: fc.boolean(),
		maxRetries: fc.integer({ min: 0, max: 3 }),
		maxRequestsPerMinute: fc.constantFrom(0, 0, 20_000, 60_000),
		faults: fc.array(fault, { maxLength: 6 }),
		lookupFaults: fc.oneof(
			fc.constant<Fault[]>([]),
			fc.array(lookupFault, { minLength: 1, maxLength: 4 }),
		),
		preEnrolled: fc.array(fc.integer({ min: 0, max: POOL - 1 }), { maxLength: 10 }),
		holdings: fc.array(holding, { maxLength: 16 }),
	})
	.map((g): Scenario => {
		const read = g.operation === 'getCustomerPromotions';
		const revoke = g.operation === 'revokeEarn' || g.operation === 'revokeEnrol' || read;
		// A lookup is one request per customer: fewer items keep the run short.
		const size = read ? Math.min(g.size, 150) : g.size;
		const promotions = PROMOTIONS[g.operation];
		// Revokes need something to revoke: their holdings are made for every scenario, the others'
		// (issues used up, enrolments replaced) only sometimes.
		const holdings = revoke || g.aim[MAX_ITEMS - 1] % 2 === 0 ? g.holdings : [];
		const customerOf: Array<number | undefined> = [];
		const items = Array.from({ length: size }, (_, i) => {
			const { kind } = g.identifiers[i];
			let { k, value } = g.identifiers[i];
			let promotion = promotions[g.promotionChoice[i] % promotions.length];
			const aimed = holdings[Math.floor(g.aim[i] / 3) % Math.max(1, holdings.length)];
			if (aimed && g.aim[i] % 3 !== 2) {
				const held = HELD_PROMOTIONS[aimed.promotion];
				if (promotions.includes(held)) promotion = held;
				if (k !== undefined) {
					k = aimed.customer;
					value = String(DEMO.customer(k)[kind as 'mobile']);
				}
			}
			customerOf.push(k);
			const formats =
				kind === 'mobile' ? MOBILE_FORMATS : kind === 'email' ? EMAIL_FORMATS : [(v: string) => v];
			// Invalid values stay as they are: formatting must not make them valid.
			const valid = /^\d{8,15}$|@example\.com$/.test(value);
			const written = valid ? formats[g.formatChoice[i] % formats.length](value) : value;
			const filter = read ? g.filterChoice[i] : 0;
			return {
				kind,
				value: written,
				source: SOURCES[g.sourceChoice[i]],
				program: filter < 3 ? promotion.programId : '',
				promo: filter < 2 ? promotion.promotionId : '',
			};
		});
		const bulkPath = read
			? LOOKUP_PATH
			: revoke
				? ENDPOINTS.bulkRevokeEnrolAndEarn
				: ENDPOINTS.bulkEnrolAndEarn;
		// A lookup meets the bulk faults that a GET can meet (all but a short bulk answer), and the lookup's own.
		const faults = g.faults
			.filter((f) => !read || f.type !== 'short')
			.map((f) => ({ ...f, path: bulkPath }));
		return {
			operation: g.operation,
			authentication: g.authentication,
			variant: g.variant,
			items,
			earned: g.operation === 'revokeEarn' ? g.earned.slice(0, size) : [],
			customerOf,
			faults,
			lookupFaults: g.verifyUnknownOutcomes || read ? g.lookupFaults : [],
			preEnrolled: g.preEnrolled,
			holdings,
			clockOffsetSeconds: g.clockOffsetSeconds,
			options: read
				? {
						parallelRequests: g.parallelRequests,
						maxRetries: g.maxRetries,
						maxRetryWait: 5,
						maxRequestsPerMinute: g.maxRequestsPerMinute,
						timeout: 1000,
					}
				: {
						// Keep the request count bounded: at most ~60 batches per run.
						batchSize: Math.max(g.batchSize, Math.ceil(g.size / 60)),
						parallelRequests: g.parallelRequests,
						deduplicate: g.deduplicate,
						retryUnknownOutcome: g.retryUnknownOutcome,
						maxRetries: g.maxRetries,
						maxRetryWait: 5,
						maxRequestsPerMinute: g.maxRequestsPerMinute,
						timeout: 1000,
						verifyUnknownOutcomes: g.verifyUnknownOutcomes,
						resendVerifiedNotApplied: g.resendVerifiedNotApplied,
					},
		};
	});

export function scenarioParameters(s: Pick<Scenario, 'operation' | 'options'>): INodeParameters {
	return {
		resource: 'loyaltyPromotion',
		operation: s.operation,
		programId: { __rl: true, mode: 'id', value: '={{ $json.program }}' },
		promotion: { __rl: true, mode: 'id', value: '={{ $json.promo }}' },
		identifierName: '={{ $json.kind }}',
		identifierValue: '={{ $json.value }}',
		source: '={{ $json.source }}',
		...(s.operation === 'revokeEarn' ? { earnedIds: '={{ $json.ids }}' } : {}),
		options: s.options as INodeParameters,
	};
}
