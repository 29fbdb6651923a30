import { DEMO } from '../../test/sandbox';
import type { BenchOptions } from './options';
import type { BenchCase } from './types';

/** Customers per request of the node as users leave it, and of the per-item baseline. */
export const NODE_BATCH_SIZE = 100;
export const PER_ITEM_BATCH_SIZE = 1;

/** Every case the options ask for, grouped by N: engine baseline first, then the node at each C; the references last. */
export function planCases(options: BenchOptions): BenchCase[] {
	const tooMany = [...options.sizes, ...options.perItemSizes, ...options.transportSizes].find(
		(n) => n > DEMO.customerCount,
	);
	if (tooMany !== undefined)
		throw new Error(`N = ${tooMany}: the sandbox knows ${DEMO.customerCount} customers`);
	const cases: BenchCase[] = [];
	for (const customers of options.sizes) {
		cases.push({ kind: 'engine', customers });
		for (const parallelRequests of options.concurrencies) {
			cases.push({ kind: 'node', customers, parallelRequests, batchSize: NODE_BATCH_SIZE });
		}
	}
	for (const customers of options.perItemSizes) {
		for (const parallelRequests of options.concurrencies) {
			cases.push({ kind: 'perItem', customers, parallelRequests, batchSize: PER_ITEM_BATCH_SIZE });
		}
	}
	for (const customers of options.transportSizes) {
		for (const parallelRequests of options.concurrencies) {
			cases.push({ kind: 'requests', customers, parallelRequests, batchSize: NODE_BATCH_SIZE });
			cases.push({ kind: 'transport', customers, parallelRequests, batchSize: NODE_BATCH_SIZE });
		}
	}
	return cases;
}

export function caseLabel(benchCase: BenchCase): string {
	switch (benchCase.kind) {
		case 'engine':
			return 'engine baseline';
		case 'perItem':
			return 'per-item baseline';
		case 'node':
			return 'Capillary node';
		case 'requests':
			return 'n8n requests only';
		case 'transport':
			return 'transport (no n8n)';
	}
}
