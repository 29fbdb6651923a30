import { fixedFloorMs, listScheduleMakespanMs } from '../../scripts/bench/floor';

describe('the floor of a case', () => {
	it('fixed latency: ceil(N / batch size) / C × L', () => {
		expect(fixedFloorMs(10_000, 100, 4, 25)).toBe(625);
		expect(fixedFloorMs(1_050, 100, 1, 25)).toBe(275);
	});

	it('one worker: the sum of the latencies', () => {
		expect(listScheduleMakespanMs([100, 70, 130], 1)).toBe(300);
	});

	it('C workers: each request starts on the first worker free, in arrival order', () => {
		// Workers: [100] [70] → the third (130) goes to the one free at 70 → 200; the fourth (10) at 100 → 110.
		expect(listScheduleMakespanMs([100, 70, 130, 10], 2)).toBe(200);
		expect(listScheduleMakespanMs([100, 70, 130], 4)).toBe(130);
	});

	it('equal latencies: the fixed floor (rounded up to whole waves)', () => {
		const latencies = new Array<number>(100).fill(25);
		expect(listScheduleMakespanMs(latencies, 4)).toBe(fixedFloorMs(10_000, 100, 4, 25));
	});

	it('no requests: 0; refuses a worker count that is not a positive integer', () => {
		expect(listScheduleMakespanMs([], 4)).toBe(0);
		expect(() => listScheduleMakespanMs([1], 0)).toThrow(RangeError);
	});
});
