export interface Page<T> {
	items: T[];
	totalEntries: number;
	pageCount: number;
}

/** Zero-based page `pageIndex` of `size` items. */
export function pageOf<T>(all: readonly T[], pageIndex: number, size: number): Page<T> {
	const start = pageIndex * size;
	return {
		items: all.slice(start, start + size),
		totalEntries: all.length,
		pageCount: Math.ceil(all.length / size),
	};
}

/** Non-negative integer from a query value; `fallback` when absent; undefined when malformed. */
export function queryInteger(value: string | null, fallback?: number): number | undefined {
	if (value === null || value === '') return fallback;
	return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
