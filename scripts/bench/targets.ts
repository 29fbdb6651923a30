import type { BenchRow, TargetCheck } from './types';

/** The issue's targets, each a ratio so that a noisy machine does not move them. */
export const TARGETS = {
	wallOverFloorAt: 10_000,
	maxWallOverFloor: 1.15,
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

export function checkTargets(
	rows: readonly BenchRow[],
	concurrencies: readonly number[],
): TargetCheck[] {
	const nodeRows = (c: number) =>
		rows.filter((r) => r.case.kind === 'node' && r.case.parallelRequests === c);
	const nodeAt = (n: number, c: number) => nodeRows(c).find((r) => r.case.customers === n);
	const checks: TargetCheck[] = [requestsCheck(rows), outputsCheck(rows)];

	for (const c of concurrencies) {
		const name = `wall ÷ floor ≤ ${TARGETS.maxWallOverFloor} at N = ${TARGETS.wallOverFloorAt.toLocaleString('en')}, C = ${c}`;
		const row = nodeAt(TARGETS.wallOverFloorAt, c);
		checks.push(
			row
				? check(
						name,
						row.figures.wallOverFloor! <= TARGETS.maxWallOverFloor,
						`${fmt(row.figures.wallOverFloor!)}`,
					)
				: skipped(name, 'not measured'),
		);
	}
	for (const c of concurrencies) {
		const name = `node CPU ≤ ${TARGETS.maxCpuUsAboveEngine} µs/customer above the engine baseline at N = ${TARGETS.cpuAboveEngineAt.toLocaleString('en')}, C = ${c}`;
		const above = nodeAt(TARGETS.cpuAboveEngineAt, c)?.figures.cpuUsAboveEngine;
		checks.push(
			above === undefined
				? skipped(name, 'not measured')
				: check(name, above <= TARGETS.maxCpuUsAboveEngine, `${fmt(above, 1)} µs`),
		);
	}
	for (const c of concurrencies) {
		const name = `peak RSS ≤ ${TARGETS.maxRssOverEngine} × the engine baseline's at N = ${TARGETS.rssOverEngineAt.toLocaleString('en')}, C = ${c}`;
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

function requestsCheck(rows: readonly BenchRow[]): TargetCheck {
	const sending = rows.filter(
		(r) => r.case.kind === 'node' || r.case.kind === 'perItem' || r.case.kind === 'requests',
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
