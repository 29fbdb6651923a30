import type { BatchJob } from '../helpers/types';

/**
 * Batches handed from the reader, as they fill up, to the senders. `next()` waits for a batch, and
 * resolves undefined once the queue is closed and drained; `room(limit)` lets the reader wait until
 * fewer than `limit` batches are waiting. Every batch ever pushed stays in `all`.
 */
export class JobQueue {
	readonly all: BatchJob[] = [];

	private taken = 0;

	private closed = false;

	/** Set by `abort()`: nothing more is handed out; what is queued stays in `all`, unsent. */
	aborted = false;

	private waiting: Array<() => void> = [];

	private roomWaiting: Array<{ limit: number; resolve: () => void }> = [];

	/** Batches pushed and not yet handed out. */
	get pending(): number {
		return this.all.length - this.taken;
	}

	push(job: BatchJob): void {
		this.all.push(job);
		if (this.aborted) this.taken = this.all.length;
		this.wake();
	}

	abort(): void {
		this.aborted = true;
		this.taken = Math.max(this.taken, this.all.length);
		this.close();
		this.wakeRoom();
	}

	close(): void {
		this.closed = true;
		this.wake();
	}

	async next(): Promise<BatchJob | undefined> {
		while (this.taken >= this.all.length && !this.closed) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		if (this.taken >= this.all.length) return undefined;
		const job = this.all[this.taken++];
		this.wakeRoom();
		return job;
	}

	/** Resolves once fewer than `limit` batches wait to be handed out (at once if so already). */
	room(limit: number): Promise<void> {
		if (this.pending < limit) return Promise.resolve();
		return new Promise((resolve) => this.roomWaiting.push({ limit, resolve }));
	}

	private wakeRoom(): void {
		const ready = this.roomWaiting.filter((waiter) => this.pending < waiter.limit);
		this.roomWaiting = this.roomWaiting.filter((waiter) => this.pending >= waiter.limit);
		ready.forEach((waiter) => waiter.resolve());
	}

	private wake(): void {
		const waiting = this.waiting;
		this.waiting = [];
		waiting.forEach((resolve) => resolve());
	}
}
