/**
 * Hostile review of Get Customer Promotions and its chaining into Revoke Issue and Revoke Enrolment,
 * against the project's sandbox, through n8n's real WorkflowExecute.
 * `test.failing`: a reproduced bug (the comment says what is wrong and what would be right).
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEMO } from '../sandbox';
import {
	CAPILLARY,
	capillaryWorkflow,
	lookupParameters,
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { executeCapillary } from '../support/engine/executeNode';
import { errorOf } from '../support/engine/items';
import { runWorkflow } from '../support/engine/runWorkflow';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const LOOKUP = ENDPOINTS.customerPromotionData;
const { welcome, birthday, generic } = DEMO.promotions;
const mobile = (k: number) => ({ mobile: DEMO.customer(k).mobile });

interface Shown {
	promotionId: number;
	enrolled?: boolean;
	enrolment?: { issualId?: string } | null;
	issues?: Array<{ earnedId: string }>;
}
const promotionsOf = (item: INodeExecutionData) => item.json.promotions as Shown[];
type Promotion = { programId: number; promotionId: number };
type Operation = 'enrol' | 'earn' | 'enrolAndEarn' | 'revokeEarn' | 'revokeEnrol';

function parametersFor(
	operation: Operation,
	promotion: Promotion,
	extra: INodeParameters = {},
): INodeParameters {
	return { ...promotionParameters('earn', promotion, 'mobile', extra), operation };
}

/** Lookup of one promotion (Program and Promotion set), chained into a second Capillary node. */
function lookupThen(
	items: object[],
	promotion: Promotion,
	next: INodeParameters,
	lookupExtra: INodeParameters = {},
) {
	const workflow = capillaryWorkflow({
		items: items as never,
		parameters: lookupParameters('mobile', {
			programId: { __rl: true, mode: 'id', value: String(promotion.programId) },
			promotion: { __rl: true, mode: 'id', value: String(promotion.promotionId) },
			...lookupExtra,
		}),
	});
	workflow.nodes.push({
		...workflow.nodes[1],
		id: 'n',
		name: 'Next',
		position: [440, 0],
		parameters: { authentication: 'oAuth', ...next },
	});
	workflow.connections[CAPILLARY] = { main: [[{ node: 'Next', type: 'main', index: 0 }]] };
	return workflow;
}

function expectOnePerItem(
	run: { success: INodeExecutionData[]; failed: INodeExecutionData[] },
	n: number,
) {
	const paired = [...run.success, ...run.failed]
		.map((i) => (i.pairedItem as { item: number }).item)
		.sort((a, b) => a - b);
	expect(paired).toEqual(Array.from({ length: n }, (_, k) => k));
}

