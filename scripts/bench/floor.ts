/**
 * The floor of a case: the shortest wall time the API's latency allows for its requests, C at a
 * time. Fixed latency: ceil(N / batch size) / C × L, the issue's formula. Jittered latency: the
 * makespan of the latencies the sandbox drew, in arrival order, list-scheduled on C workers (each
 * request starts as soon as one of the C workers is free, as the node's and the references' do).
 */
export function fixedFloorMs(
	customers: number,
	batchSize: number,
	parallelRequests: number,
	latencyMs: number,
): number {
	return (Math.ceil(customers / batchSize) / parallelRequests) * latencyMs;
}

export function listScheduleMakespanMs(latenciesMs: readonly number[], workers: number): number {
	if (!Number.isInteger(workers) || workers < 1)
		throw new RangeError('workers must be a positive integer');
	const freeAt = new Array<number>(Math.min(workers, latenciesMs.length)).fill(0);
	for (const latency of latenciesMs) {
		let earliest = 0;
		for (let w = 1; w < freeAt.length; w++) if (freeAt[w] < freeAt[earliest]) earliest = w;
		freeAt[earliest] += latency;
	}
	return Math.max(0, ...freeAt);
}
