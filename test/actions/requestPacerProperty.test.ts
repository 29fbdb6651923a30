import fc from 'fast-check';
import { RequestPacer } from '../../nodes/Capillary/actions/requestPacer';
import { virtualClock } from './virtualClock';

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
