import { sleep } from 'n8n-workflow';

import type { Pacer, PacerClock, Release } from './requestPacer';
import { monotonicNow, STOP_CHECK_MS } from './waitUnlessStopped';

/** Share of (shortest recent request ÷ parallel requests) kept between two starts of one run. */
export const SPREAD_SHARE = 0.5;

/**
 * The longest gap between two starts, in ms: answers a few ms apart are already processed one at a
 * time, and a slow first wave (a cold server, a timeout) must not hold later starts apart for long.
 */
const MAX_GAP_MS = 100;

/** Share of the shortest recent request that a request is given to leave, and its cap in ms. */
const LEAVING_SHARE = 0.25;
const MAX_LEAVING_MS = 5;

/** Requests whose durations count as recent. */
const RECENT_REQUESTS = 20;

/**
 * When a run's requests start. Requests that leave together come back together; n8n then reads
 * their answers one after the other, and every next request, opened meanwhile, leaves only once
 * all of them were read: the parallel requests stay in lock-step, each wave costing the latency
 * plus every answer's processing. So starts are kept apart, in call order, by
 * `SPREAD_SHARE × shortest recent request ÷ parallel requests`, at most MAX_GAP_MS (a fraction of
 * the time in which C requests come back, so C stay in flight), before they wait for the shared
 * pacer. Nothing waits before a request has finished: the first wave leaves at once, and a run of
 * one request never waits.
 *
 * A request takes a moment to leave once started (n8n opens a connection for each): the run's own
 * CPU work (reading items, reading answers) waits for `requestLeft()` rather than delay it.
 */
export class StartSpreader {
	private lastStart = -Infinity;

	/** Durations of the latest requests, start to end, oldest first. */
	private readonly durations: number[] = [];

	/** Ends the pause of the caller waiting for its gap (only the first in call order waits on it). */
	private wakeWaiter?: () => void;

	/** Settles once the caller before has started (or given up): starts keep call order. */
	private turn: Promise<void> = Promise.resolve();

	private readonly now: () => number;

	private readonly wait: (ms: number) => Promise<void>;

	constructor(
		private readonly parallelRequests: number,
		{ now = monotonicNow, wait = sleep }: Omit<PacerClock, 'stopCheckMs'> = {},
	) {
		this.now = now;
		this.wait = wait;
	}

	/** The run's pacer: `shared`, with the run's starts spread. */
	over(shared: Pacer): Pacer {
		return { acquire: async (shouldStop) => await this.acquire(shared, shouldStop) };
	}

	/** The gap between two starts (0 until a request has finished, or with one request at a time). */
	gapMs(): number {
		if (this.parallelRequests <= 1 || this.durations.length === 0) return 0;
		const gap = (SPREAD_SHARE * Math.min(...this.durations)) / this.parallelRequests;
		return Math.min(gap, MAX_GAP_MS);
	}

	private untilNextStart(): number {
		return this.lastStart + this.gapMs() - this.now();
	}

	/**
	 * Resolves once the latest request has had time to leave: LEAVING_SHARE of the shortest
	 * recent request after its start, at most MAX_LEAVING_MS. It first waits a timer turn, so
	 * that a request about to start (the one an answer or a taken batch just made way for) has.
	 */
	async requestLeft(): Promise<void> {
		await this.wait(0);
		const shortest = this.durations.length > 0 ? Math.min(...this.durations) : Infinity;
		const leaving = Math.min(MAX_LEAVING_MS, LEAVING_SHARE * shortest);
		const left = this.lastStart + leaving - this.now();
		if (left > 0) await this.wait(left);
	}

	private async acquire(shared: Pacer, shouldStop: () => boolean): Promise<Release | undefined> {
		const before = this.turn;
		let started!: () => void;
		this.turn = new Promise((resolve) => (started = resolve));
		try {
			await before;
			// Looked at again whenever a request finishes: its answer may have shortened the gap.
			for (let gap = this.untilNextStart(); gap > 0; gap = this.untilNextStart()) {
				if (shouldStop()) return undefined;
				await this.pause(Math.min(gap, STOP_CHECK_MS));
			}
			if (shouldStop()) return undefined;
			const release = await shared.acquire(shouldStop);
			if (!release) return undefined;
			const startedAt = (this.lastStart = this.now());
			return this.noting(startedAt, release);
		} finally {
			started();
		}
	}

	/** Waits `ms`, or until a request finishes; a timer woken early runs out on its own. */
	private async pause(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			this.wakeWaiter = resolve;
			this.wait(ms).then(resolve, resolve);
		});
		this.wakeWaiter = undefined;
	}

	private noting(startedAt: number, release: Release): Release {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.durations.push(this.now() - startedAt);
			if (this.durations.length > RECENT_REQUESTS) this.durations.shift();
			release();
			this.wakeWaiter?.();
		};
	}
}
