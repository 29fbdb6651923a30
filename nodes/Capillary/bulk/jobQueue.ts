import type { BatchJob } from '../helpers/types';

/**
 * Batches handed from the reader, as they fill up, to the senders, first in first out. `next()`
 * waits for a batch, and resolves undefined once the queue is closed and drained; `room(limit)` lets
 * the reader wait until fewer than `limit` batches are waiting. A batch handed out is forgotten.
 */
export class JobQueue {
	private readonly waitingJobs: BatchJob[] = [];

	private closed = false;

	/** Set by `abort()`: the batches still go out of the queue, and the senders must not send them. */
	aborted = false;

	private waitingSenders: Array<() => void> = [];

	private waitingReaders: Array<{ limit: number; resolve: () => void }> = [];

	/** Batches pushed and not yet handed out. */
	get pending(): number {
		return this.waitingJobs.length;
	}

	push(job: BatchJob): void {
		this.waitingJobs.push(job);
		this.wakeSenders();
	}

	abort(): void {
		this.aborted = true;
		this.close();
	}

	close(): void {
		this.closed = true;
		this.wakeSenders();
	}

	async next(): Promise<BatchJob | undefined> {
		while (this.waitingJobs.length === 0 && !this.closed) {
			await new Promise<void>((resolve) => this.waitingSenders.push(resolve));
		}
		const job = this.waitingJobs.shift();
		this.wakeReaders();
		return job;
	}

	/** Resolves once fewer than `limit` batches wait to be handed out (at once if so already). */
	room(limit: number): Promise<void> {
		if (this.pending < limit) return Promise.resolve();
		return new Promise((resolve) => this.waitingReaders.push({ limit, resolve }));
	}

	private wakeReaders(): void {
		const ready = this.waitingReaders.filter((reader) => this.pending < reader.limit);
		this.waitingReaders = this.waitingReaders.filter((reader) => this.pending >= reader.limit);
		ready.forEach((reader) => reader.resolve());
	}

	private wakeSenders(): void {
		const waiting = this.waitingSenders;
		this.waitingSenders = [];
		waiting.forEach((resolve) => resolve());
	}
}
