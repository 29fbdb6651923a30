import { sleep } from 'n8n-workflow';

/** Requests are spaced this much wider than the limit asks, so that jitter never lets Capillary count one too many. */
const SAFETY_MARGIN = 1.01;
const WINDOW_MS = 60_000;

/**
 * Keeps the requests that share it under `perMinute` (0: no limit), retries and parallel requests
 * included. Starts are spaced evenly; and a request counts against the limit from its start until
 * 60 s after it finished, so that however late it left, no 60-second window at the server can hold
 * more than `perMinute` of them.
 */
export class RequestPacer {
	private readonly intervalMs: number;

	private nextStart = 0;

	private inFlight = 0;

	/** When requests finished, oldest first; only the last 60 s matter. */
	private readonly finished: number[] = [];

	constructor(
		private readonly perMinute: number,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.intervalMs = perMinute > 0 ? (WINDOW_MS / perMinute) * SAFETY_MARGIN : 0;
	}

	/** Resolves when the caller may start one request, with the function to call once it finished. */
	async acquire(): Promise<() => void> {
		if (this.perMinute <= 0) return () => {};
		const start = Math.max(this.now(), this.nextStart);
		this.nextStart = start + this.intervalMs;
		if (start > this.now()) await this.wait(start - this.now());
		for (;;) {
			while (this.finished.length > 0 && this.finished[0] <= this.now() - WINDOW_MS) this.finished.shift();
			if (this.inFlight + this.finished.length < this.perMinute) break;
			const until = this.finished.length > 0 ? this.finished[0] + WINDOW_MS - this.now() : this.intervalMs;
			await this.wait(Math.max(1, until));
		}
		this.inFlight++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.finished.push(this.now());
		};
	}
}
