/** `map` with at most `concurrency` calls of `fn` pending at once; results in input order. */
export async function mapConcurrently<T, R>(
	inputs: readonly T[],
	concurrency: number,
	fn: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const worker = async () => {
		for (let i = next++; i < inputs.length; i = next++) results[i] = await fn(inputs[i], i);
	};
	await Promise.all(
		Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker),
	);
	return results;
}
