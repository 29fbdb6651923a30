import { sleep } from 'n8n-workflow';

import { monotonicNow, STOP_CHECK_MS } from './waitUnlessStopped';

/** Requests are spaced this much wider than the limit asks, so that jitter never lets Capillary count one too many. */
const SAFETY_MARGIN = 1.01;
const WINDOW_MS = 60_000;

/** Called once the request finished (answered or failed); calling it again does nothing. */
export type Release = () => void;

/** What a run's requests wait on before they leave. */
export interface Pacer {
	/**
	 * Resolves when one request may start, with its Release; or, without taking a start, with
	 * undefined as soon as `shouldStop()` (within about STOP_CHECK_MS).
	 */
	acquire(shouldStop: () => boolean): Promise<Release | undefined>;
}

export interface PacerClock {
	now?: () => number;
	wait?: (ms: number) => Promise<void>;
	stopCheckMs?: number;
}

interface Waiter {
	/** Ends the waiter's current pause early, so that it looks again at once. */
	wake?: () => void;
}

/**
 * Keeps the requests of the runs that share it under the lowest limit (per minute) among the runs
 * joined to it now, retries and parallel requests included. Starts are spaced evenly, in call
 * order; and a request counts against the limit from its start until 60 s after it finished, so
 * that however late it left, no 60-second window at the server can hold more than the limit.
 * A caller that gives up (its run stopped) takes no start and holds up no one behind it.
 */
export class RequestPacer implements Pacer {
	private lastStart = -Infinity;

	private inFlight = 0;

	/** When requests finished, oldest first; only the last 60 s matter. */
	private readonly finished: number[] = [];

	/** The limit of each run joined now. */
	private readonly limits: number[] = [];

	/** Callers waiting to start, in call order: only the first may take the next start. */
	private readonly waiting: Waiter[] = [];

	private readonly now: () => number;

	private readonly wait: (ms: number) => Promise<void>;

	/** The longest pause between two looks at whether a waiting caller's run stopped. */
	private readonly stopCheckMs: number;

	constructor({ now = monotonicNow, wait = sleep, stopCheckMs = STOP_CHECK_MS }: PacerClock = {}) {
		this.now = now;
		this.wait = wait;
		this.stopCheckMs = stopCheckMs;
	}

	/** Adds a run's limit (> 0) until the returned function is called, which the run must do once it ended. */
	join(perMinute: number): () => void {
		this.limits.push(perMinute);
		let left = false;
		return () => {
			if (left) return;
			left = true;
			this.limits.splice(this.limits.indexOf(perMinute), 1);
			this.waiting[0]?.wake?.(); // a higher limit may apply now
		};
	}

	async acquire(shouldStop: () => boolean): Promise<Release | undefined> {
		const waiter: Waiter = {};
		this.waiting.push(waiter);
		try {
			for (;;) {
				if (shouldStop()) return undefined;
				const delay = this.waiting[0] === waiter ? this.delayBeforeNextStart() : Infinity;
				if (delay <= 0) return this.start();
				await this.pause(waiter, Math.min(delay, this.stopCheckMs));
			}
		} finally {
			const wasFirst = this.waiting[0] === waiter;
			this.waiting.splice(this.waiting.indexOf(waiter), 1);
			if (wasFirst) this.waiting[0]?.wake?.();
		}
	}

	/** How long the first waiter must still wait (≤ 0: it may start now). */
	private delayBeforeNextStart(): number {
		if (this.limits.length === 0) return 0;
		const perMinute = Math.min(...this.limits);
		const now = this.now();
		this.forgetOldFinished(now);
		const spacing = this.lastStart + (WINDOW_MS / perMinute) * SAFETY_MARGIN - now;
		if (this.inFlight + this.finished.length < perMinute) return spacing;
		// The window is full: it frees up once its oldest finished request is 60 s old, or (all of
		// them in flight) once one finishes, which wakes the first waiter.
		const windowFrees = this.finished.length > 0 ? this.finished[0] + WINDOW_MS - now : Infinity;
		return Math.max(spacing, windowFrees);
	}

	private start(): Release {
		this.lastStart = this.now();
		this.inFlight++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			const now = this.now();
			this.forgetOldFinished(now);
			this.finished.push(now);
			this.waiting[0]?.wake?.();
		};
	}

	private forgetOldFinished(now: number): void {
		while (this.finished.length > 0 && this.finished[0] <= now - WINDOW_MS) this.finished.shift();
	}

	/** Waits `ms`, or until woken; a timer woken early runs out on its own (never longer than stopCheckMs). */
	private async pause(waiter: Waiter, ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			waiter.wake = resolve;
			this.wait(ms).then(resolve, resolve);
		});
		waiter.wake = undefined;
	}
}
