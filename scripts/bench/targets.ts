import { isBatchCase } from './cases';
import type { BatchCase, BenchRow, TargetCheck } from './types';

/** The issue's targets, each a ratio (or a comparison in the same run) so that a noisy machine does not move them. */
export const TARGETS = {
	/** Against n8n's own path: node wall ÷ the n8n requests-only wall, at the fixed and at the jittered latency. */
	wallOverRequestsAt: 10_000,
	maxWallOverRequests: 1.05,
	/** At the jittered latency: wall ÷ the makespan of the drawn latencies on C workers. */
	jitteredWallOverFloorAt: 10_000,
	maxJitteredWallOverFloor: 1.1,
	cpuAboveEngineAt: 100_000,
	maxCpuUsAboveEngine: 15,
	rssOverEngineAt: 100_000,
	maxRssOverEngine: 1.5,
	/** Linear growth: a per-customer cost may grow at most this much from one N to the next. */
	maxPerCustomerGrowth: 1.5,
} as const;

/**
 * RSS grows in steps as V8 adds heap pages, so a growth smaller than this (a 1k or 10k run after
 * the warm-up) is noise: it counts as this much, so that it cannot fake a superlinear step.
 */
const RSS_GROWTH_NOISE_BYTES = 16 * 1024 * 1024;

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const check = (name: string, pass: boolean, detail: string): TargetCheck => ({
	name,
	status: pass ? 'PASS' : 'FAIL',
	detail,
});
const skipped = (name: string, detail: string): TargetCheck => ({
	name,
	status: 'SKIPPED',
	detail,
});

export interface TargetContext {
	concurrencies: readonly number[];
	/** Why the one-item HTTP Request case did not run (n8n-nodes-base not found nor installable). */
	httpRequestUnavailable?: string;
}

export function checkTargets(
	rows: readonly BenchRow[],
	{ concurrencies, httpRequestUnavailable }: TargetContext,
): TargetCheck[] {
	const batchRows = (kind: BatchCase['kind'], c: number, jittered: boolean) =>
		rows.filter(
			(r): r is BenchRow & { case: BatchCase } =>
				r.case.kind === kind &&
				isBatchCase(r.case) &&
				r.case.parallelRequests === c &&
				r.case.latency.jitter > 0 === jittered,
		);
	const nodeRows = (c: number) => batchRows('node', c, false);
	const nodeAt = (n: number, c: number) => nodeRows(c).find((r) => r.case.customers === n);
	const jitteredNodeAt = (n: number, c: number) =>
		batchRows('node', c, true).find((r) => r.case.customers === n);
	const checks: TargetCheck[] = [requestsCheck(rows), outputsCheck(rows)];
	const at = (n: number) => n.toLocaleString('en');
	const overRequests = (row: BenchRow | undefined, name: string) => {
		const ratio = row?.figures.wallOverRequests;
		return ratio === undefined
			? skipped(name, 'not measured')
			: check(name, ratio <= TARGETS.maxWallOverRequests, fmt(ratio));
	};

	for (const c of concurrencies)
		checks.push(
			overRequests(
				nodeAt(TARGETS.wallOverRequestsAt, c),
				`node wall ≤ ${TARGETS.maxWallOverRequests} × n8n requests only at N = ${at(TARGETS.wallOverRequestsAt)}, fixed L, C = ${c}`,
			),
		);
	for (const c of concurrencies) {
		const name = `jittered L: wall ÷ floor ≤ ${TARGETS.maxJitteredWallOverFloor} at N = ${at(TARGETS.jitteredWallOverFloorAt)}, C = ${c}`;
		const ratio = jitteredNodeAt(TARGETS.jitteredWallOverFloorAt, c)?.figures.wallOverFloor;
		checks.push(
			ratio === undefined
				? skipped(name, 'not measured')
				: check(name, ratio <= TARGETS.maxJitteredWallOverFloor, fmt(ratio)),
		);
	}
	for (const c of concurrencies)
		checks.push(
			overRequests(
				jitteredNodeAt(TARGETS.wallOverRequestsAt, c),
				`jittered L: node wall ≤ ${TARGETS.maxWallOverRequests} × n8n requests only at N = ${at(TARGETS.wallOverRequestsAt)}, C = ${c}`,
			),
		);
	checks.push(oneItemCheck(rows, httpRequestUnavailable));
	for (const c of concurrencies) {
		const name = `node CPU ≤ ${TARGETS.maxCpuUsAboveEngine} µs/customer above the engine baseline at N = ${at(TARGETS.cpuAboveEngineAt)}, C = ${c}`;
		const above = nodeAt(TARGETS.cpuAboveEngineAt, c)?.figures.cpuUsAboveEngine;
		checks.push(
			above === undefined
				? skipped(name, 'not measured')
				: check(name, above <= TARGETS.maxCpuUsAboveEngine, `${fmt(above, 1)} µs`),
		);
	}
	for (const c of concurrencies) {
		const name = `peak RSS ≤ ${TARGETS.maxRssOverEngine} × the engine baseline's at N = ${at(TARGETS.rssOverEngineAt)}, C = ${c}`;
		const ratio = nodeAt(TARGETS.rssOverEngineAt, c)?.figures.rssOverEngine;
		checks.push(
			ratio === undefined
				? skipped(name, 'not measured')
				: check(name, ratio <= TARGETS.maxRssOverEngine, `× ${fmt(ratio)}`),
		);
	}
	const series: Array<[string, BenchRow[]]> = [
		['engine baseline', rows.filter((r) => r.case.kind === 'engine')],
		...concurrencies.map((c): [string, BenchRow[]] => [`node C = ${c}`, nodeRows(c)]),
	];
	for (const [label, seriesRows] of series) checks.push(linearityCheck(label, seriesRows));
	return checks;
}

