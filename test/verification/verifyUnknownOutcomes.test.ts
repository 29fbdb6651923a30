/**
 * Verify Unknown Outcomes through n8n's real engine against the sandbox: every fault on the bulk
 * path that leaves a request's outcome unknown, applied or not, with a healthy lookup, for Issue
 * (a Direct Issue promotion) and Enrol (an Enrol & Issue promotion). Each item's claim is checked
 * against the sandbox's ledger (claimsOf).
 */
import { useSandbox } from '../support/useSandbox';
import {
	claimsOf,
	customers,
	errorOf,
	lookups,
	mobilesOf,
	parametersFor,
	run,
	UNKNOWN_FAULTS,
	type Operation,
} from './verification';

const sandbox = useSandbox();

describe.each<[string, Operation]>([
	['Issue (Direct Issue promotion)', 'earn'],
	['Enrol (Enrol & Issue promotion)', 'enrol'],
])('%s', (_, operation) => {
	test.each(UNKNOWN_FAULTS)(
		'%s, healthy lookup: every customer decided as the ledger shows it',
		async (_fault, fault, applied) => {
			const sent = customers(10, 2);
			sandbox.injectFault(fault);
			const result = await run(sandbox, mobilesOf(sent), parametersFor(operation));

			const expected = applied ? 'applied' : 'not_applied';
			expect(claimsOf(sandbox, result, operation)).toEqual([expected, expected]);
			expect(lookups(sandbox)).toHaveLength(2);
			const items = [...result.success, ...result.failed];
			expect(items.map((i) => i.json.verified)).toEqual([true, true]);
			for (const item of result.failed) {
				expect(errorOf(item).message).toMatch(
					/checked with the customer lookup: .*, so it was not applied\. The customer lookup shows it was not applied: send this customer again.*\.$/,
				);
				expect(item.json.verification).toEqual(expect.any(String));
			}
			expect(items.some((i) => 'resent' in i.json)).toBe(false);
		},
	);
});

test('Verify Unknown Outcomes off: nothing is looked up, the outcome stays unknown', async () => {
	sandbox.injectFault({ type: 'hang', afterApplying: true });
	const result = await run(
		sandbox,
		mobilesOf(customers(10, 2)),
		parametersFor('earn', { verifyUnknownOutcomes: false }),
	);
	expect(lookups(sandbox)).toEqual([]);
	expect(result.failed.map((i) => [errorOf(i).outcome, i.json.verified])).toEqual([
		['unknown', undefined],
		['unknown', undefined],
	]);
});

test('a customer Capillary answered for is not looked up; only the unpaired ones are', async () => {
	// Two batches: the first answered, the second cut off.
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({ type: 'malformed' });
	const result = await run(
		sandbox,
		mobilesOf(customers(20, 4)),
		parametersFor('earn', { batchSize: 2, parallelRequests: 1 }),
	);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied', 'applied', 'applied', 'applied']);
	expect(result.success.map((i) => i.json.verified)).toEqual([undefined, undefined, true, true]);
	expect(lookups(sandbox)).toHaveLength(2);
});
