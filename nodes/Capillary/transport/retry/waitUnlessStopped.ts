import { sleep } from 'n8n-workflow';

/** Milliseconds on a clock that only moves forward: waits must not stretch or shrink when the wall clock is set. */
export const monotonicNow = (): number => performance.now();

/** How often a wait looks whether its run stopped: a stopped run's waits end within about this long. */
export const STOP_CHECK_MS = 100;

/**
 * Waits `ms`, or less once `shouldStop()`: resolves true if the run stopped. Waits in slices of at
 * most STOP_CHECK_MS rather than on an abort signal, because n8n-workflow's `sleep` cannot be
 * aborted on older hosts and node code may not set timers of its own; no timer outlives a slice.
 */
export async function waitUnlessStopped(
	ms: number,
	shouldStop: () => boolean,
	wait: (ms: number) => Promise<void> = sleep,
	now: () => number = monotonicNow,
): Promise<boolean> {
	const until = now() + ms;
	for (;;) {
		if (shouldStop()) return true;
		const left = until - now();
		if (left <= 0) return false;
		await wait(Math.min(left, STOP_CHECK_MS));
	}
}
