/** Command-line flags of `npm run bench` (after `--`). */

export interface BenchOptions {
	/** Fixed sandbox latency per request, in ms. */
	latencyMs: number;
	/** L of the jittered cases, in ms, and their jitter (a fraction of L) on the bulk requests. */
	jitteredLatencyMs: number;
	jitter: number;
	/** N of the jittered cases (node and both references at each C); empty to skip them. */
	jitteredSizes: number[];
	/** Executions K of each one-item case (the Capillary node, the HTTP Request node); 0 to skip them. */
	oneItemExecutions: number;
	/** Customer counts N of the node rows and the engine baseline. */
	sizes: number[];
	/** N of the per-item baseline (one request per customer). */
	perItemSizes: number[];
	/** N of the two references: n8n requests only, and transport (the batches posted without n8n). */
	transportSizes: number[];
	/** parallelRequests C of the node rows and the per-item baseline. */
	concurrencies: number[];
	/** Longest one case may run before it is stopped, in ms. */
	caseTimeoutMs: number;
	/** Node.js flags for the measured child, e.g. --cpu-prof (profiling). */
	childNodeFlags: string[];
	/** Runs of each case; the one with the shortest wall time is kept (noise only ever adds time). */
	repeat: number;
	/** Directory for a V8 .cpuprofile of each case's workflow run. */
	profileDir?: string;
}

export const DEFAULT_OPTIONS: BenchOptions = {
	latencyMs: 25,
	jitteredLatencyMs: 100,
	jitter: 0.3,
	jitteredSizes: [10_000],
	oneItemExecutions: 100,
	sizes: [1_000, 10_000, 100_000],
	perItemSizes: [1_000],
	transportSizes: [10_000],
	concurrencies: [1, 4],
	caseTimeoutMs: 10 * 60_000,
	childNodeFlags: [],
	repeat: 1,
};

const QUICK_SIZES = [1_000, 10_000];

export const USAGE = `Usage: npm run bench -- [--latency MS] [--sizes 1000,10000,100000] [--quick] [--concurrency 1,4] [...]
  --latency MS        sandbox latency per request (default 25)
  --jittered-latency MS  L of the jittered cases (default 100)
  --jitter FRACTION   jitter of their bulk requests' latency, as a fraction of L (default 0.3: ±30 %)
  --jittered-sizes LIST  N of the jittered cases: node and both references at each C (default 10000; "none" to skip)
  --one-item K        executions of each one-item case: the node, and n8n's HTTP Request node (default 100; "none" to skip)
  --sizes LIST        customer counts N (default 1000,10000,100000)
  --quick             N = 1000 and 10000 only
  --concurrency LIST  parallelRequests C (default 1,4)
  --per-item LIST     N of the per-item baseline (default 1000; "none" to skip)
  --transport LIST    N of the references: the batches through n8n's request helper alone, and posted without n8n (default 10000; "none" to skip)
  --repeat K          run each case K times, keep the fastest (default 1)
  --node-flag FLAG    pass a Node.js flag to each measured child (repeatable), e.g. --node-flag=--max-old-space-size=4096
  --profile DIR       write a CPU profile of each case's run to DIR (figures then include the profiler's cost)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
	const options: BenchOptions = { ...DEFAULT_OPTIONS, childNodeFlags: [] };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => inline ?? argv[++i] ?? missing(flag);
		switch (flag) {
			case '--latency':
				options.latencyMs = nonNegativeNumber(flag, value());
				break;
			case '--jittered-latency':
				options.jitteredLatencyMs = nonNegativeNumber(flag, value());
				break;
			case '--jitter': {
				const text = value();
				options.jitter = nonNegativeNumber(flag, text);
				if (options.jitter > 1) throw new Error(`${flag}: "${text}" is not a fraction within 0..1`);
				break;
			}
			case '--jittered-sizes':
				options.jitteredSizes = sizesOrNone(flag, value());
				break;
			case '--one-item':
				options.oneItemExecutions = sizesOrNone(flag, value())[0] ?? 0;
				break;
			case '--sizes':
				options.sizes = positiveIntegers(flag, value());
				break;
			case '--quick':
				options.sizes = QUICK_SIZES;
				break;
			case '--concurrency':
				options.concurrencies = positiveIntegers(flag, value()).map((c) => Math.min(c, 10));
				break;
			case '--per-item':
				options.perItemSizes = sizesOrNone(flag, value());
				break;
			case '--transport':
				options.transportSizes = sizesOrNone(flag, value());
				break;
			case '--node-flag':
				options.childNodeFlags.push(value());
				break;
			case '--repeat':
				options.repeat = positiveIntegers(flag, value())[0];
				break;
			case '--profile':
				options.profileDir = value();
				break;
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown flag ${argv[i]}\n${USAGE}`);
		}
	}
	return options;
}

function missing(flag: string): never {
	throw new Error(`${flag} needs a value\n${USAGE}`);
}

function nonNegativeNumber(flag: string, text: string): number {
	const number = Number(text);
	if (!Number.isFinite(number) || number < 0)
		throw new Error(`${flag}: "${text}" is not a non-negative number`);
	return number;
}

/** A list of positive whole numbers, or "none": no such cases. */
function sizesOrNone(flag: string, text: string): number[] {
	return text === 'none' ? [] : positiveIntegers(flag, text);
}

function positiveIntegers(flag: string, text: string): number[] {
	const numbers = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
	if (numbers.some((n) => !Number.isInteger(n) || n < 1))
		throw new Error(`${flag}: "${text}" is not a list of positive whole numbers`);
	return numbers;
}
