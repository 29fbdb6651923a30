/**
 * `npm run bench`: the Capillary node inside n8n's real engine, in-process, against the sandbox in
 * a process of its own with a fixed latency per request. Each case runs in a fresh child process.
 * Prints one row per case and the targets (PASS/FAIL), and writes the rows to bench-results/.
 * A failed target is a measurement, not an error: the exit code is 0 unless the benchmark broke.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { caseLabel, planCases } from './bench/cases';
import { buildRows, type MeasuredCase } from './bench/figures';
import { describeMachine, formatMachine } from './bench/machine';
import { parseOptions } from './bench/options';
import { runFastestOf } from './bench/runCase';
import { SandboxControl } from './bench/sandboxControl';
import { formatTable, formatTargets } from './bench/table';
import { checkTargets } from './bench/targets';
import type { BenchCase } from './bench/types';
import { writeResults } from './bench/writeResults';

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const cases = planCases(options);
	const machine = describeMachine();
	const startedAt = new Date().toISOString();
	console.log(`Capillary node benchmark: ${formatMachine(machine)}`);
	console.log(
		`Load average at start: ${machine.loadAverage.join(', ')} (other processes on the machine move wall times)`,
	);
	const runs = options.repeat > 1 ? `, each ${options.repeat} times (the fastest kept)` : '';
	console.log(
		`Latency L = ${options.latencyMs} ms per request; ${cases.length} cases, each in a fresh process${runs}.`,
	);
	if (options.profileDir) {
		fs.mkdirSync(options.profileDir, { recursive: true });
		console.log(`Profiling into ${options.profileDir}: CPU figures include the profiler's cost.`);
	}
	// One n8n user folder for every child, removed at the end (the test bed would make one per process).
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-capillary-bench-'));
	process.env.N8N_USER_FOLDER = userFolder;

	const sandbox = await SandboxControl.start(options.latencyMs);
	const measured: MeasuredCase[] = [];
	try {
		for (const benchCase of cases) {
			process.stdout.write(`  ${describeCase(benchCase)} … `);
			try {
				const { fastest, wallTimesMs } = await runFastestOf(options.repeat, benchCase, {
					sandbox,
					timeoutMs: options.caseTimeoutMs,
					nodeFlags: options.childNodeFlags,
					profileDir: options.profileDir,
				});
				measured.push({ case: benchCase, ...fastest });
				console.log(
					wallTimesMs.map((ms) => `${Math.round(ms).toLocaleString('en')} ms`).join(', '),
				);
			} catch (error) {
				console.log(`FAILED to measure: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
	} finally {
		await sandbox.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}

	const rows = buildRows(measured, options.latencyMs);
	const targets = checkTargets(rows, options.concurrencies);
	console.log(`\n${formatTable(rows)}\n`);
	console.log(
		'floor = ceil(N / batch size) / C × L; CPU = process CPU time of the run; peak RSS = the whole case process.',
	);
	console.log(
		'notes: when the first request reached the sandbox, the mean time per wave of C requests (compare with L),',
	);
	console.log(
		"the time from the last request's arrival to the end of the run, and the wall time ÷ the two references':",
	);
	console.log(
		"n8n requests only (the same batches sent through n8n's request helper by a node that does nothing else: what",
	);
	console.log(
		"n8n's request path costs) and transport (posted by a bare HTTP client, no n8n: what the sandbox, loopback and",
	);
	console.log('timers cost here).\n');
	console.log(`Targets\n${formatTargets(targets)}\n`);
	const file = writeResults({ startedAt, machine, options, rows, targets });
	console.log(
		`Load average at the end: ${os
			.loadavg()
			.map((load) => load.toFixed(2))
			.join(', ')}`,
	);
	console.log(
		`Rows written to ${path.relative(process.cwd(), file)} and bench-results/latest.json`,
	);
}

function describeCase(benchCase: BenchCase): string {
	const parallel = benchCase.kind === 'engine' ? '' : `, C = ${benchCase.parallelRequests}`;
	return `${caseLabel(benchCase)}, N = ${benchCase.customers.toLocaleString('en')}${parallel}`;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
