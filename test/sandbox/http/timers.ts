/** Delays that close() can cancel, so a closing sandbox leaves no timer behind to keep jest alive. */
export class Timers {
	private readonly pending = new Set<NodeJS.Timeout>();

	delay(ms: number): Promise<void> {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.pending.delete(timer);
				resolve();
			}, ms);
			this.pending.add(timer);
		});
	}

	/** Pending delays never resolve: their requests are abandoned with their sockets. */
	cancelAll(): void {
		for (const timer of this.pending) clearTimeout(timer);
		this.pending.clear();
	}
}
