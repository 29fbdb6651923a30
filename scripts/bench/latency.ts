import type { Latency } from './types';

export const sameLatency = (a: Latency, b: Latency): boolean =>
	a.ms === b.ms && a.jitter === b.jitter;

/** As the table shows it: "25", or "100±30%". */
export function formatLatency({ ms, jitter }: Latency): string {
	return jitter === 0 ? `${ms}` : `${ms}±${Math.round(jitter * 100)}%`;
}
