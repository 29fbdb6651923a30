/**
 * The p-th percentile (0..100) of `values`, interpolated linearly between the two nearest ranks
 * (so the 50th of an even count is the mean of the middle two). Throws on an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) throw new RangeError('percentile of no values');
	if (!(p >= 0 && p <= 100)) throw new RangeError('p must be within 0..100');
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const below = Math.floor(rank);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
}
