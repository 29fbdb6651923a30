import { RequestPacer, type Release } from '../../../nodes/Capillary/transport/retry/requestPacer';
import { virtualClock } from '../../support/virtualClock';

const running = () => false;

function pacerWithLimit(perMinute: number) {
	const clock = virtualClock();
	const pacer = new RequestPacer({ now: clock.now, wait: clock.wait });
	const leave = pacer.join(perMinute);
	return { clock, pacer, leave };
}

/** Takes a start, and notes when it was granted. */
async function startAt(
	pacer: RequestPacer,
	clock: { now: () => number },
	starts: number[],
	shouldStop = running,
): Promise<Release | undefined> {
	const release = await pacer.acquire(shouldStop);
	if (release) starts.push(clock.now());
	return release;
}

test('no limit: never waits, and takes nothing once the run stopped', async () => {
	const clock = virtualClock();
	const pacer = new RequestPacer({ now: clock.now, wait: clock.wait }); // no run joined
	for (let i = 0; i < 5; i++) (await pacer.acquire(running))!();
	expect(clock.now()).toBe(0);
	expect(await pacer.acquire(() => true)).toBeUndefined();
});

test('spaces starts 1% wider than 60 s / limit, in call order, for concurrent callers too', async () => {
	const { clock, pacer } = pacerWithLimit(600);
	const order: number[] = [];
	const starts: number[] = [];
	const all = Promise.all(
		Array.from({ length: 5 }, (_, k) =>
			startAt(pacer, clock, starts).then((release) => (order.push(k), release!())),
		),
	);
	await clock.run();
	await all;
	expect(order).toEqual([0, 1, 2, 3, 4]);
	expect(starts).toEqual([0, 101, 202, 303, 404].map((t) => expect.closeTo(t, 6)));
});

test('a request counts until 60 s after it finished, so a late one cannot crowd a window', async () => {
	const { clock, pacer } = pacerWithLimit(2);
	const starts: number[] = [];
	const first = (await startAt(pacer, clock, starts))!;
	const second = startAt(pacer, clock, starts);
	await clock.run(() => starts.length === 2);
	await clock.runUntil(45_000); // both still in flight long after their slots
	first();
	(await second)!();
	const third = startAt(pacer, clock, starts);
	await clock.run(() => starts.length === 3);
	await third;
	// The third may start only once the first finished 60 s ago: at 105 s, not at its 60.6 s slot.
	expect(starts[2]).toBeGreaterThanOrEqual(105_000);
});

test('any 60 s window holds at most the limit', async () => {
	const { clock, pacer } = pacerWithLimit(7);
	const starts: number[] = [];
	for (let i = 0; i < 30; i++) {
		const next = startAt(pacer, clock, starts);
		await clock.run(() => starts.length === i + 1);
		const release = (await next)!;
		await clock.runUntil(clock.now() + 500);
		release();
	}
	for (const start of starts)
		expect(starts.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(7);
});

// Issue 11, item 8: 60 per minute, 10 parallel requests, cancelled after the first one. Each
// waiter kept the start it had reserved, and took it (counting as a request) before seeing the
// stop: the next run waited ~10 s.
test('callers of a stopped run give back their starts at once: the next run is not held up', async () => {
	const { clock, pacer } = pacerWithLimit(60);
	let stopped = false;
	const starts: number[] = [];
	const first = (await startAt(pacer, clock, starts))!;
	const waiters = Array.from({ length: 9 }, () => startAt(pacer, clock, starts, () => stopped));
	await clock.runUntil(300);
	first();
	stopped = true;
	await clock.runUntil(400);
	const settled = await Promise.race([
		Promise.all(waiters),
		new Promise((resolve) => setImmediate(() => resolve('still waiting'))),
	]);
	expect(settled).toEqual(Array(9).fill(undefined)); // all gave up within 100 ms, none started
	const next = startAt(pacer, clock, starts);
	await clock.run(() => starts.length === 2);
	await next;
	expect(starts).toEqual([0, expect.closeTo(1010, 6)]);
});

test('a wait for a full window ends within 100 ms of the stop', async () => {
	const { clock, pacer } = pacerWithLimit(1);
	(await pacer.acquire(running))!();
	let stopped = false;
	let endedAt: number | undefined;
	void pacer
		.acquire(() => stopped)
		.then((release) => {
			expect(release).toBeUndefined();
			endedAt = clock.now();
		});
	await clock.runUntil(5_000);
	stopped = true;
	await clock.run(() => endedAt !== undefined);
	expect(endedAt).toBeGreaterThanOrEqual(5_000);
	expect(endedAt).toBeLessThanOrEqual(5_100);
});

test('runs sharing a pacer go at the lowest limit among them, and only while it is joined', async () => {
	const { clock, pacer } = pacerWithLimit(600);
	const leaveSlow = pacer.join(60);
	const starts: number[] = [];
	for (let i = 0; i < 3; i++) {
		const next = startAt(pacer, clock, starts);
		await clock.run(() => starts.length === i + 1);
		(await next)!();
	}
	leaveSlow();
	leaveSlow(); // leaving twice takes off one limit only
	for (let i = 3; i < 5; i++) {
		const next = startAt(pacer, clock, starts);
		await clock.run(() => starts.length === i + 1);
		(await next)!();
	}
	expect(starts).toEqual([0, 1010, 2020, 2121, 2222].map((t) => expect.closeTo(t, 6)));
});

test('a raised limit applies to a caller already waiting', async () => {
	const { clock, pacer } = pacerWithLimit(600);
	const leaveSlow = pacer.join(1);
	const starts: number[] = [];
	(await startAt(pacer, clock, starts))!();
	const second = startAt(pacer, clock, starts);
	await clock.runUntil(50);
	leaveSlow();
	await clock.run(() => starts.length === 2);
	await second;
	expect(starts).toEqual([0, expect.closeTo(101, 6)]);
});
