/**
 * Review of issue 11: odd or hostile bulk answers (nulls, odd types, a 401 or a 3xx that carries or
 * follows an applied request). "found in review, fixed": regressions the review reproduced; "held in
 * review": what held.
 */
import { DEMO, LIMIT_WARNING } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	unverifiedParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { errorOf, mobileItems } from '../support/engine/items';

const sandbox = useSandbox();

const earn = (extra = {}) =>
	unverifiedParameters('earn', DEMO.promotions.birthday, 'mobile', extra);
const enrolAndEarn = (extra = {}) =>
	unverifiedParameters('enrolAndEarn', DEMO.promotions.welcome, 'mobile', extra);
const earns = () => sandbox.ledger.filter((e) => e.action === 'EARN');
const bulkRequests = () => sandbox.requests.filter((r) => r.bulkAction);

/** Advice that invites a second send: wrong whenever the first one may have been applied. */
const SEND_AGAIN = /running it again is safe|run Issue \(Earn\) only|then run again/;

describe('found in review, fixed', () => {
	// readEntry keeps a warning's code as it came (number or string); pairResults compares it to the
	// number 8890 with ===, so "8890" (a Java backend's string, or a proxy's re-encoding) never matches.
	test('an issue answered with warning 8890 ("promotion not issued") is not Success, whether its code is a number or a string', async () => {
		const entry = (code: number | string) => ({
			result: {
				entityType: 'CUSTOMER',
				entityId: DEMO.customer(0).id,
				issualId: '100001',
				earnedId: '500001',
			},
			errors: [],
			warnings: [{ ...LIMIT_WARNING, code }],
		});
		sandbox.injectFault({ type: 'status', status: 200, body: { response: [entry(8890)] } });
		const asNumber = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(0, 1),
			parameters: earn(),
		});
		sandbox.injectFault({ type: 'status', status: 200, body: { response: [entry('8890')] } });
		const asString = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(0, 1),
			parameters: earn(),
		});

		expect(asNumber.success).toEqual([]);
		expect(errorOf(asNumber.failed[0])).toMatchObject({ code: 8890 });
		// The same answer with "8890": the node reports Success although Capillary said "not issued".
		expect(asString.success).toEqual([]);
		expect(asString.failed).toHaveLength(1);
		expect(String(errorOf(asString.failed[0]).code)).toBe('8890');
	});

	// sendWithRetries asks needsNewToken() before looking at the body: any OAuth 401 fetches a new token
	// and resends, even when the 401 carries a per-customer response[] saying the customer was issued
	// (the node's own rule is to pair response[] whatever the status, as it does for Basic and 5xx).
	test('an OAuth 401 whose per-customer body says the customer was issued is paired, not resent (no second issue)', async () => {
		const customer = DEMO.customer(1);
		sandbox.injectFault({
			type: 'status',
			status: 401,
			afterApplying: true,
			body: {
				response: [
					{
						result: {
							entityType: 'CUSTOMER',
							entityId: customer.id,
							issualId: '100001',
							earnedId: '500001',
						},
						errors: [],
						warnings: [],
					},
				],
			},
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [{ mobile: customer.mobile }],
			parameters: earn(),
		});

		expect(earns()).toHaveLength(1);
		expect(bulkRequests()).toHaveLength(1);
		expect(run.success.map((i) => i.json.earnedId)).toEqual(['500001']);
	});

	test('Enrol and Issue: an OAuth 401 whose body says the customer was enrolled does not enrol it again', async () => {
		const customer = DEMO.customer(2);
		sandbox.injectFault({
			type: 'status',
			status: 401,
			afterApplying: true,
			body: {
				response: [
					{
						result: { entityType: 'CUSTOMER', entityId: customer.id, issualId: '100001' },
						errors: [],
						warnings: [],
					},
				],
			},
		});
		await runCapillary(sandboxCredentials(sandbox), {
			items: [{ mobile: customer.mobile }],
			parameters: enrolAndEarn(),
		});

		expect(sandbox.ledger.filter((e) => e.action === 'ENROL')).toHaveLength(1);
	});

	// classifyFailure: every 3xx but 303 is "not_applied" and fatal. capillary-notes.md: only 429, 461,
	// 503, 521 and a refused connection are certainly not acted on; a 301/302 to a POST is what
	// servers and proxies commonly send after processing it (Post/Redirect/Get), so it may have been applied.
	describe.each([301, 302])('a %s after Capillary applied the request', (status) => {
		test('Issue (Earn), continue mode: outcome unknown, and no advice to send again', async () => {
			sandbox.injectFault({ type: 'status', status, afterApplying: true, body: '' });
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(3, 1),
				parameters: earn(),
				onError: 'continueRegularOutput',
			});

			expect(earns()).toHaveLength(1);
			expect(errorOf(run.failed[0]).outcome).toBe('unknown');
			expect(String(errorOf(run.failed[0]).message)).not.toMatch(SEND_AGAIN);
		});

		test('Issue (Earn), Stop Workflow: the node does not throw "Nothing was enrolled or issued"', async () => {
			sandbox.injectFault({ type: 'status', status, afterApplying: true, body: '' });
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(4, 1),
				parameters: earn(),
				onError: 'stopWorkflow',
			});

			expect(earns()).toHaveLength(1);
			expect(run.error?.message ?? '').not.toMatch(/Nothing was applied/);
			expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown']);
		});

		test('Enrol and Issue, on the issue step: not "It was not issued. To issue it, run Issue (Earn) only"', async () => {
			sandbox.injectFault({ type: 'latency', ms: 0 }); // the ENROL goes through
			sandbox.injectFault({ type: 'status', status, afterApplying: true, body: '' });
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(5, 1),
				parameters: enrolAndEarn(),
				onError: 'continueRegularOutput',
			});

			expect(earns()).toHaveLength(1);
			expect(run.failed[0].json).toMatchObject({
				enrolled: true,
				error: { step: 'earn', outcome: 'unknown' },
			});
			expect(String(errorOf(run.failed[0]).message)).not.toMatch(SEND_AGAIN);
		});

		test('Enrol and Issue, on the enrol step: not "enrolled: false"', async () => {
			sandbox.injectFault({ type: 'status', status, afterApplying: true, body: '' });
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(6, 1),
				parameters: enrolAndEarn(),
				onError: 'continueRegularOutput',
			});

			expect(sandbox.ledger.map((e) => e.action)).toEqual(['ENROL']);
			expect(run.failed[0].json.enrolled).not.toBe(false);
			expect(errorOf(run.failed[0]).outcome).toBe('unknown');
		});
	});
});

