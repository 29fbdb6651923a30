import { isBatchCase } from './cases';
import type { BenchCase } from './types';

/** A short file-safe name for a case, e.g. node-n10000-c4-l25, oneItem-httpRequest-n100-l25. */
export function caseName(benchCase: BenchCase): string {
	const kind = benchCase.kind === 'oneItem' ? `oneItem-${benchCase.via}` : benchCase.kind;
	const concurrency = isBatchCase(benchCase) ? `-c${benchCase.parallelRequests}` : '';
	const { ms, jitter } = benchCase.latency;
	const latency = `-l${ms}${jitter === 0 ? '' : `j${Math.round(jitter * 100)}`}`;
	return `${kind}-n${benchCase.customers}${concurrency}${latency}`;
}
