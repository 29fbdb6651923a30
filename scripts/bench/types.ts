/** Shared shapes of the benchmark: what is measured, by whom, and what a table row holds. */

/**
 * `node`: the Capillary node as users set it up; `perItem`: the same node, one customer per request;
 * `engine`: a trivial node, no requests; `requests`: the node's batches sent through n8n's request
 * helper by a node that does nothing else; `transport`: the same batches posted by a bare HTTP client,
 * no n8n; `oneItem`: K sequential executions of a one-item workflow (one customer each), through the
 * Capillary node or n8n's HTTP Request node.
 */
export type CaseKind = BenchCase['kind'];

/** The sandbox's latency for a case: L in ms, and the jitter of its bulk requests (a fraction of L, 0 for none). */
export interface Latency {
	ms: number;
	jitter: number;
}

/** Cases that send the customers in batches of `batchSize`, `parallelRequests` at a time. */
export interface BatchCase {
	kind: 'node' | 'perItem' | 'requests' | 'transport';
	customers: number;
	parallelRequests: number;
	batchSize: number;
	latency: Latency;
}

/** Who sends the one-item webhook's request: the Capillary node, or n8n's HTTP Request node. */
export type OneItemVia = 'node' | 'httpRequest';

/** K one-item executions, one after the other; `customers` is K (one distinct customer each). */
export interface OneItemCase {
	kind: 'oneItem';
	via: OneItemVia;
	customers: number;
	latency: Latency;
}

export type BenchCase =
	| { kind: 'engine'; customers: number; latency: Latency }
	| BatchCase
	| OneItemCase;

/** What one case's child process measured around the workflow run. */
export interface CaseMeasurement {
	/** When the workflow run started and ended, in epoch ms (the sandbox's clock is the same machine's). */
	startedAtMs: number;
	endedAtMs: number;
	wallMs: number;
	/** Process CPU time (all threads) spent during the run. */
	cpuUserMs: number;
	cpuSystemMs: number;
	/** Peak RSS of the whole child process (process.resourceUsage().maxRSS). */
	maxRssKb: number;
	/** RSS once the engine and the node were loaded, before the items were built. */
	loadedRssKb: number;
	/** Output items per output of the measured node: [Success, Failed] (engine: [items]). */
	outputCounts: number[];
	error?: string;
	/** One-item cases: the wall time of each execution, in order. */
	executionWallsMs?: number[];
}

/** What the sandbox saw during one case. */
export interface SandboxStats {
	bulkRequests: number;
	customersSent: number;
	tokenRequests: number;
	/** Bulk requests by HTTP status. */
	statuses: Record<string, number>;
	ledgerEntries: number;
	/** Arrival time of each bulk request, in arrival order, in epoch ms (sub-millisecond). */
	bulkArrivalsMs: number[];
	/** The latency the sandbox gave each bulk request, in arrival order (jittered cases: drawn). */
	bulkLatenciesMs: number[];
}

export interface BenchRow {
	case: BenchCase;
	measurement: CaseMeasurement;
	/** Absent for the engine baseline, which sends nothing. */
	sandbox?: SandboxStats;
	figures: RowFigures;
}

/** Figures derived from a measurement, as printed and checked. */
export interface RowFigures {
	expectedRequests?: number;
	floorMs?: number;
	wallOverFloor?: number;
	cpuUsPerCustomer: number;
	peakRssMb: number;
	/** (peak RSS − RSS once loaded) per customer, in bytes: what grows with N. */
	rssGrowthBytesPerCustomer: number;
	/** Node rows: CPU µs per customer above the engine baseline at the same N. */
	cpuUsAboveEngine?: number;
	/** Node rows: peak RSS ÷ the engine baseline's at the same N. */
	rssOverEngine?: number;
	/** Node rows: wall time ÷ the transport reference's at the same N, C and latency (what n8n and the node add to the bare requests). */
	wallOverTransport?: number;
	/** Node rows: wall time ÷ the n8n request reference's at the same N, C and latency (what the node adds to n8n's requests). */
	wallOverRequests?: number;
	/** Per-item rows: this row's wall time ÷ the node's at the same N and C. */
	nodeSpeedUp?: number;
	/** Where the wall time went: from the start to the first request's arrival, and from the last request's arrival to the end. */
	leadMs?: number;
	tailMs?: number;
	/** (last − first request arrival) ÷ (waves − 1), a wave being C requests: compare with L. */
	msPerWave?: number;
	/** Share of the bulk requests (after the first) that arrived within 1 ms of the previous one. */
	bunchedArrivals?: number;
	/** One-item rows: median and 90th percentile of (execution wall − L), in ms. */
	oneItemMedianMs?: number;
	oneItemP90Ms?: number;
	/** Every customer came out on Success (node rows), or every item came out (engine rows). */
	allItemsOk: boolean;
}

export interface TargetCheck {
	name: string;
	status: 'PASS' | 'FAIL' | 'SKIPPED';
	detail: string;
}
