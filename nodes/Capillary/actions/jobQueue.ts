import type { BatchJob } from '../helpers/types';

/**
 * Batches handed from the reader, as they fill up, to the senders. `next()` waits for a batch, and
 * resolves undefined once the queue is closed and drained. Every batch ever pushed stays in `all`.
 */
export class JobQueue {
	readonly all: BatchJob[] = [];

	private taken = 0;

	private closed = false;

	/** Set by `abort()`: nothing more is handed out; what is queued stays in `all`, unsent. */
	aborted = false;

	private waiting: Array<() => void> = [];

	push(job: BatchJob): void {
		this.all.push(job);
		if (this.aborted) this.taken = this.all.length;
		this.wake();
	}

	abort(): void {
		this.aborted = true;
		this.taken = Math.max(this.taken, this.all.length);
		this.close();
	}

	close(): void {
		this.closed = true;
		this.wake();
	}

	async next(): Promise<BatchJob | undefined> {
		while (this.taken >= this.all.length && !this.closed) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		}
		return this.taken < this.all.length ? this.all[this.taken++] : undefined;
	}

	private wake(): void {
		const waiting = this.waiting;
		this.waiting = [];
		waiting.forEach((resolve) => resolve());
	}
}
