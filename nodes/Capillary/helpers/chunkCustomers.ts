/** Splits a list into consecutive chunks of at most `size` (size ≥ 1), keeping order. */
export function chunkCustomers<T>(customers: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a whole number ≥ 1, got ${size}`);
	const chunks: T[][] = [];
	for (let start = 0; start < customers.length; start += size) chunks.push(customers.slice(start, start + size));
	return chunks;
}
