/**
 * What Verify Unknown Outcomes sends after the lookup: Resend Verified Not Applied (once, only what
 * the lookup showed certainly not applied), and Enrol and Issue's issue step after an enrolment the
 * lookup found. The ledger must show every customer applied exactly once.
 */
import { useSandbox } from '../support/useSandbox';
import {
	APPLIED,
	bulkRequests,
	claimsOf,
	customers,
	errorOf,
	ledgerOf,
	mobilesOf,
	NOT_APPLIED,
	parametersFor,
	run,
} from './verification';

const sandbox = useSandbox();

const RESEND = { resendVerifiedNotApplied: true };
/** Lets the first bulk request through untouched, so that the next fault meets the second. */
const PASS = { type: 'latency', ms: 0 } as const;

describe('Resend Verified Not Applied', () => {
	test('Issue whose first request timed out before applying: every customer issued exactly once, marked resent', async () => {
		const sent = customers(100, 3);
		sandbox.injectFault({ type: 'hang', afterApplying: false });
		const result = await run(sandbox, mobilesOf(sent), parametersFor('earn', RESEND));

		expect(result.failed).toEqual([]);
		const issued = sent.map((c) => ledgerOf(sandbox, 'EARN', c.id));
		expect(issued.map((entries) => entries.length)).toEqual([1, 1, 1]);
		expect(result.success.map((i) => [i.json.earnedId, i.json.resent])).toEqual(
			issued.map(([entry]) => [entry.earnedId, true]),
		);
		expect(bulkRequests(sandbox)).toHaveLength(2);
	});

	test('Issue whose first request timed out after applying: nothing is resent', async () => {
		const sent = customers(110, 2);
		sandbox.injectFault({ type: 'hang', afterApplying: true });
		const result = await run(sandbox, mobilesOf(sent), parametersFor('earn', RESEND));

		expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied', 'applied']);
		expect(result.success.map((i) => [i.json.verified, i.json.resent])).toEqual([
			[true, undefined],
			[true, undefined],
		]);
		expect(bulkRequests(sandbox)).toHaveLength(1);
	});

	test('Enrol reset before applying: enrolled exactly once, marked resent', async () => {
		const sent = customers(120, 2);
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(sent), parametersFor('enrol', RESEND));

		const enrolled = sent.map((c) => ledgerOf(sandbox, 'ENROL', c.id));
		expect(enrolled.map((entries) => entries.length)).toEqual([1, 1]);
		expect(result.success.map((i) => [i.json.issualId, i.json.resent])).toEqual(
			enrolled.map(([entry]) => [entry.issualId, true]),
		);
	});

	test('the resend’s own outcome unknown, and applied: looked up again, Success, verified, resent', async () => {
		const sent = customers(130, 2);
		sandbox.injectFault(NOT_APPLIED);
		sandbox.injectFault(APPLIED);
		const result = await run(sandbox, mobilesOf(sent), parametersFor('earn', RESEND));

		const issued = sent.map((c) => ledgerOf(sandbox, 'EARN', c.id));
		expect(issued.map((entries) => entries.length)).toEqual([1, 1]);
		expect(result.success.map((i) => [i.json.earnedId, i.json.verified, i.json.resent])).toEqual(
			issued.map(([entry]) => [entry.earnedId, true, true]),
		);
	});

	test('the resend not applied either: Failed not_applied, verified, resent, and not sent a third time', async () => {
		sandbox.injectFault(NOT_APPLIED);
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(customers(140, 2)), parametersFor('earn', RESEND));

		expect(sandbox.ledger).toEqual([]);
		expect(bulkRequests(sandbox)).toHaveLength(2);
		expect(result.failed.map((i) => [errorOf(i).outcome, i.json.verified, i.json.resent])).toEqual([
			['not_applied', true, true],
			['not_applied', true, true],
		]);
	});

	test('off (the default): a customer verified not applied is not resent', async () => {
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(customers(150, 2)), parametersFor('earn'));
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['not_applied', 'not_applied']);
		expect(bulkRequests(sandbox)).toHaveLength(1);
	});
});

