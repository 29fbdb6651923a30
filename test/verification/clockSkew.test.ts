/**
 * Verify Unknown Outcomes when Capillary's clock differs from n8n's (the sandbox's
 * clockOffsetSeconds: its Date header and the dates it gives enrolments and issues). The lookup's
 * Date header relates the two clocks, so neither an hour nor five minutes either way changes a
 * decision; n8n's own clock alone would get each of these wrong.
 */
import { useSandbox } from '../support/useSandbox';
import {
	APPLIED,
	claimsOf,
	customers,
	errorOf,
	ledgerOf,
	mobilesOf,
	NOT_APPLIED,
	parametersFor,
	run,
	type Operation,
} from './verification';

const sandbox = useSandbox();

describe.each([
	['one hour ahead of', 3600],
	['one hour behind', -3600],
	['five minutes ahead of', 300],
	['five minutes behind', -300],
])('Capillary’s clock %s n8n’s', (_, seconds) => {
	test.each<Operation>(['earn', 'enrol'])(
		'%s applied, its answer lost (a 502 after applying): Success, verified, with the ledger’s id',
		async (operation) => {
			sandbox.setClockOffset(seconds);
			sandbox.injectFault(APPLIED);
			const result = await run(sandbox, mobilesOf(customers(310, 2)), parametersFor(operation));
			expect(claimsOf(sandbox, result, operation)).toEqual(['applied', 'applied']);
			expect(result.success.map((i) => i.json.verified)).toEqual([true, true]);
		},
	);

	test('Enrol not applied: not_applied, verified', async () => {
		sandbox.setClockOffset(seconds);
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf(customers(320, 2)), parametersFor('enrol'));
		expect(claimsOf(sandbox, result, 'enrol')).toEqual(['not_applied', 'not_applied']);
	});

	test('Issue not applied, the customer issued 3 minutes before (on Capillary’s clock): not_applied, the earlier issue not taken for this one', async () => {
		const [customer] = customers(330, 1);
		sandbox.setClockOffset(seconds - 180);
		const earlier = await run(sandbox, mobilesOf([customer]), parametersFor('earn'), 'basicAuth');
		expect(earlier.success).toHaveLength(1);
		sandbox.setClockOffset(seconds);

		sandbox.injectFault(NOT_APPLIED);
		const result = await run(sandbox, mobilesOf([customer]), parametersFor('earn'), 'basicAuth');
		expect(result.failed.map((i) => [errorOf(i).outcome, i.json.verified])).toEqual([
			['not_applied', true],
		]);
		expect(ledgerOf(sandbox, 'EARN', customer.id).map((e) => e.earnedId)).toEqual([
			earlier.success[0].json.earnedId,
		]);
	});
});

describe('n8n’s own clock set while the run waits to look up', () => {
	test.each([
		['back 5 minutes', -300],
		['forward 5 minutes', 300],
	])('%s: the issue applied is still found, never not_applied (nor resent)', async (_, seconds) => {
		const realNow = Date.now;
		let step = 0;
		// The test and the sandbox share the process: the sandbox's clock is kept where it was.
		Date.now = () => realNow() + step;
		const watch = setInterval(() => {
			if (step === 0 && sandbox.requests.some((r) => r.bulkAction && r.status === 502)) {
				step = seconds * 1000;
				sandbox.setClockOffset(-seconds);
			}
		}, 1);
		try {
			sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
			const result = await run(
				sandbox,
				mobilesOf(customers(340, 2)),
				parametersFor('earn', { resendVerifiedNotApplied: true }),
				'basicAuth',
			);
			expect(step).not.toBe(0);
			expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied', 'applied']);
			expect(ledgerOf(sandbox, 'EARN')).toHaveLength(2);
		} finally {
			clearInterval(watch);
			Date.now = realNow;
		}
	});
});