describe('the default sandbox (revoked records left out)', () => {
	const sandbox = useSandbox();
	const credentials = () => sandboxCredentials(sandbox);
	const lookups = () => sandbox.requests.filter((r) => r.path === LOOKUP);

	async function apply(operation: Operation, promotion: Promotion, k: number, extra = {}) {
		return await runCapillary(credentials(), {
			items: [mobile(k)],
			parameters: parametersFor(operation, promotion, extra),
		});
	}
	async function lookUp(items: object[], extra: INodeParameters = {}) {
		return await runCapillary(credentials(), {
			items: items as never,
			parameters: lookupParameters('mobile', extra),
		});
	}

	describe('what `enrolled` claims', () => {
		// Enrol and Issue (enrolment A, issue a1), Enrol again (B replaces A; the sandbox keeps A listed
		// while a1 is active, as a replaced enrolment is), then Revoke Enrolment (B: Success). The customer
		// now has NO active enrolment: Issue (Earn) answers 8896 and a second Revoke Enrolment 2305. The
		// lookup still says `enrolled: true` with `enrolment.issualId` = A: enrolment A is listed and not
		// expired, and nothing in the documented fields tells a replaced enrolment from the active one.
		// Known limit, left open (README, Get Customer Promotions): `enrolled` says what Capillary lists.
		test.failing(
			'after the active enrolment is revoked, a replaced one with issues is not "enrolled"',
			async () => {
				const k = 300;
				expect((await apply('enrolAndEarn', welcome, k)).success).toHaveLength(1);
				expect((await apply('enrol', welcome, k)).success).toHaveLength(1);
				expect((await apply('revokeEnrol', welcome, k)).success).toHaveLength(1);
				const run = await lookUp([mobile(k)], {
					promotion: { __rl: true, mode: 'id', value: String(welcome.promotionId) },
				});
				expect(promotionsOf(run.success[0])[0].enrolled).not.toBe(true);
			},
		);

		test('what it does now, and what Capillary (the sandbox) says of the same customer', async () => {
			const k = 301;
			await apply('enrolAndEarn', welcome, k);
			const first = sandbox.ledger.find((e) => e.action === 'ENROL')!.issualId;
			await apply('enrol', welcome, k);
			await apply('revokeEnrol', welcome, k);
			const run = await lookUp([mobile(k)], {
				promotion: { __rl: true, mode: 'id', value: String(welcome.promotionId) },
			});
			expect(promotionsOf(run.success[0])[0]).toMatchObject({
				enrolled: true,
				enrolment: { issualId: first },
			});
			// Capillary: not enrolled. Revoke Enrolment again finds no active enrolment (2305) …
			const again = await apply('revokeEnrol', welcome, k);
			expect(errorOf(again.failed[0])).toMatchObject({ kind: 'rejected', code: 2305 });
			// … and Issue (Earn) refuses a customer who is not enrolled (8896).
			const issue = await apply('earn', welcome, k);
			expect(errorOf(issue.failed[0])).toMatchObject({ kind: 'rejected', code: 8896 });
		});

		test('held: enrolled, then revoked in order: enrolled false, enrolment null, no issues', async () => {
			const k = 302;
			await apply('enrolAndEarn', welcome, k);
			await apply('revokeEarn', welcome, k, { earnedIds: '' });
			await apply('revokeEnrol', welcome, k);
			const run = await lookUp([mobile(k)], {
				promotion: { __rl: true, mode: 'id', value: String(welcome.promotionId) },
			});
			expect(promotionsOf(run.success[0])[0]).toMatchObject({
				enrolled: false,
				enrolment: null,
				issues: [],
			});
		});
	});

	describe('the chained Earned IDs expression', () => {
		const chained = (promotion: Promotion) =>
			parametersFor('revokeEarn', promotion, {
				identifierValue: '={{ $json.identifierValueSent }}',
				earnedIds: '={{ $json.promotions[0].issues.map(i => i.earnedId) }}',
			});
		const revokes = () =>
			sandbox.requests.filter((r) => r.path === ENDPOINTS.bulkRevokeEnrolAndEarn);

		test.each([
			[
				'a promotion the customer’s list does not hold (promotions empty)',
				{ promotionId: 999999, programId: 469 },
			],
			['a Direct Issue promotion with no issue (issues [])', birthday],
			['an Enrol & Issue promotion, not enrolled (issues [])', welcome],
			['a generic promotion (issues [])', generic],
		])(
			'held: %s: Revoke Issue Failed invalid_input, never sent, never revoke-all',
			async (_, promotion) => {
				// Someone else's issues of the same promotion, which a revoke-all of this customer must not touch either.
				await apply('earn', birthday, 311);
				const run = await runWorkflow(
					lookupThen([mobile(310)], promotion, chained(promotion)),
					credentials(),
				);
				const [revoked, notRevoked] = run.outputs('Next');
				expect(revoked).toEqual([]);
				expect(notRevoked).toHaveLength(1);
				expect(notRevoked[0].pairedItem).toEqual({ item: 0 });
				expect(errorOf(notRevoked[0])).toMatchObject({
					kind: 'invalid_input',
					outcome: 'not_applied',
				});
				expect(errorOf(notRevoked[0]).message).toMatch(/^Item 0: Earned IDs /);
				expect(revokes()).toHaveLength(0);
				expect(sandbox.ledger.filter((e) => e.action.startsWith('REVOKE'))).toEqual([]);
			},
		);

		// The README (Revoke Issue) says "An expression that gives empty text counts as empty too, and
		// revokes all", but the code (commit a35a357, bulk/readCustomers.ts earnedIdsReader) refuses it.
		// The code is the safer of the two; the README is stale. Pinned here: refused, nothing sent.
		test('held (README stale): `.join(", ")` of no issues gives "" and is refused, not revoke-all', async () => {
			await apply('earn', birthday, 315);
			const run = await runWorkflow(
				lookupThen(
					[mobile(316)],
					birthday,
					parametersFor('revokeEarn', birthday, {
						identifierValue: '={{ $json.identifierValueSent }}',
						earnedIds: '={{ $json.promotions[0].issues.map(i => i.earnedId).join(", ") }}',
					}),
				),
				credentials(),
			);
			const [, failed] = run.outputs('Next');
			expect(errorOf(failed[0])).toMatchObject({ kind: 'invalid_input' });
			expect(errorOf(failed[0]).message).toMatch(/^Item 0: Earned IDs names no earned ID/);
			expect(revokes()).toHaveLength(0);
		});

		test('held: a Direct Issue customer with issues: exactly those are revoked', async () => {
			await apply('earn', birthday, 312);
			await apply('earn', birthday, 312);
			await apply('earn', birthday, 313);
			const run = await runWorkflow(
				lookupThen([mobile(312)], birthday, chained(birthday)),
				credentials(),
			);
			expect(run.outputs('Next')[0]).toHaveLength(1);
			const ofCustomer = (k: number, action: string) =>
				sandbox.ledger
					.filter((e) => e.action === action && e.identifierValue === DEMO.customer(k).mobile)
					.map((e) => e.earnedId)
					.sort();
			expect(ofCustomer(312, 'REVOKE_EARN')).toEqual(ofCustomer(312, 'EARN'));
			expect(ofCustomer(313, 'REVOKE_EARN')).toEqual([]);
		});

		test('held: Revoke Enrolment on a customer whose issues remain: 8896, advice to revoke the issues first, nothing revoked', async () => {
			await apply('enrolAndEarn', welcome, 314);
			const run = await runWorkflow(
				lookupThen([mobile(314)], welcome, {
					...parametersFor('revokeEnrol', welcome),
					identifierValue: '={{ $json.identifierValueSent }}',
				}),
				credentials(),
			);
			const [, failed] = run.outputs('Next');
			expect(errorOf(failed[0])).toMatchObject({
				kind: 'rejected',
				code: 8896,
				outcome: 'not_applied',
			});
			expect(errorOf(failed[0]).message).toMatch(
				/Revoke the customer’s issues of this promotion first \(Revoke Issue\)/,
			);
			expect(sandbox.ledger.filter((e) => e.action.startsWith('REVOKE'))).toEqual([]);
		});
	});

	describe('hostile parameter values: Failed invalid_input naming the item and field, never sent', () => {
		test.each([
			[
				'an identifier that is an object',
				{ identifierValue: '={{ { a: 1 } }}' },
				/^Item 0: Identifier Value \(mobile\) /,
			],
			[
				'an identifier that is a list',
				{ identifierValue: '={{ [$json.mobile] }}' },
				/^Item 0: Identifier Value \(mobile\) /,
			],
			[
				'an identifier that is null',
				{ identifierValue: '={{ null }}' },
				/^Item 0: Identifier Value \(mobile\) is empty/,
			],
			[
				'an identifier expression that throws',
				{ identifierValue: '={{ $("No such node").item.json.mobile }}' },
				/^Item 0: Identifier Value could not be evaluated: /,
			],
			[
				// n8n itself turns a plain JS error in an expression into undefined: the item is "empty".
				'an identifier expression that throws a plain error',
				{ identifierValue: '={{ (() => { throw new Error("boom") })() }}' },
				/^Item 0: Identifier Value \(mobile\) is empty/,
			],
			[
				'an identifier of 10,000 digits',
				{ identifierValue: `={{ '9'.repeat(10000) }}` },
				/^Item 0: Identifier Value \(mobile\) is longer than 254/,
			],
			[
				'a control character',
				{ identifierValue: '={{ "91900000\\n0300" }}' },
				/^Item 0: Identifier Value \(mobile\) contains control characters/,
			],
			['Program ID as an object', { programId: '={{ { id: 469 } }}' }, /^Item 0: Program ID /],
			[
				'Program ID -1',
				{ programId: { __rl: true, mode: 'id', value: '-1' } },
				/^Item 0: Program ID "-1"/,
			],
			[
				'Program ID 4.5',
				{ programId: { __rl: true, mode: 'id', value: '4.5' } },
				/^Item 0: Program ID "4.5"/,
			],
			[
				'Program ID 0',
				{ programId: { __rl: true, mode: 'id', value: '0' } },
				/^Item 0: Program ID "0"/,
			],
			[
				'Promotion ID as a list',
				{ promotion: { __rl: true, mode: 'id', value: '={{ [57099] }}' } },
				/^Item 0: Promotion ID /,
			],
			[
				'a promotion identifier of 300 characters',
				{ promotion: { __rl: true, mode: 'promoIdentifier', value: 'x'.repeat(300) } },
				/^Item 0: Promotion Identifier /,
			],
			[
				'Identifier Type "MOBILE"',
				{ identifierName: '={{ "MOBILE" }}' },
				/^Item 0: Identifier Type "MOBILE"/,
			],
			[
				'Identifier Type as a number',
				{ identifierName: '={{ 1 }}' },
				/^Item 0: Identifier Type "1"/,
			],
			['Source null', { source: '={{ null }}' }, /^Item 0: Source "" is not one of/],
			['Source "instore"', { source: 'instore' }, /^Item 0: Source "instore"/],
		])('%s', async (_, extra, message) => {
			const run = await lookUp([mobile(320)], extra as INodeParameters);
			expectOnePerItem(run, 1);
			expect(errorOf(run.failed[0])).toMatchObject({
				kind: 'invalid_input',
				outcome: 'not_applied',
			});
			expect(errorOf(run.failed[0]).message).toMatch(message);
			expect(lookups()).toHaveLength(0);
		});

		test('held: a mobile given as a number is looked up', async () => {
			const run = await lookUp([{ mobile: Number(DEMO.customer(321).mobile) }]);
			expect(run.success[0].json.customerId).toBe(DEMO.customer(321).id);
		});

		test('held: an id of 19 digits is sent, answered 8015, rejected', async () => {
			const run = await runCapillary(credentials(), {
				items: [{ id: '9'.repeat(19) }],
				parameters: lookupParameters('id'),
			});
			expect(errorOf(run.failed[0])).toMatchObject({ kind: 'rejected', code: 8015 });
		});
	});

	describe('faults on the lookup path', () => {
		test('held: an expired token (401): a new one is fetched, the lookup resent once, Success', async () => {
			await lookUp([mobile(330)]);
			sandbox.injectFault({ type: 'expireToken', path: LOOKUP });
			const run = await lookUp([mobile(331)]);
			expect(run.success).toHaveLength(1);
			expect(lookups().map((r) => r.status)).toEqual([200, 401, 200]);
		});

		test('held: 429 with Retry-After 1: waited about a second, then Success', async () => {
			sandbox.injectFault({ type: 'status', status: 429, retryAfter: '1', path: LOOKUP });
			const started = Date.now();
			const run = await lookUp([mobile(332)], { options: { maxRetryWait: 5000 } });
			const first = lookups()[0].at;
			expect(run.success).toHaveLength(1);
			expect(lookups()[1].at - first).toBeGreaterThanOrEqual(950);
			expect(Date.now() - started).toBeLessThan(4000);
		});

		test('held: a drip that outlasts the Timeout is ended, retried, then Failed not_applied', async () => {
			sandbox.injectFault({ type: 'drip', intervalMs: 200, forever: true, path: LOOKUP, times: 2 });
			const run = await lookUp([mobile(333)], {
				options: { timeout: 1000, maxRetries: 1, maxRetryWait: 0 },
			});
			expect(errorOf(run.failed[0])).toMatchObject({ outcome: 'not_applied' });
			expect(lookups()).toHaveLength(2);
		});

		test.each([
			['oAuth', 400, 'json'],
			['oAuth', 500, 'html'],
			['oAuth', 200, 'json'],
			['oAuth', 401, 'json'],
			['oAuth', 401, 'html'],
			['basicAuth', 400, 'json'],
			['basicAuth', 503, 'html'],
			['basicAuth', 200, 'html'],
		] as const)(
			'held: %s, an echo of the request (HTTP %d, %s): no secret in any output or error',
			async (authentication, status, format) => {
				const creds = credentials();
				// A token first (OAuth), so that it is the one echoed.
				await runCapillary(creds, {
					items: [mobile(340)],
					parameters: lookupParameters(),
					authentication,
				});
				sandbox.injectFault({ type: 'echoRequest', status, format, path: LOOKUP, times: 6 });
				const run = await runCapillary(creds, {
					items: [mobile(341), mobile(342)],
					parameters: lookupParameters('mobile', { options: { maxRetries: 0 } }),
					authentication,
					onError: 'continueRegularOutput',
				});
				expectOnePerItem(run, 2);
				const stopped = await runCapillary(creds, {
					items: [mobile(343)],
					parameters: lookupParameters('mobile', { options: { maxRetries: 0 } }),
					authentication,
				});
				const text = JSON.stringify([
					run,
					stopped,
					String(stopped.error?.message),
					String((stopped.error as { description?: string } | undefined)?.description),
				]);
				const token = String(creds.store.get('capillaryOAuthApi')!.accessToken);
				const secrets = [
					DEMO.oauth.clientSecret,
					token,
					Buffer.from(token).toString('base64').slice(0, 40),
					encodeURIComponent(token),
					DEMO.basic.password,
					DEMO.basic.passwordMd5,
					DEMO.basic.header,
					DEMO.basic.header.replace(/^Basic /, ''),
				];
				for (const secret of secrets.filter((s) => s.length >= 6))
					expect(text).not.toContain(secret);
			},
		);

		test('held: a lookup changes nothing: no ledger entry after every kind of fault', async () => {
			for (const fault of [
				{ type: 'malformed' as const },
				{ type: 'short' as const, drop: 1 },
				{ type: 'nulls' as const },
				{ type: 'status' as const, status: 502, afterApplying: true },
				{ type: 'reset' as const, afterApplying: true },
				{ type: 'strip' as const, fields: ['promotions'] },
			])
				sandbox.injectFault({ ...fault, path: LOOKUP });
			const run = await lookUp([350, 351, 352, 353, 354, 355, 356].map(mobile), {
				options: { maxRetries: 0, maxRetryWait: 0 },
			});
			expectOnePerItem(run, 7);
			expect(sandbox.ledger).toEqual([]);
			expect(
				sandbox.requests.filter((r) => r.method !== 'GET' && r.path !== '/v3/oauth/token/generate'),
			).toEqual([]);
		});
	});

	describe('options and error modes', () => {
		test.each([
			['Parallel Requests 11', { parallelRequests: 11 }],
			['Max Retries -1', { maxRetries: -1 }],
			['Timeout 10', { timeout: 10 }],
			['Max Requests Per Minute 0.5', { maxRequestsPerMinute: 0.5 }],
		])(
			'held: %s: nothing sent; in a Continue mode every item Failed not_applied',
			async (_, options) => {
				const run = await runCapillary(credentials(), {
					items: [mobile(370), { mobile: 'bad' }],
					parameters: lookupParameters('mobile', { options }),
					onError: 'continueRegularOutput',
				});
				expectOnePerItem(run, 2);
				expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
				expect(lookups()).toHaveLength(0);
			},
		);

		test('held: Continue (using error output): one item per input across the outputs, after a 401', async () => {
			const run = await runCapillary(
				sandboxCredentials(sandbox, { basicAuth: { password: 'wrong-password' } }),
				{
					items: [mobile(371), { mobile: 'bad' }, mobile(372)],
					parameters: lookupParameters(),
					authentication: 'basicAuth',
					onError: 'continueErrorOutput',
				},
			);
			const all = [...run.success, ...run.failed, ...run.errorOutput];
			expect(all.map((i) => (i.pairedItem as { item: number }).item).sort()).toEqual([0, 1, 2]);
			expect(lookups()).toHaveLength(1);
		});

		test('held: every token expired, Parallel Requests 10: every lookup Success after one refresh each at most', async () => {
			await lookUp([mobile(373)]);
			sandbox.expireAllTokens();
			const before = sandbox.requests.length;
			const run = await lookUp(
				Array.from({ length: 30 }, (_, k) => mobile(380 + k)),
				{ options: { parallelRequests: 10 } },
			);
			expect(run.success).toHaveLength(30);
			const tokenFetches = sandbox.requests
				.slice(before)
				.filter((r) => r.path === '/v3/oauth/token/generate');
			expect(tokenFetches.length).toBeGreaterThanOrEqual(1);
			expect(tokenFetches.length).toBeLessThanOrEqual(10);
		});
	});

	test('held: 1,000 items, Parallel Requests 10: one output each, paired, with its own customer', async () => {
		const items: object[] = Array.from({ length: 1000 }, (_, k) => mobile(1000 + k));
		items[17] = { mobile: 'not a number' };
		items[500] = { mobile: DEMO.unknownCustomer.mobile };
		items[999] = { mobile: '' };
		const run = await lookUp(items, {
			programId: { __rl: true, mode: 'id', value: String(DEMO.programs.goldClub) },
			options: { parallelRequests: 10 },
		});
		expectOnePerItem(run, 1000);
		expect(run.failed.map((i) => i.pairedItem)).toEqual([
			{ item: 17 },
			{ item: 500 },
			{ item: 999 },
		]);
		for (const item of run.success) {
			const index = (item.pairedItem as { item: number }).item;
			expect(item.json.customerId).toBe(DEMO.customer(1000 + index).id);
			expect(item.json.promotionCount).toBe(2);
		}
		expect(lookups()).toHaveLength(998);
	}, 60_000);

	test('held: cancelled during a long Retry-After wait: ends promptly, every item Failed not_applied', async () => {
		sandbox.injectFault({ type: 'status', status: 429, retryAfter: '60', path: LOOKUP });
		const cancel = new AbortController();
		const poll = setInterval(() => lookups().length === 1 && cancel.abort(), 5);
		const started = Date.now();
		const [success, failed] = await executeCapillary(
			credentials(),
			{
				items: [mobile(360), mobile(361)],
				parameters: lookupParameters('mobile', { options: { maxRetryWait: 60_000 } }),
			},
			cancel.signal,
		).finally(() => clearInterval(poll));
		expect(Date.now() - started).toBeLessThan(3000);
		expect(success).toEqual([]);
		expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
		expect(lookups()).toHaveLength(1);
	});
});

