import type { BatchJob } from '../helpers/types';

/**
 * Batches handed from the reader, as they fill up, to the senders. `next()` waits for a batch, and
 * resolves undefined once the queue is closed and drained. Every batch ever pushed stays in `all`.
 */
export class JobQueue {
	readonly all: BatchJob[] = [];

	private taken = 0;

	private closed = false;

	private waiting: Array<() => void> = [];

	push(job: BatchJob): void {
		this.all.push(job);
		this.wake();
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
