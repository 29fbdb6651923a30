import { mulberry32 } from './latency/mulberry32';

describe('mulberry32', () => {
	it('the same seed gives the same sequence; another seed another one', () => {
		const draw = (seed: number) => {
			const next = mulberry32(seed);
			return Array.from({ length: 5 }, () => next());
		};
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
	});

	it('draws within [0, 1), spread over the range', () => {
		const next = mulberry32(1);
		const values = Array.from({ length: 10_000 }, () => next());
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
		expect(mean).toBeGreaterThan(0.48);
		expect(mean).toBeLessThan(0.52);
		expect(values.filter((value) => value < 0.1).length).toBeGreaterThan(900);
	});
});
