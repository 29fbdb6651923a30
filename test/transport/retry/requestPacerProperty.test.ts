import fc from 'fast-check';
import { RequestPacer } from '../../../nodes/Capillary/transport/retry/requestPacer';
import { virtualClock } from '../../support/virtualClock';

test('pacer: whatever the arrival point inside each request, no 60 s window holds more than perMinute', async () => {
	await fc.assert(
		fc.asyncProperty(
			fc.integer({ min: 1, max: 12 }),
			fc.integer({ min: 1, max: 10 }),
			fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 40 }),
			async (perMinute, workers, durations) => {
				const clock = virtualClock();
				const pacer = new RequestPacer({ now: clock.now, wait: clock.wait, stopCheckMs: 60_000 });
				pacer.join(perMinute);
				const spans: Array<[number, number]> = [];
				let next = 0;
				let done = 0;
				const worker = async () => {
					while (next < durations.length) {
						const d = durations[next++];
						const release = (await pacer.acquire(() => false))!;
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

test('pacer: runs that stop while waiting start nothing after the stop, give up within one stop check, and hold no one up', async () => {
	const stopCheckMs = 2_000;
	const run = fc.record({
		workers: fc.integer({ min: 1, max: 4 }),
		durations: fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 10 }),
		stopAt: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
	});
	await fc.assert(
		fc.asyncProperty(
			fc.integer({ min: 1, max: 12 }),
			fc.array(run, { minLength: 1, maxLength: 3 }),
			async (perMinute, runs) => {
				const clock = virtualClock();
				const pacer = new RequestPacer({ now: clock.now, wait: clock.wait, stopCheckMs });
				const spans: Array<[number, number]> = [];
				let workersLeft = runs.reduce((sum, r) => sum + r.workers, 0);
				const unfinished: string[] = [];
				for (const { workers, durations, stopAt = Infinity } of runs) {
					const leave = pacer.join(perMinute);
					const stopped = () => clock.now() >= stopAt;
					let next = 0;
					let running = workers;
					const worker = async () => {
						while (next < durations.length) {
							const d = durations[next++];
							const calledAt = clock.now();
							const release = await pacer.acquire(stopped);
							if (!release) {
								// Gave up: only once stopped, and no later than one stop check after that.
								expect(clock.now()).toBeGreaterThanOrEqual(stopAt);
								expect(clock.now()).toBeLessThanOrEqual(Math.max(stopAt, calledAt) + stopCheckMs);
								break;
							}
							const start = clock.now();
							expect(start).toBeLessThan(stopAt);
							await clock.wait(d);
							spans.push([start, clock.now()]);
							release();
						}
						workersLeft--;
						if (--running === 0) leave();
					};
					for (let w = 0; w < workers; w++)
						void worker().catch((error: Error) => unfinished.push(error.message));
				}
				await clock.run(() => workersLeft === 0);
				expect(unfinished).toEqual([]);
				expect(workersLeft).toBe(0); // every caller either started or gave up: none waits for ever
				for (const [, t0] of spans.concat(spans.map(([s]) => [s, s] as [number, number]))) {
					for (const t of [t0, t0 - 60_000 + 1]) {
						expect(spans.filter(([s, f]) => s < t + 60_000 && f >= t).length).toBeLessThanOrEqual(
							perMinute,
						);
					}
				}
			},
		),
		{ numRuns: 200 },
	);
});
