import type { BenchCase, BenchRow, CaseMeasurement, RowFigures, SandboxStats } from './types';

export interface MeasuredCase {
	case: BenchCase;
	measurement: CaseMeasurement;
	sandbox?: SandboxStats;
}

/** The floor of the issue: ceil(N / batch size) requests, C at a time, each taking L. */
export function floorMs(
	customers: number,
	batchSize: number,
	parallelRequests: number,
	latencyMs: number,
): number {
	return (Math.ceil(customers / batchSize) / parallelRequests) * latencyMs;
}

/** Derives each row's figures; node rows are compared with the engine and per-item baselines of the same run. */
export function buildRows(measured: readonly MeasuredCase[], latencyMs: number): BenchRow[] {
	const find = (kind: BenchCase['kind'], customers: number, parallelRequests?: number) =>
		measured.find(
			(m) =>
				m.case.kind === kind &&
				m.case.customers === customers &&
				(parallelRequests === undefined ||
					(m.case.kind !== 'engine' && m.case.parallelRequests === parallelRequests)),
		);
	return measured.map((m) => {
		const figures = baseFigures(m);
		if (m.case.kind === 'engine') return { ...m, figures };
		const { customers, batchSize, parallelRequests } = m.case;
		const floor = floorMs(customers, batchSize, parallelRequests, latencyMs);
		Object.assign(figures, {
			expectedRequests: Math.ceil(customers / batchSize),
			floorMs: floor,
			wallOverFloor: m.measurement.wallMs / floor,
		});
		Object.assign(figures, timeline(m, parallelRequests));
		const engine =
			m.case.kind === 'node' || m.case.kind === 'perItem' ? find('engine', customers) : undefined;
		if (engine) {
			const engineFigures = baseFigures(engine);
			figures.cpuUsAboveEngine = figures.cpuUsPerCustomer - engineFigures.cpuUsPerCustomer;
			figures.rssOverEngine = m.measurement.maxRssKb / engine.measurement.maxRssKb;
		}
		const node = find('node', customers, parallelRequests);
		if (m.case.kind === 'perItem' && node)
			figures.nodeSpeedUp = m.measurement.wallMs / node.measurement.wallMs;
		const transport = find('transport', customers, parallelRequests);
		if (m.case.kind === 'node' && transport)
			figures.wallOverTransport = m.measurement.wallMs / transport.measurement.wallMs;
		const requests = find('requests', customers, parallelRequests);
		if (m.case.kind === 'node' && requests)
			figures.wallOverRequests = m.measurement.wallMs / requests.measurement.wallMs;
		return { ...m, figures };
	});
}

/** Where the wall time went, from the sandbox's arrival times. */
function timeline(
	{ measurement, sandbox }: MeasuredCase,
	parallelRequests: number,
): Partial<RowFigures> {
	if (sandbox?.firstBulkAtMs === undefined || sandbox.lastBulkAtMs === undefined) return {};
	const waves = Math.ceil(sandbox.bulkRequests / parallelRequests);
	return {
		leadMs: sandbox.firstBulkAtMs - measurement.startedAtMs,
		tailMs: measurement.endedAtMs - sandbox.lastBulkAtMs,
		msPerWave: waves > 1 ? (sandbox.lastBulkAtMs - sandbox.firstBulkAtMs) / (waves - 1) : undefined,
	};
}

function baseFigures({ case: benchCase, measurement }: MeasuredCase): RowFigures {
	const { customers } = benchCase;
	const { cpuUserMs, cpuSystemMs, maxRssKb, loadedRssKb, outputCounts, error } = measurement;
	return {
		cpuUsPerCustomer: ((cpuUserMs + cpuSystemMs) * 1000) / customers,
		peakRssMb: maxRssKb / 1024,
		rssGrowthBytesPerCustomer: ((maxRssKb - loadedRssKb) * 1024) / customers,
		allItemsOk:
			!error &&
			outputCounts[0] === customers &&
			outputCounts.slice(1).every((count) => count === 0),
	};
}
