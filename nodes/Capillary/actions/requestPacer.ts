import { sleep } from 'n8n-workflow';

/** Requests are spaced this much wider than the limit asks, so that network jitter never lets Capillary count one too many. */
const SAFETY_MARGIN = 1.01;

/**
 * Spaces request starts evenly to stay under `perMinute` (0: no limit), across every worker and
 * retry that shares it: no 60-second window ever holds more than `perMinute` starts.
 */
export class RequestPacer {
	private readonly intervalMs: number;

	private nextStart = 0;

	constructor(
		perMinute: number,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.intervalMs = perMinute > 0 ? (60_000 / perMinute) * SAFETY_MARGIN : 0;
	}

	/** Resolves when the caller may start one request. Slots are handed out in call order. */
	async acquire(): Promise<void> {
		if (this.intervalMs === 0) return;
		const start = Math.max(this.now(), this.nextStart);
		this.nextStart = start + this.intervalMs;
		const delay = start - this.now();
		if (delay > 0) await this.wait(delay);
	}
}
