import { RequestPacer } from '../../nodes/Capillary/actions/requestPacer';

/** A clock whose waits resolve at (call time + ms), as real timers do; `advance` moves it by hand. */
function fakeClock() {
	let now = 0;
	const waits: number[] = [];
	return {
		now: () => now,
		advance: (ms: number) => {
			now += ms;
		},
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
	for (let i = 0; i < 5; i++) (await pacer.acquire())();
	expect(clock.waits).toEqual([]);
});

test('spaces starts 1% wider than 60 s / limit, in call order, for concurrent callers too', async () => {
	const clock = fakeClock();
	const pacer = new RequestPacer(600, clock.now, clock.wait);
	const releases = await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()));
	releases.forEach((release) => release());
	// All five asked at t = 0: the first starts at once, the others wait for their slots.
	expect(clock.waits).toEqual([101, 202, 303, 404].map((t) => expect.closeTo(t, 6)));
});

test('a request counts until 60 s after it finished, so a late one cannot crowd a window', async () => {
	const clock = fakeClock();
	const pacer = new RequestPacer(2, clock.now, clock.wait);
	const first = await pacer.acquire();
	const second = await pacer.acquire();
	clock.advance(45_000); // both still in flight long after their slots
	first();
	second();
	const third = pacer.acquire();
	await third;
	// The third may start only once the first finished 60 s ago: at 105 s, not at its 60.6 s slot.
	expect(clock.now()).toBeGreaterThanOrEqual(105_000);
});

test('any 60 s window holds at most the limit', async () => {
	const clock = fakeClock();
	const pacer = new RequestPacer(7, clock.now, clock.wait);
	const starts: number[] = [];
	for (let i = 0; i < 30; i++) {
		const release = await pacer.acquire();
		starts.push(clock.now());
		clock.advance(500);
		release();
	}
	for (const start of starts) expect(starts.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(7);
});