/** The one-item webhook: the node's median (wall − L) at most the HTTP Request node's, in the same run. */
function oneItemCheck(rows: readonly BenchRow[], httpRequestUnavailable?: string): TargetCheck {
	const name = "one item: node median (wall − L) ≤ the HTTP Request node's";
	const median = (via: string) =>
		rows.find((r) => r.case.kind === 'oneItem' && r.case.via === via)?.figures.oneItemMedianMs;
	const [node, httpRequest] = [median('node'), median('httpRequest')];
	if (httpRequestUnavailable) return skipped(name, httpRequestUnavailable);
	if (node === undefined || httpRequest === undefined) return skipped(name, 'not measured');
	return check(
		name,
		node <= httpRequest,
		`node ${fmt(node, 1)} ms, HTTP Request ${fmt(httpRequest, 1)} ms`,
	);
}

function requestsCheck(rows: readonly BenchRow[]): TargetCheck {
	const sending = rows.filter(
		(r) =>
			r.case.kind === 'node' ||
			r.case.kind === 'perItem' ||
			r.case.kind === 'requests' ||
			r.case.kind === 'oneItem',
	);
	const wrong = sending.filter((r) => r.sandbox?.bulkRequests !== r.figures.expectedRequests);
	const detail =
		wrong.length === 0
			? `${sending.length} cases`
			: wrong
					.map(
						(r) =>
							`${r.case.kind} N=${r.case.customers}: ${r.sandbox?.bulkRequests} sent, ${r.figures.expectedRequests} batches`,
					)
					.join('; ');
	return check('requests sent = number of batches, exactly', wrong.length === 0, detail);
}

/** Not a target of the issue, but a benchmark of a run that lost customers would measure nothing. */
function outputsCheck(rows: readonly BenchRow[]): TargetCheck {
	const wrong = rows.filter((r) => !r.figures.allItemsOk);
	const detail =
		wrong.length === 0
			? 'every customer on Success, once'
			: wrong
					.map(
						(r) =>
							`${r.case.kind} N=${r.case.customers}: outputs ${r.measurement.outputCounts.join('/')}${r.measurement.error ? ` (${r.measurement.error})` : ''}`,
					)
					.join('; ');
	return check('(sanity) one output item per input item', wrong.length === 0, detail);
}

/**
 * Linear in N: from each measured N to the next, CPU per customer, wall per customer and RSS growth
 * per customer grow at most maxPerCustomerGrowth (a quadratic step multiplies them by the N ratio,
 * here 10).
 */
function linearityCheck(label: string, seriesRows: BenchRow[]): TargetCheck {
	const name = `time and memory linear in N (${label})`;
	const sorted = [...seriesRows].sort((a, b) => a.case.customers - b.case.customers);
	if (sorted.length < 2) return skipped(name, 'needs two sizes');
	const steps: string[] = [];
	let pass = true;
	for (let i = 1; i < sorted.length; i++) {
		const [a, b] = [sorted[i - 1], sorted[i]];
		const ratios = {
			cpu: b.figures.cpuUsPerCustomer / a.figures.cpuUsPerCustomer,
			wall: b.measurement.wallMs / b.case.customers / (a.measurement.wallMs / a.case.customers),
			rss:
				b.figures.rssGrowthBytesPerCustomer /
				Math.max(a.figures.rssGrowthBytesPerCustomer, RSS_GROWTH_NOISE_BYTES / a.case.customers),
		};
		pass &&= Object.values(ratios).every((ratio) => ratio <= TARGETS.maxPerCustomerGrowth);
		const step = `${a.case.customers / 1000}k→${b.case.customers / 1000}k`;
		steps.push(
			`${step}: per customer CPU × ${fmt(ratios.cpu)}, wall × ${fmt(ratios.wall)}, RSS growth × ${fmt(ratios.rss)}`,
		);
	}
	return check(name, pass, steps.join('; '));
}
