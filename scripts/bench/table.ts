import { caseLabel, isBatchCase } from './cases';
import { formatLatency } from './latency';
import type { BenchRow, TargetCheck } from './types';

const HEADER = [
	'case',
	'N',
	'C',
	'L ms',
	'requests (batches)',
	'wall ms',
	'floor ms',
	'wall ÷ floor',
	'CPU µs/cust',
	'above engine',
	'peak RSS MB',
	'÷ engine',
	'notes',
];
/** Columns aligned left; the others are numbers, aligned right. */
const LEFT = new Set([0, 12]);

const integer = (value: number) => Math.round(value).toLocaleString('en');
const decimal = (value: number | undefined, digits: number) =>
	value === undefined ? '–' : value.toFixed(digits);

/** One table row per case, as the issue asks. */
export function formatTable(rows: readonly BenchRow[]): string {
	const cells = rows.map(rowCells);
	const widths = HEADER.map((title, column) =>
		Math.max(title.length, ...cells.map((row) => row[column].length)),
	);
	const line = (row: string[]) =>
		row
			.map((cell, column) =>
				LEFT.has(column) ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
			)
			.join('  ')
			.trimEnd();
	return [
		line(HEADER),
		widths.map((width) => '-'.repeat(width)).join('  '),
		...cells.map(line),
	].join('\n');
}

function rowCells({ case: benchCase, measurement, sandbox, figures }: BenchRow): string[] {
	const requests = sandbox
		? `${integer(sandbox.bulkRequests)} (${integer(figures.expectedRequests ?? 0)})`
		: '–';
	const notes: string[] = [];
	if (figures.leadMs !== undefined) notes.push(`1st request at ${integer(figures.leadMs)} ms`);
	if (figures.msPerWave !== undefined) notes.push(`${figures.msPerWave.toFixed(1)} ms/wave`);
	if (figures.tailMs !== undefined) notes.push(`last +${integer(figures.tailMs)} ms`);
	if (figures.bunchedArrivals !== undefined)
		notes.push(`bunched arrivals ${(figures.bunchedArrivals * 100).toFixed(0)} %`);
	if (figures.oneItemMedianMs !== undefined && figures.oneItemP90Ms !== undefined)
		notes.push(
			`wall − L: median ${figures.oneItemMedianMs.toFixed(1)} ms, p90 ${figures.oneItemP90Ms.toFixed(1)} ms`,
		);
	if (figures.wallOverRequests !== undefined)
		notes.push(`wall ÷ n8n requests ${figures.wallOverRequests.toFixed(2)}`);
	if (figures.wallOverTransport !== undefined)
		notes.push(`wall ÷ transport ${figures.wallOverTransport.toFixed(2)}`);
	if (figures.nodeSpeedUp !== undefined)
		notes.push(`node ${figures.nodeSpeedUp.toFixed(1)}× faster`);
	if (!figures.allItemsOk)
		notes.push(
			`outputs ${measurement.outputCounts.join('/')}${measurement.error ? `: ${measurement.error}` : ''}`,
		);
	return [
		caseLabel(benchCase),
		integer(benchCase.customers),
		isBatchCase(benchCase) ? String(benchCase.parallelRequests) : '–',
		formatLatency(benchCase.latency),
		requests,
		integer(measurement.wallMs),
		figures.floorMs === undefined ? '–' : integer(figures.floorMs),
		decimal(figures.wallOverFloor, 2),
		decimal(figures.cpuUsPerCustomer, 1),
		figures.cpuUsAboveEngine === undefined
			? '–'
			: `${figures.cpuUsAboveEngine >= 0 ? '+' : ''}${figures.cpuUsAboveEngine.toFixed(1)}`,
		decimal(figures.peakRssMb, 0),
		decimal(figures.rssOverEngine, 2),
		notes.join('; '),
	];
}

export function formatTargets(checks: readonly TargetCheck[]): string {
	const failed = checks.filter((c) => c.status === 'FAIL');
	const lines = checks.map((c) => `${c.status.padEnd(7)} ${c.name}: ${c.detail}`);
	const summary =
		failed.length === 0
			? 'All measured targets met.'
			: `${failed.length} target(s) FAILED: ${failed.map((c) => c.name).join(' | ')}`;
	return [...lines, '', summary].join('\n');
}