describe('Enrol and Issue', () => {
	const ledgerPairs = (ids: number[]) =>
		ids.map((id) => [
			ledgerOf(sandbox, 'ENROL', id).map((e) => e.issualId),
			ledgerOf(sandbox, 'EARN', id).map((e) => e.earnedId),
		]);

	test('the enrolment’s outcome unknown, and the lookup finds it: the issue step is sent, each step applied once', async () => {
		const sent = customers(200, 2);
		sandbox.injectFault({ type: 'hang', afterApplying: true });
		const result = await run(sandbox, mobilesOf(sent), parametersFor('enrolAndEarn'));

		expect(result.failed).toEqual([]);
		const pairs = ledgerPairs(sent.map((c) => c.id));
		expect(pairs.map(([e, i]) => [e.length, i.length])).toEqual([
			[1, 1],
			[1, 1],
		]);
		expect(
			result.success.map((i) => [i.json.issualId, i.json.earnedId, i.json.enrolled, i.json.resent]),
		).toEqual(pairs.map(([[issualId], [earnedId]]) => [issualId, earnedId, true, undefined]));
		// The verification of the enrolment stays visible on the item.
		expect(result.success[0].json.verification).toMatch(/^The customer lookup shows enrolment/);
	});

	test('the enrolment not applied, Resend on: enrolled and issued once, marked resent', async () => {
		const sent = customers(210, 2);
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(sent), parametersFor('enrolAndEarn', RESEND));

		const pairs = ledgerPairs(sent.map((c) => c.id));
		expect(pairs.map(([e, i]) => [e.length, i.length])).toEqual([
			[1, 1],
			[1, 1],
		]);
		expect(result.success.map((i) => [i.json.issualId, i.json.earnedId, i.json.resent])).toEqual(
			pairs.map(([[issualId], [earnedId]]) => [issualId, earnedId, true]),
		);
	});

	test('the enrolment not applied, Resend off: enrolled false, verified, nothing issued', async () => {
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(customers(220, 2)), parametersFor('enrolAndEarn'));
		expect(sandbox.ledger).toEqual([]);
		expect(
			result.failed.map((i) => [
				i.json.enrolled,
				errorOf(i).outcome,
				errorOf(i).step,
				i.json.verified,
			]),
		).toEqual([
			[false, 'not_applied', 'enrol', true],
			[false, 'not_applied', 'enrol', true],
		]);
	});

	test('the issue step’s outcome unknown, and applied: Success, verified, enrolled', async () => {
		const sent = customers(230, 2);
		sandbox.injectFault(PASS);
		sandbox.injectFault({ type: 'hang', afterApplying: true });
		const result = await run(sandbox, mobilesOf(sent), parametersFor('enrolAndEarn'));

		const pairs = ledgerPairs(sent.map((c) => c.id));
		expect(
			result.success.map((i) => [
				i.json.issualId,
				i.json.earnedId,
				i.json.verified,
				i.json.enrolled,
			]),
		).toEqual(pairs.map(([[issualId], [earnedId]]) => [issualId, earnedId, true, true]));
	});

	test('the issue step not applied: Failed on step earn, verified; with Resend, issued once (not enrolled again)', async () => {
		const sent = customers(240, 2);
		sandbox.injectFault(PASS);
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(sent), parametersFor('enrolAndEarn', RESEND));

		const pairs = ledgerPairs(sent.map((c) => c.id));
		expect(pairs.map(([e, i]) => [e.length, i.length])).toEqual([
			[1, 1],
			[1, 1],
		]);
		expect(
			result.success.map((i) => [i.json.issualId, i.json.earnedId, i.json.resent, i.json.enrolled]),
		).toEqual(pairs.map(([[issualId], [earnedId]]) => [issualId, earnedId, true, true]));
	});

	test('the issue step not applied, Resend off: enrolled, Failed on step earn, advice to issue only', async () => {
		sandbox.injectFault(PASS);
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(customers(250, 1)), parametersFor('enrolAndEarn'));
		expect(result.failed[0].json).toMatchObject({
			enrolled: true,
			verified: true,
			error: { step: 'earn', outcome: 'not_applied' },
		});
		expect(errorOf(result.failed[0]).message).toMatch(
			/It was not issued\. To issue it, run Issue \(Earn\) only for this customer; do not enrol again.*\.$/,
		);
		expect(ledgerOf(sandbox, 'EARN')).toEqual([]);
	});

	test.each([
		['3 minutes', -180, /holds enrolment \d+, which this request may have replaced/],
		['30 seconds', -30, /enrolment \d+ is dated .*too close to the request/],
	])(
		'a customer enrolled %s before: the unknown enrolment stays unknown, nothing is issued or resent',
		async (_, seconds, reason) => {
			const [holder] = customers(260, 1);
			sandbox.setClockOffset(seconds); // its enrolment is dated that long before
			await run(sandbox, mobilesOf([holder]), parametersFor('enrol'), 'basicAuth');
			sandbox.setClockOffset(0);
			expect(ledgerOf(sandbox, 'ENROL', holder.id)).toHaveLength(1);

			sandbox.injectFault(NOT_APPLIED);
			const result = await run(
				sandbox,
				mobilesOf([holder]),
				parametersFor('enrolAndEarn', RESEND),
				'basicAuth',
			);
			expect(result.failed[0].json).toMatchObject({
				enrolled: null,
				verified: false,
				error: { outcome: 'unknown', step: 'enrol' },
			});
			expect(result.failed[0].json.verification).toMatch(reason);
			expect(ledgerOf(sandbox, 'ENROL', holder.id)).toHaveLength(1);
			expect(ledgerOf(sandbox, 'EARN')).toEqual([]);
		},
	);
});
