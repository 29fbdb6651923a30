/**
 * The nothing-lost property: random runs of the node (Enrol, Issue, Enrol and Issue, Revoke Issue,
 * Revoke Enrolment; with Verify Unknown Outcomes and Resend Verified Not Applied on or off) in n8n's
 * real engine, against the sandbox with faults injected on the bulk endpoints and on the customer
 * lookup, each checked against the sandbox's ledger (checkGuarantees.ts). Scenarios: scenario.ts;
 * one run: runScenario.ts.
 *
 * PROPERTY_RUNS (200) and PROPERTY_SEED (fixed; `random` for a fresh one) set the sample;
 * PROPERTY_PATH (with the seed) replays the counterexample a failure printed;
 * PROPERTY_SHRINK=1 shrinks a failure (slow: runs that wait for timeouts repeat);
 * PROPERTY_STATS=1 prints
 * how many items ended in each outcome.
 */
import fc from 'fast-check';

import { useSandbox } from '../support/useSandbox';
import { runScenario, STATS } from './runScenario';
import { scenario, VARIANTS, type SandboxVariant } from './scenario';

/** CI runs a fixed, reproducible sample; `npm run test:soak` sets PROPERTY_RUNS and a fresh seed. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const SEED =
	process.env.PROPERTY_SEED === 'random'
		? Date.now() % 2 ** 31
		: Number(process.env.PROPERTY_SEED ?? 20261126);

afterAll(() => {
	// Jest prints a passing test's name (with its seed) only with --verbose or a single test file.
	if (process.env.PROPERTY_SEED === 'random') console.log(`nothing-lost property: seed ${SEED}`);
	if (process.env.PROPERTY_STATS)
		console.log(
			[...STATS]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([k, n]) => `${k}: ${n}`)
				.join('\n'),
		);
});

/** One sandbox per construction variant; each scenario picks one (reset before it runs). */
const sandboxes = Object.fromEntries(
	Object.entries(VARIANTS).map(([variant, options]) => [
		variant,
		useSandbox(options, { resetAfterEach: false }),
	]),
) as Record<SandboxVariant, ReturnType<typeof useSandbox>>;

test(
	`every item accounted for, nothing applied unreported, under faults (${RUNS} scenarios, seed ${SEED})`,
	async () => {
		await fc.assert(
			fc.asyncProperty(scenario, async (s) => {
				const problems = await runScenario(sandboxes[s.variant], s);
				// Lines in brackets are context for the others, not problems of their own.
				const broken = problems.filter((p) => !p.startsWith('('));
				if (broken.length > 0) {
					const context = problems.filter((p) => !broken.includes(p));
					throw new Error([...broken.slice(0, 10), ...context.slice(0, 5)].join('\n'));
				}
			}),
			{
				numRuns: RUNS,
				seed: SEED,
				endOnFailure: !process.env.PROPERTY_SHRINK,
				// The `path` a failure prints, with its seed: runs that counterexample alone.
				...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH, numRuns: 1 } : {}),
			},
		);
	},
	30 * 60_000,
);