describe('held in review', () => {
	const ids = (k: number) => ({ entityType: 'CUSTOMER', entityId: DEMO.customer(k).id });

	test('entityId null with id identifiers, errors [null] and warnings [null]: positional pairing, each customer its own outcome', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 201,
			body: {
				response: [
					{
						result: { ...ids(10), entityId: null, issualId: '1', earnedId: '2' },
						errors: [null],
						warnings: [null],
					},
					{ result: null, errors: [null], warnings: null },
					{ result: { ...ids(12), issualId: '3', earnedId: '4' }, errors: null, warnings: [] },
				],
			},
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [10, 11, 12].map((k) => ({ id: String(DEMO.customer(k).id) })),
			parameters: unverifiedParameters('earn', DEMO.promotions.birthday, 'id'),
		});
		expect(run.success.map((i) => [i.pairedItem, i.json.earnedId])).toEqual([
			[{ item: 0 }, '2'],
			[{ item: 2 }, '4'],
		]);
		expect(run.failed.map((i) => [i.pairedItem, errorOf(i).outcome])).toEqual([
			[{ item: 1 }, 'unknown'],
		]);
	});

	test('a duplicated entry (3 answers for 2 customers): every customer unmatched/unknown', async () => {
		const entry = {
			result: { ...ids(20), issualId: '1', earnedId: '2' },
			errors: [],
			warnings: [],
		};
		sandbox.injectFault({ type: 'status', status: 200, body: { response: [entry, entry, entry] } });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(20, 2),
			parameters: earn(),
		});
		expect(run.failed.map((i) => [errorOf(i).kind, errorOf(i).outcome])).toEqual([
			['unmatched', 'unknown'],
			['unmatched', 'unknown'],
		]);
	});

	test('__proto__ keys in an answer neither pollute prototypes nor change an outcome', async () => {
		const text = `{"response":[{"__proto__":{"errors":[{"code":8015}],"polluted":true},"result":{"entityId":${DEMO.customer(30).id},"issualId":"1","earnedId":"2"},"errors":[],"warnings":[]}],"__proto__":{"response":[]}}`;
		sandbox.injectFault({ type: 'status', status: 200, body: text });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(30, 1),
			parameters: earn(),
		});
		expect(run.success.map((i) => i.json.earnedId)).toEqual(['2']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	test('a 2xx with a good response[] and request-level errors at the top: response[] decides (capillary-notes.md)', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 200,
			body: {
				response: [
					{ result: { ...ids(40), issualId: '1', earnedId: '2' }, errors: [], warnings: [] },
				],
				errors: [{ code: 500, message: 'partial' }],
			},
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(40, 1),
			parameters: earn(),
		});
		expect(run.success).toHaveLength(1);
	});

	test('a huge response[] for one customer is unmatched/unknown, quickly, with a bounded excerpt', async () => {
		const entry = {
			result: { ...ids(50), issualId: '1', earnedId: '2' },
			errors: [],
			warnings: [],
		};
		sandbox.injectFault({
			type: 'status',
			status: 200,
			body: { response: Array.from({ length: 200_000 }, () => entry) },
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(50, 1),
			parameters: earn(),
		});
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'unknown' });
		expect(JSON.stringify(run.failed[0]).length).toBeLessThan(5000);
	});

	test('a 303 after applying is unknown, with check-first advice', async () => {
		sandbox.injectFault({ type: 'status', status: 303, afterApplying: true, body: '' });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(60, 1),
			parameters: earn(),
		});
		expect(errorOf(run.failed[0]).outcome).toBe('unknown');
		expect(String(errorOf(run.failed[0]).message)).not.toMatch(SEND_AGAIN);
	});
});
