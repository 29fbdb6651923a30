import { mulberry32 } from './mulberry32';

/**
 * The response times of the bulk requests, in the order they arrive: the i-th bulk request since
 * the last restart() gets L × (1 + jitter × (2u − 1)), u the i-th draw of the seeded PRNG. So two
 * clients that send the same number of bulk requests see the same latencies, request by request,
 * whatever else (tokens, lookups) they send in between.
 */
export class BulkLatencies {
	private nextUniform: () => number;

	constructor(private readonly seed: number) {
		this.nextUniform = mulberry32(seed);
	}

	/** Starts the sequence again from its first draw. */
	restart(): void {
		this.nextUniform = mulberry32(this.seed);
	}

	/** The next bulk request's latency. A draw is taken even without jitter, so the order never shifts. */
	next(latencyMs: number, jitter: number): number {
		const u = this.nextUniform();
		return latencyMs * (1 + jitter * (2 * u - 1));
	}
}
