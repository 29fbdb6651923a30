import { bunchedShare } from './arrivals';
import { isBatchCase } from './cases';
import { fixedFloorMs, listScheduleMakespanMs } from './floor';
import { sameLatency } from './latency';
import { percentile } from './percentile';
import type {
	BatchCase,
	BenchCase,
	BenchRow,
	CaseMeasurement,
	OneItemCase,
	RowFigures,
	SandboxStats,
} from './types';

export interface MeasuredCase {
	case: BenchCase;
	measurement: CaseMeasurement;
	sandbox?: SandboxStats;
}

/**
 * Derives each row's figures. Batch rows are compared with the engine baseline at the same N, and
 * node rows with the references at the same N, C and latency.
 */
export function buildRows(measured: readonly MeasuredCase[]): BenchRow[] {
	const reference = (kind: BatchCase['kind'], like: BatchCase) =>
		measured.find(
			({ case: other }) =>
				other.kind === kind &&
				isBatchCase(other) &&
				other.customers === like.customers &&
				other.parallelRequests === like.parallelRequests &&
				sameLatency(other.latency, like.latency),
		);
	return measured.map((m) => {
		const figures = baseFigures(m);
		if (m.case.kind === 'oneItem')
			return { ...m, figures: { ...figures, ...oneItemFigures(m.case, m.measurement) } };
		if (!isBatchCase(m.case)) return { ...m, figures };
		const { customers, batchSize, parallelRequests, latency } = m.case;
		const floor =
			latency.jitter === 0
				? fixedFloorMs(customers, batchSize, parallelRequests, latency.ms)
				: listScheduleMakespanMs(m.sandbox?.bulkLatenciesMs ?? [], parallelRequests);
		Object.assign(figures, {
			expectedRequests: Math.ceil(customers / batchSize),
			floorMs: floor,
			wallOverFloor: m.measurement.wallMs / floor,
			bunchedArrivals: bunchedShare(m.sandbox?.bulkArrivalsMs ?? []),
		});
		Object.assign(figures, timeline(m, parallelRequests));
		const engine =
			m.case.kind === 'node' || m.case.kind === 'perItem'
				? measured.find((e) => e.case.kind === 'engine' && e.case.customers === customers)
				: undefined;
		if (engine) {
			const engineFigures = baseFigures(engine);
			figures.cpuUsAboveEngine = figures.cpuUsPerCustomer - engineFigures.cpuUsPerCustomer;
			figures.rssOverEngine = m.measurement.maxRssKb / engine.measurement.maxRssKb;
		}
		const wallOver = (kind: BatchCase['kind']) => {
			const other = reference(kind, m.case as BatchCase);
			return other ? m.measurement.wallMs / other.measurement.wallMs : undefined;
		};
		if (m.case.kind === 'perItem') {
			const node = reference('node', m.case);
			if (node) figures.nodeSpeedUp = m.measurement.wallMs / node.measurement.wallMs;
		}
		if (m.case.kind === 'node') {
			figures.wallOverTransport = wallOver('transport');
			figures.wallOverRequests = wallOver('requests');
		}
		return { ...m, figures };
	});
}

/** One request per execution; the median and p90 of (execution wall − L). */
function oneItemFigures(
	{ customers, latency }: OneItemCase,
	{ executionWallsMs = [] }: CaseMeasurement,
): Partial<RowFigures> {
	const aboveLatency = executionWallsMs.map((wall) => wall - latency.ms);
	if (aboveLatency.length === 0) return { expectedRequests: customers };
	return {
		expectedRequests: customers,
		oneItemMedianMs: percentile(aboveLatency, 50),
		oneItemP90Ms: percentile(aboveLatency, 90),
	};
}

/** Where the wall time went, from the sandbox's arrival times. */
function timeline(
	{ measurement, sandbox }: MeasuredCase,
	parallelRequests: number,
): Partial<RowFigures> {
	const arrivals = sandbox?.bulkArrivalsMs ?? [];
	if (arrivals.length === 0) return {};
	const [first, last] = [arrivals[0], arrivals[arrivals.length - 1]];
	const waves = Math.ceil(arrivals.length / parallelRequests);
	return {
		leadMs: first - measurement.startedAtMs,
		tailMs: measurement.endedAtMs - last,
		msPerWave: waves > 1 ? (last - first) / (waves - 1) : undefined,
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
