import type { BenchCase } from './types';

/** A short file-safe name for a case, e.g. node-n10000-c4. */
export function caseName(benchCase: BenchCase): string {
	const concurrency = benchCase.kind === 'engine' ? '' : `-c${benchCase.parallelRequests}`;
	return `${benchCase.kind}-n${benchCase.customers}${concurrency}`;
}
