/**
 * The nothing-lost property (test/properties) with Resend Verified Not Applied on: under the same
 * random faults, customers, clock offsets and options, no Success the ledger does not show, nothing
 * applied unreported, and with Deduplicate on no customer applied twice, resends included.
 * PROPERTY_RUNS and PROPERTY_SEED as for the nothing-lost test.
 */
import fc from 'fast-check';

import { DEMO } from '../sandbox';
import { runCapillary, sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { checkGuarantees } from '../properties/checkGuarantees';
import { scenario, scenarioParameters } from '../properties/scenario';
import { useSandbox } from '../support/useSandbox';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const SEED =
	process.env.PROPERTY_SEED === 'random'
		? Date.now() % 2 ** 31
		: Number(process.env.PROPERTY_SEED ?? 20261129);

const sandbox = useSandbox(undefined, { resetAfterEach: false });

test(
	`Resend Verified Not Applied on: nothing lost, nothing applied twice (${RUNS} scenarios, seed ${SEED})`,
	async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async (s) => {
				sandbox.reset();
				const credentials = sandboxCredentials(sandbox);
				// Customers enrolled earlier: two hours before the run, on the sandbox's clock.
				sandbox.setClockOffset(s.clockOffsetSeconds - 7200);
				if (s.preEnrolled.length > 0)
					await runCapillary(credentials, {
						items: [...new Set(s.preEnrolled)].map((k) => ({ mobile: DEMO.customer(k).mobile })),
						parameters: {
							...scenarioParameters({ ...s, operation: 'enrol' }),
							programId: {
								__rl: true,
								mode: 'id',
								value: String(DEMO.promotions.welcome.programId),
							},
							promotion: {
								__rl: true,
								mode: 'id',
								value: String(DEMO.promotions.welcome.promotionId),
							},
							identifierName: 'mobile',
							identifierValue: '={{ $json.mobile }}',
							source: 'INSTORE',
							options: {},
						},
					});
				sandbox.setClockOffset(s.clockOffsetSeconds);
				const ledgerBefore = sandbox.ledger.length;
				for (const fault of s.faults) sandbox.injectFault(fault);
				const parameters = scenarioParameters(s);
				const run = await runCapillary(credentials, {
					items: s.items,
					parameters: {
						...parameters,
						options: { ...(parameters.options as object), resendVerifiedNotApplied: true },
					},
					authentication: s.authentication,
					onError: 'continueRegularOutput',
				});
				const token = String(credentials.store.get('capillaryOAuthApi')?.accessToken ?? '');
				const problems = checkGuarantees(
					s,
					{ success: run.success, failed: run.failed, threw: run.error !== undefined },
					sandbox.ledger.slice(ledgerBefore),
					sandbox.requests,
					[DEMO.oauth.clientSecret, DEMO.basic.passwordMd5, DEMO.basic.password, token],
				);
				if (run.error) problems.push(`the node threw in a continue mode: ${run.error.message}`);
				if (problems.length > 0) throw new Error(problems.slice(0, 10).join('\n'));
			}),
			{ numRuns: RUNS, seed: SEED, endOnFailure: true },
		);
	},
	30 * 60_000,
);
