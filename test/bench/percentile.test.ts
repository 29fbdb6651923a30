import { percentile } from '../../scripts/bench/percentile';

describe('percentile', () => {
	it('the median: the middle value, or the mean of the middle two', () => {
		expect(percentile([5, 1, 3], 50)).toBe(3);
		expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
	});

	it('p90 interpolates between the nearest ranks; p0 and p100 are the extremes', () => {
		const values = Array.from({ length: 11 }, (_, i) => i * 10); // 0..100
		expect(percentile(values, 90)).toBe(90);
		expect(percentile([1, 2], 90)).toBeCloseTo(1.9);
		expect(percentile(values, 0)).toBe(0);
		expect(percentile(values, 100)).toBe(100);
	});

	it('leaves its input unsorted; refuses no values and p outside 0..100', () => {
		const values = [3, 1, 2];
		percentile(values, 50);
		expect(values).toEqual([3, 1, 2]);
		expect(() => percentile([], 50)).toThrow(RangeError);
		expect(() => percentile([1], 101)).toThrow(RangeError);
	});
});