describe('promotionDataShowsRevoked: the lookup lists revoked records like active ones', () => {
	const sandbox = useSandbox({ promotionDataShowsRevoked: true });
	const credentials = () => sandboxCredentials(sandbox);

	async function apply(operation: Operation, promotion: Promotion, k: number, extra = {}) {
		return await runCapillary(credentials(), {
			items: [mobile(k)],
			parameters: parametersFor(operation, promotion, extra),
		});
	}

	test('what the output claims after a full, successful revoke: enrolled, with the revoked ids', async () => {
		const k = 400;
		await apply('enrolAndEarn', welcome, k);
		const [enrol, earn] = sandbox.ledger;
		expect((await apply('revokeEarn', welcome, k, { earnedIds: '' })).success).toHaveLength(1);
		expect((await apply('revokeEnrol', welcome, k)).success).toHaveLength(1);
		const run = await runCapillary(credentials(), {
			items: [mobile(k)],
			parameters: lookupParameters('mobile', {
				promotion: { __rl: true, mode: 'id', value: String(welcome.promotionId) },
			}),
		});
		// The README warns that the docs do not say whether revoked records are listed; the output
		// still states it as fact: enrolled, this enrolment, these issues.
		expect(promotionsOf(run.success[0])[0]).toMatchObject({
			enrolled: true,
			enrolment: { issualId: enrol.issualId },
			issues: [expect.objectContaining({ earnedId: earn.earnedId })],
		});
	});

	// Found in review, fixed.
	test('8903 advice does not claim that Get Customer Promotions lists only active issues', async () => {
		const k = 401;
		await apply('earn', birthday, k);
		await apply('revokeEarn', birthday, k, { earnedIds: '' });
		const run = await runWorkflow(
			lookupThen(
				[mobile(k)],
				birthday,
				parametersFor('revokeEarn', birthday, {
					identifierValue: '={{ $json.identifierValueSent }}',
					earnedIds: '={{ $json.promotions[0].issues.map(i => i.earnedId) }}',
				}),
			),
			credentials(),
		);
		const [, failed] = run.outputs('Next');
		expect(errorOf(failed[0]).code).toBe(8903);
		expect(errorOf(failed[0]).message).not.toMatch(/Get Customer Promotions lists the active ones/);
	});
});
