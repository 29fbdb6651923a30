/**
 * Verify Unknown Outcomes when the lookup itself fails or answers with data missing or malformed:
 * the outcome then stays unknown, with the reason, and is never "not applied" unless the data that
 * decides it is all there. Bulk requests applied (an answer cut off) and not applied (a 500 before
 * applying), for Issue and Enrol; each claim checked against the ledger.
 */
import { DEMO, type Fault } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	APPLIED,
	NOT_APPLIED,
	claimsOf,
	customers,
	lookups,
	mobilesOf,
	onLookup,
	parametersFor,
	run,
	type Claim,
	type Operation,
} from './verification';

const sandbox = useSandbox();

type Expectation = (operation: Operation, applied: boolean) => Claim | 'healthy';

/** What each lookup failure leaves: unknown with a reason, or (data it does not need) as if healthy. */
const LOOKUP_FAILURES: Array<[string, Fault, Expectation, RegExp]> = [
	[
		'a 502 beyond Max Retries',
		{ type: 'status', status: 502 },
		() => 'unknown',
		/the customer lookup failed: .*HTTP 502/,
	],
	[
		'a hang past the Timeout',
		{ type: 'hang', afterApplying: false },
		() => 'unknown',
		/the customer lookup failed: no answer \(timed out/,
	],
	['a cut-off answer (malformed)', { type: 'malformed' }, () => 'unknown', /could not be read/],
	[
		'an answer without customerPromotionTimelines',
		{ type: 'strip', fields: ['customerPromotionTimelines'] },
		() => 'unknown',
		/customerPromotionTimelines/,
	],
	[
		'an answer without customerId',
		{ type: 'strip', fields: ['customerId'] },
		() => 'unknown',
		/customerId/,
	],
	[
		'an answer without issuedDetails',
		{ type: 'strip', fields: ['issuedDetails'] },
		(operation, applied) => (operation === 'earn' && applied ? 'unknown' : 'healthy'),
		/issuedDetails/,
	],
	[
		'an answer without issualDate',
		{ type: 'strip', fields: ['issualDate'] },
		(operation, applied) => (operation === 'earn' && applied ? 'unknown' : 'healthy'),
		/issualDate/,
	],
	[
		'an answer without enrollmentDate',
		{ type: 'strip', fields: ['enrollmentDate'] },
		(operation, applied) => (operation === 'enrol' && applied ? 'unknown' : 'healthy'),
		/enrollmentDate/,
	],
];

describe.each<[string, Operation]>([
	['Issue (Direct Issue promotion)', 'earn'],
	['Enrol (Enrol & Issue promotion)', 'enrol'],
])('%s', (_, operation) => {
	describe.each([
		['applied', APPLIED, true],
		['not applied', NOT_APPLIED, false],
	] as const)('request %s', (_applied, bulkFault, applied) => {
		test.each(LOOKUP_FAILURES)('lookup: %s', async (_lookup, lookupFault, expect_, reason) => {
			sandbox.injectFault(bulkFault);
			sandbox.injectFault(onLookup(lookupFault));
			const result = await run(sandbox, mobilesOf(customers(30, 2)), parametersFor(operation));

			const healthy = applied ? 'applied' : 'not_applied';
			const claim = expect_(operation, applied);
			const expected = claim === 'healthy' ? healthy : claim;
			expect(claimsOf(sandbox, result, operation)).toEqual([expected, expected]);
			if (expected === 'unknown')
				for (const item of result.failed) expect(item.json.verification).toMatch(reason);
			expect(lookups(sandbox).length).toBeGreaterThanOrEqual(2);
		});
	});
});

describe('a lookup answer without a Date header', () => {
	const noDate = useSandbox({ omitDateHeader: true });

	describe.each<[string, Operation]>([
		['Issue', 'earn'],
		['Enrol', 'enrol'],
	])('%s', (_, operation) => {
		test.each([
			['applied', APPLIED],
			['not applied', NOT_APPLIED],
		] as const)('request %s: unknown, as the clocks cannot be compared', async (_a, fault) => {
			noDate.injectFault(fault);
			const result = await run(noDate, mobilesOf(customers(40, 2)), parametersFor(operation));
			expect(claimsOf(noDate, result, operation)).toEqual(['unknown', 'unknown']);
			for (const item of result.failed)
				expect(item.json.verification).toMatch(/no \(readable\) Date header/);
		});
	});
});

test('once 3 lookups in a row failed, the rest are not looked up (each failure took its retries): unknown, saying so', async () => {
	sandbox.injectFault(APPLIED);
	sandbox.injectFault(onLookup({ type: 'status', status: 502 }));
	const result = await run(
		sandbox,
		mobilesOf(customers(50, 6)),
		parametersFor('earn', { parallelRequests: 1 }),
	);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(Array(6).fill('unknown'));
	expect(lookups(sandbox)).toHaveLength(3 * 2); // Max Retries 1
	expect(result.failed.map((i) => i.json.verification)).toEqual([
		...Array(3).fill(expect.stringMatching(/HTTP 502 \(after 1 retry\)/)),
		...Array(3).fill(
			'the customer lookup failed: not looked up, as the 3 lookups before it failed',
		),
	]);
});

test('a lookup that answers resets the count: failures apart from each other stop nothing', async () => {
	sandbox.injectFault(APPLIED);
	for (let k = 0; k < 3; k++) {
		sandbox.injectFault(onLookup({ type: 'status', status: 502 }, 4)); // two customers fail
		sandbox.injectFault(onLookup({ type: 'latency', ms: 0 }, 1)); // the next one answers
	}
	const result = await run(
		sandbox,
		mobilesOf(customers(60, 9)),
		parametersFor('earn', { parallelRequests: 1 }),
	);
	expect(lookups(sandbox)).toHaveLength(3 * (4 + 1));
	expect(claimsOf(sandbox, result, 'earn')).toHaveLength(9);
	expect(result.failed.filter((i) => /not looked up/.test(String(i.json.verification)))).toEqual(
		[],
	);
});

test('a customer Capillary does not know (lookup 8015) is nobody’s rival: the others are still decided', async () => {
	const [a, b] = customers(70, 2);
	sandbox.injectFault(APPLIED);
	const result = await run(
		sandbox,
		[{ mobile: a.mobile }, { mobile: DEMO.unknownCustomer.mobile }, { mobile: b.mobile }],
		parametersFor('earn'),
	);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied', 'unknown', 'applied']);
	expect(result.failed[0].json.verification).toMatch(
		/the customer lookup failed: it answered HTTP 400/,
	);
});

test('a customer whose lookup failed otherwise may be anyone: the others’ records are not claimed', async () => {
	const [a, b] = customers(80, 2);
	sandbox.injectFault(APPLIED);
	sandbox.injectFault(onLookup({ type: 'latency', ms: 0 }, 1));
	sandbox.injectFault(onLookup({ type: 'status', status: 502 }, 2));
	const result = await run(
		sandbox,
		mobilesOf([a, b]),
		parametersFor('earn', { parallelRequests: 1 }),
	);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown', 'unknown']);
	expect(result.failed[0].json.verification).toMatch(/its customer could not be looked up/);
});
