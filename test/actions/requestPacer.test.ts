import { RequestPacer } from '../../nodes/Capillary/actions/requestPacer';

function fakeClock() {
	let now = 0;
	const waits: number[] = [];
	return {
		now: () => now,
		/** Resolves at (call time + ms); concurrent waits overlap, as real timers do. */
		wait: async (ms: number) => {
			waits.push(ms);
			const target = now + ms;
			await Promise.resolve();
			now = Math.max(now, target);
		},
		waits,
	};
}

test('no limit: never waits', async () => {
	const clock = fakeClock();
	const pacer = new RequestPacer(0, clock.now, clock.wait);
	for (let i = 0; i < 5; i++) await pacer.acquire();
	expect(clock.waits).toEqual([]);
});

test('spaces starts 1% wider than 60 s / limit, in call order, for concurrent callers too', async () => {
	const clock = fakeClock();
	const pacer = new RequestPacer(600, clock.now, clock.wait);
	await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()));
	// All five asked at t = 0: the first starts at once, the others wait for their slots.
	expect(clock.waits).toEqual([101, 202, 303, 404].map((t) => expect.closeTo(t, 6)));
});

test('any 60 s window holds at most the limit', async () => {
	const clock = fakeClock();
	const pacer = new RequestPacer(7, clock.now, clock.wait);
	const starts: number[] = [];
	for (let i = 0; i < 30; i++) {
		await pacer.acquire();
		starts.push(clock.now());
	}
	for (const start of starts) expect(starts.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(7);
});
