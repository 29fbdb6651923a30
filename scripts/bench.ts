/**
 * `npm run bench`: the Capillary node inside n8n's real engine, in-process, against the sandbox in
 * a process of its own with a latency per request (fixed, or jittered on the bulk requests with the
 * same seeded sequence for every case). Each case runs in a fresh child process.
 * Prints one row per case and the targets (PASS/FAIL), and writes the rows to bench-results/.
 * A failed target is a measurement, not an error: the exit code is 0 unless the benchmark broke.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { caseLabel, isBatchCase, planCases } from './bench/cases';
import { buildRows, type MeasuredCase } from './bench/figures';
import { formatLatency } from './bench/latency';
import { describeMachine, formatMachine } from './bench/machine';
import { locateNodesBase, NODES_BASE_DIR_ENV } from './bench/nodesBase';
import { parseOptions } from './bench/options';
import { runFastestOf } from './bench/runCase';
import { SandboxControl } from './bench/sandboxControl';
import { formatTable, formatTargets } from './bench/table';
import { checkTargets } from './bench/targets';
import type { BenchCase } from './bench/types';
import { writeResults } from './bench/writeResults';

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const nodesBase = options.oneItemExecutions > 0 ? locateNodesBase() : undefined;
	const httpRequestUnavailable =
		nodesBase && 'unavailable' in nodesBase
			? `n8n's HTTP Request node is unavailable: ${nodesBase.unavailable}`
			: undefined;
	if (httpRequestUnavailable)
		console.log(`${httpRequestUnavailable}; its one-item case is skipped.`);
	// The case processes load n8n's HTTP Request node from there.
	if (nodesBase && 'dir' in nodesBase) process.env[NODES_BASE_DIR_ENV] = nodesBase.dir;
	const cases = planCases(options, { withHttpRequest: !httpRequestUnavailable });
	const machine = describeMachine();
	const startedAt = new Date().toISOString();
	console.log(`Capillary node benchmark: ${formatMachine(machine)}`);
	console.log(
		`Load average at start: ${machine.loadAverage.join(', ')} (other processes on the machine move wall times)`,
	);
	const runs = options.repeat > 1 ? `, each ${options.repeat} times (the fastest kept)` : '';
	const jittered = formatLatency({ ms: options.jitteredLatencyMs, jitter: options.jitter });
	console.log(
		`Latency L = ${options.latencyMs} ms per request (jittered cases: ${jittered} ms on the bulk requests, seeded); ${cases.length} cases, each in a fresh process${runs}.`,
	);
	if (options.profileDir) {
		fs.mkdirSync(options.profileDir, { recursive: true });
		console.log(`Profiling into ${options.profileDir}: CPU figures include the profiler's cost.`);
	}
	// One n8n user folder for every child, removed at the end (the test bed would make one per process).
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-capillary-bench-'));
	process.env.N8N_USER_FOLDER = userFolder;

	const sandbox = await SandboxControl.start();
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

	const rows = buildRows(measured);
	const targets = checkTargets(rows, {
		concurrencies: options.concurrencies,
		httpRequestUnavailable,
	});
	console.log(`\n${formatTable(rows)}\n`);
	console.log(
		'floor = ceil(N / batch size) / C × L; jittered L: the drawn latencies, in arrival order, list-scheduled on C workers.',
	);
	console.log(
		'CPU = process CPU time of the run; peak RSS = the whole case process. One-item rows: N = executions, one customer each.',
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
	console.log(
		'timers cost here). bunched arrivals = the share of bulk requests that arrived within 1 ms of the previous one.',
	);
	console.log(
		"One item: each execution's wall time minus L, for the Capillary node and n8n's HTTP Request node sending the same request.\n",
	);
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
	const parallel = isBatchCase(benchCase) ? `, C = ${benchCase.parallelRequests}` : '';
	const latency = `, L = ${formatLatency(benchCase.latency)} ms`;
	return `${caseLabel(benchCase)}, N = ${benchCase.customers.toLocaleString('en')}${parallel}${latency}`;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
