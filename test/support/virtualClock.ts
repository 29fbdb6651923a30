/**
 * Virtual time with real timer semantics, for the pacer: waits resolve in due order, the microtasks
 * they start run in between, and `run` moves time on only as far as the next due wait.
 */
export function virtualClock() {
	let now = 0;
	const timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
	let seq = 0;
	const flush = async () => {
		for (let i = 0; i < 20; i++) await Promise.resolve();
	};
	return {
		now: () => now,
		wait: (ms: number) =>
			new Promise<void>((resolve) =>
				timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve }),
			),
		/** Fires due waits, in order, until `until()` holds or no wait is left. */
		async run(until: () => boolean = () => false) {
			await flush();
			while (!until() && timers.length > 0) {
				timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
				const timer = timers.shift()!;
				now = Math.max(now, timer.at);
				timer.resolve();
				await flush();
			}
		},
		/** Fires every wait due by `time`, then sets the clock to it. */
		async runUntil(time: number) {
			await this.run(() => timers.every((t) => t.at > time));
			now = Math.max(now, time);
			await flush();
		},
	};
}
