import fc from 'fast-check';
import { RequestPacer } from '../../nodes/Capillary/actions/requestPacer';

/** Virtual time with real timer semantics: waits resolve in due order, microtasks run in between. */
function virtualClock() {
	let now = 0;
	const timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
	let seq = 0;
	const flush = async () => {
		for (let i = 0; i < 20; i++) await Promise.resolve();
	};
	return {
		now: () => now,
		wait: (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve })),
		async run(until: () => boolean) {
			await flush();
			while (!until() && timers.length > 0) {
				timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
				const t = timers.shift()!;
				now = Math.max(now, t.at);
				t.resolve();
				await flush();
			}
		},
	};
}

test('pacer: whatever the arrival point inside each request, no 60 s window holds more than perMinute', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.integer({ min: 1, max: 12 }),
			fc.integer({ min: 1, max: 10 }),
			fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 40 }),
			async (perMinute, workers, durations) => {
				const clock = virtualClock();
				const pacer = new RequestPacer(perMinute, clock.now, clock.wait);
				const spans: Array<[number, number]> = [];
				let next = 0;
				let done = 0;
				const worker = async () => {
					while (next < durations.length) {
						const d = durations[next++];
						const release = await pacer.acquire();
						const start = clock.now();
						await clock.wait(d);
						spans.push([start, clock.now()]);
						release();
					}
					done++;
				};
				for (let w = 0; w < workers; w++) void worker();
				await clock.run(() => done === workers);
				expect(spans).toHaveLength(durations.length);
				// Worst case: each request reaches the server at the point of its span that crowds a window most.
				for (const [, t0] of spans.concat(spans.map(([s]) => [s, s] as [number, number]))) {
					for (const t of [t0, t0 - 60_000 + 1]) {
						const inWindow = spans.filter(([s, f]) => s < t + 60_000 && f >= t).length;
						expect(inWindow).toBeLessThanOrEqual(perMinute);
					}
				}
			},
		),
		{ numRuns: 300 },
	);
});
