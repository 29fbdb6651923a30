import { bunchedShare } from '../../scripts/bench/arrivals';

describe('bunched arrivals', () => {
	it('the share of arrivals after the first within 1 ms of the previous one', () => {
		expect(bunchedShare([0, 0.2, 0.9, 25, 25.5])).toBe(3 / 4);
		expect(bunchedShare([0, 1, 2, 3])).toBe(0);
		expect(bunchedShare([0, 6.25, 12.5, 18.75])).toBe(0);
	});

	it('undefined with fewer than two arrivals', () => {
		expect(bunchedShare([])).toBeUndefined();
		expect(bunchedShare([7])).toBeUndefined();
	});
});
