import { RequestPacer } from '../../nodes/Capillary/actions/requestPacer';

function fakeClock() {
	let now = 0;
	const waits: number[] = [];
	return {
		now: () => now,
		wait: async (ms: number) => {
			waits.push(ms);
			now += ms;
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
	const pacer = new RequestPacer(6000);
	const starts: number[] = [];
	await Promise.all(
		Array.from({ length: 6 }, async (_, i) => {
			await pacer.acquire();
			starts[i] = performance.now();
		}),
	);
	for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(10.1 - 2);
	expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(5 * 10.1 - 2);
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
