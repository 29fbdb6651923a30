import {
	RequestPacer,
	type Pacer,
	type Release,
} from '../../../nodes/Capillary/transport/retry/requestPacer';
import {
	SPREAD_SHARE,
	StartSpreader,
} from '../../../nodes/Capillary/transport/retry/startSpreader';
import { virtualClock } from '../../support/virtualClock';

const running = () => false;

function spreaderOf(parallelRequests: number) {
	const clock = virtualClock();
	const shared = new RequestPacer({ now: clock.now, wait: clock.wait });
	const spreader = new StartSpreader(parallelRequests, { now: clock.now, wait: clock.wait });
	return { clock, spreader, pacer: spreader.over(shared) };
}

/** One request of `durationMs`, started through the spreader; notes when it started. */
async function request(
	pacer: Pacer,
	clock: ReturnType<typeof virtualClock>,
	starts: number[],
	durationMs: number,
	shouldStop = running,
): Promise<boolean> {
	const release = await pacer.acquire(shouldStop);
	if (!release) return false;
	starts.push(clock.now());
	await clock.wait(durationMs);
	release();
	return true;
}

test('the first wave leaves at once: nothing is spread before a request has finished', async () => {
	const { clock, pacer } = spreaderOf(4);
	const starts: number[] = [];
	const wave = Promise.all(Array.from({ length: 4 }, () => request(pacer, clock, starts, 40)));
	await clock.run(() => starts.length === 4);
	expect(starts).toEqual([0, 0, 0, 0]);
	await clock.run();
	await wave;
});

test('later starts are kept SPREAD_SHARE × the shortest recent request ÷ C apart, in call order', async () => {
	const { clock, spreader, pacer } = spreaderOf(4);
	const starts: number[] = [];
	await clock.run(); // nothing due
	const first = request(pacer, clock, starts, 40);
	await clock.run();
	await first;
	const gap = (SPREAD_SHARE * 40) / 4;
	expect(spreader.gapMs()).toBeCloseTo(gap);
	const order: number[] = [];
	const wave = Promise.all(
		Array.from({ length: 4 }, (_, k) =>
			request(pacer, clock, starts, 40).then(() => order.push(k)),
		),
	);
	await clock.run();
	await wave;
	expect(starts.slice(1)).toEqual([0, 1, 2, 3].map((k) => expect.closeTo(40 + gap * k, 6)));
	expect(order).toEqual([0, 1, 2, 3]);
});

test('the shortest of the recent requests sets the gap; one request at a time never waits', async () => {
	const { clock, spreader, pacer } = spreaderOf(2);
	const starts: number[] = [];
	for (const duration of [100, 30, 60]) {
		const one = request(pacer, clock, starts, duration);
		await clock.run();
		await one;
	}
	expect(spreader.gapMs()).toBeCloseTo((SPREAD_SHARE * 30) / 2);
	// After 20 more requests of 80 ms, the 30 ms one is no longer recent.
	for (let k = 0; k < 20; k++) {
		const one = request(pacer, clock, starts, 80);
		await clock.run();
		await one;
	}
	expect(spreader.gapMs()).toBeCloseTo((SPREAD_SHARE * 80) / 2);

	const alone = spreaderOf(1);
	const times: number[] = [];
	for (let k = 0; k < 3; k++) {
		const one = request(alone.pacer, alone.clock, times, 50);
		await alone.clock.run();
		await one;
	}
	expect(alone.spreader.gapMs()).toBe(0);
	expect(times).toEqual([0, 50, 100]);
});

test('a caller whose run stopped while it waited takes no start and holds up no one behind it', async () => {
	const { clock, spreader, pacer } = spreaderOf(2);
	const starts: number[] = [];
	const first = request(pacer, clock, starts, 200);
	await clock.run();
	await first;
	const gap = spreader.gapMs();
	expect(gap).toBeGreaterThan(0);
	// Two starts in a row: the second must wait the gap; its run stops meanwhile.
	let stopped = false;
	const leading = pacer.acquire(running);
	const stopping = request(pacer, clock, starts, 10, () => stopped);
	const behind = request(pacer, clock, starts, 10);
	const lead = (await leading) as Release;
	stopped = true;
	await clock.run();
	expect(await stopping).toBe(false);
	expect(await behind).toBe(true);
	lead();
	expect(starts).toHaveLength(2); // the first request's and the one behind
});

test('a release called twice counts its request once', async () => {
	const { clock, spreader, pacer } = spreaderOf(3);
	const release = (await pacer.acquire(running))!;
	await clock.runUntil(30);
	release();
	await clock.runUntil(300);
	release();
	expect(spreader.gapMs()).toBeCloseTo((SPREAD_SHARE * 30) / 3);
});

test('requestLeft: the run waits for its latest request to leave, a share of the shortest request after its start', async () => {
	const { clock, spreader, pacer } = spreaderOf(2);
	// Before any request: at the next timer turn.
	const before = spreader.requestLeft();
	await clock.run();
	await before;
	expect(clock.now()).toBe(0);
	// A request has started, none finished: at most 5 ms after its start.
	const first = (await pacer.acquire(running))!;
	let left = false;
	const leaving = spreader.requestLeft().then(() => (left = true));
	await clock.runUntil(4);
	expect(left).toBe(false);
	await clock.runUntil(5);
	await leaving;
	expect(left).toBe(true);
	await clock.runUntil(12);
	first(); // took 12 ms: a quarter of it, 3 ms, from the next start
	const second = (await pacer.acquire(running))!;
	const startedAt = clock.now();
	const leftAgain = spreader.requestLeft();
	await clock.run();
	await leftAgain;
	expect(clock.now()).toBeCloseTo(startedAt + 3);
	second();
});
