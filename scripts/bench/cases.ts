import { DEMO } from '../../test/sandbox';
import type { BenchOptions } from './options';
import type { BatchCase, BenchCase, Latency, OneItemVia } from './types';

/** Customers per request of the node as users leave it, and of the per-item baseline. */
export const NODE_BATCH_SIZE = 100;
export const PER_ITEM_BATCH_SIZE = 1;

/**
 * Every case the options ask for. At the fixed latency, grouped by N: engine baseline first, then
 * the node at each C; then the per-item baseline and the references. Then the jittered cases (node
 * and both references at each C), and last the one-item cases (the node, then the HTTP Request node
 * when `withHttpRequest`).
 */
export function planCases(options: BenchOptions, { withHttpRequest = true } = {}): BenchCase[] {
	const tooMany = [
		...options.sizes,
		...options.perItemSizes,
		...options.transportSizes,
		...options.jitteredSizes,
		options.oneItemExecutions,
	].find((n) => n > DEMO.customerCount);
	if (tooMany !== undefined)
		throw new Error(`N = ${tooMany}: the sandbox knows ${DEMO.customerCount} customers`);
	const fixed: Latency = { ms: options.latencyMs, jitter: 0 };
	const jittered: Latency = { ms: options.jitteredLatencyMs, jitter: options.jitter };
	const batches = (
		kind: BatchCase['kind'],
		customers: number,
		parallelRequests: number,
		latency: Latency,
	): BatchCase => ({
		kind,
		customers,
		parallelRequests,
		batchSize: kind === 'perItem' ? PER_ITEM_BATCH_SIZE : NODE_BATCH_SIZE,
		latency,
	});
	const cases: BenchCase[] = [];
	for (const customers of options.sizes) {
		cases.push({ kind: 'engine', customers, latency: fixed });
		for (const c of options.concurrencies) cases.push(batches('node', customers, c, fixed));
	}
	for (const customers of options.perItemSizes)
		for (const c of options.concurrencies) cases.push(batches('perItem', customers, c, fixed));
	for (const customers of options.transportSizes)
		for (const c of options.concurrencies)
			cases.push(
				batches('requests', customers, c, fixed),
				batches('transport', customers, c, fixed),
			);
	for (const customers of options.jitteredSizes)
		for (const c of options.concurrencies)
			cases.push(
				batches('node', customers, c, jittered),
				batches('requests', customers, c, jittered),
				batches('transport', customers, c, jittered),
			);
	if (options.oneItemExecutions > 0) {
		const vias: OneItemVia[] = withHttpRequest ? ['node', 'httpRequest'] : ['node'];
		for (const via of vias)
			cases.push({ kind: 'oneItem', via, customers: options.oneItemExecutions, latency: fixed });
	}
	return cases;
}

/** The cases that send batches of customers (every kind but the engine baseline and the one-item cases). */
export const isBatchCase = (benchCase: BenchCase): benchCase is BatchCase =>
	benchCase.kind !== 'engine' && benchCase.kind !== 'oneItem';

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
		case 'oneItem':
			return benchCase.via === 'node' ? 'one item: Capillary node' : 'one item: HTTP Request node';
	}
}
