/**
 * Second review of issue 11: the Enrol and Issue advice (results/failureAdvice.ts nextStep) when the
 * issue step fails, certainly not applied, after the enrolment was applied. Promise: every Failed
 * item's message ends with a next step, and that step is right: the fix the status or Capillary
 * code calls for, then "run Issue (Earn) only" (the review found the fix dropped, so that following
 * the advice failed the same way again).
 */
import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { errorOf, mobileItems } from '../support/engine/items';

const sandbox = useSandbox();

const enrolAndEarn = (extra = {}) =>
	promotionParameters('enrolAndEarn', DEMO.promotions.welcome, 'mobile', extra);
const message = (run: { failed: Parameters<typeof errorOf>[0][] }, i = 0) =>
	String(errorOf(run.failed[i]).message);

describe('issue step refused for a reason the user must fix first', () => {
	// An API client allowed to enrol but not to issue: Capillary answers the EARN request 403.
	test('403 on the issue step: the advice says to get access (as for 403 elsewhere), not only "run Issue (Earn) only"', async () => {
		sandbox.injectFault({ type: 'latency', ms: 0 }); // the ENROL goes through
		sandbox.injectFault({
			type: 'status',
			status: 403,
			body: { errors: [{ code: 403, message: 'Forbidden' }] },
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(0, 1),
			parameters: enrolAndEarn(),
			onError: 'continueRegularOutput',
		});

		expect(sandbox.ledger.map((e) => e.action)).toEqual(['ENROL']);
		expect(run.failed[0].json).toMatchObject({
			enrolled: true,
			error: { step: 'earn', outcome: 'not_applied', code: 403 },
		});
		expect(message(run)).toMatch(/do not enrol again/);
		expect(message(run)).toMatch(/admin|access/i); // fails: only EARN_NOT_APPLIED is given
	});

	test.each([
		[8892, 'promotion is not active', /live promotion|activate/i],
		[8874, 'promotion not found', /Check the Promotion/],
	])(
		'per-customer %s on the issue step: the advice names the fix for that code',
		async (code, text, fix) => {
			sandbox.injectFault({ type: 'latency', ms: 0 });
			sandbox.injectFault({
				type: 'status',
				status: 201,
				body: { response: [{ errors: [{ status: false, code, message: text }], warnings: [] }] },
			});
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(1, 1),
				parameters: enrolAndEarn(),
			});

			expect(run.failed[0].json).toMatchObject({
				enrolled: true,
				error: { step: 'earn', outcome: 'not_applied', code },
			});
			expect(message(run)).toMatch(/do not enrol again/);
			expect(message(run)).toMatch(fix); // fails: "It was not issued. To issue it, run Issue (Earn) only ..." only
		},
	);
});
