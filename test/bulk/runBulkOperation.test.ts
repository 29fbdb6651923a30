import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBulkOperation, type SendJob } from '../../nodes/Capillary/bulk/runBulkOperation';
import type { ItemResult } from '../../nodes/Capillary/helpers/types';
import { stubContext } from '../support/stubContext';

test('if reading an item throws, batches already queued are not sent after the node has failed', async () => {
	const items: INodeExecutionData[] = ['919000000001', '919000000002', '919000000003'].map(
		(mobile) => ({ json: { mobile } }),
	);
	const hostile: Record<string, unknown> = {};
	Object.defineProperty(hostile, 'mobile', {
		enumerable: true,
		get: () => {
			throw new Error('boom');
		},
	});
	items.push({ json: hostile as never });
	const sent: number[] = [];
	const sendJob: SendJob = async (_c, _s, job) => {
		sent.push(job.customers[0].itemIndex);
		return { results: job.customers.map(() => ({ status: 'success' as const, warnings: [] })) };
	};
	const outcome = await runBulkOperation(
		stubContext({ options: { batchSize: 1 } }),
		items,
		sendJob,
		() => undefined,
	).then(
		() => 'resolved',
		(e: Error) => `rejected: ${e.message}`,
	);
	const sentWhenEnded = sent.length;
	await new Promise((resolve) => setTimeout(resolve, 50));
	expect(outcome).toBe('resolved'); // every item should still get a result (item 3: Failed, invalid input)
	expect(sent.length).toBe(sentWhenEnded);
});

test('reading stays at most Parallel Requests batches ahead of sending, so that it overlaps the network waits', async () => {
	const parallelRequests = 2;
	const batchSize = 5;
	const items: INodeExecutionData[] = Array.from({ length: 100 }, (_, k) => ({
		json: { mobile: `9190000${String(k).padStart(5, '0')}` },
	}));
	const base = stubContext({ options: { batchSize: 1 } });
	let itemsRead = 0;
	const node = base.getNode();
	node.parameters.identifierValue = '={{ $json.mobile.trim() }}'; // not the fast path: read through getNodeParameter
	node.parameters.options = { batchSize, parallelRequests };
	const reading = {
		...base,
		getNode: () => node,
		getNodeParameter: (name: string, itemIndex: number) => {
			if (name !== 'identifierValue') return base.getNodeParameter(name, itemIndex);
			itemsRead = Math.max(itemsRead, itemIndex + 1);
			return items[itemIndex].json.mobile;
		},
	} as unknown as IExecuteFunctions;
	const readWhenSent: number[] = [];
	const sendJob: SendJob = async (_c, _s, job) => {
		readWhenSent.push(itemsRead);
		await new Promise((resolve) => setTimeout(resolve, 2));
		return { results: job.customers.map(() => ({ status: 'success' as const, warnings: [] })) };
	};
	const results: ItemResult[] = [];
	await runBulkOperation(reading, items, sendJob, (result) => results.push(result));
	expect(results.map((r) => r.itemIndex).sort((a, b) => a - b)).toEqual(items.map((_, k) => k));
	expect(results.every((r) => r.result.status === 'success')).toBe(true);
	expect(readWhenSent).toHaveLength(items.length / batchSize);
	// When batch k leaves, at most k + 1 (itself) + parallelRequests (queued) + 1 (being filled) batches were read.
	readWhenSent.forEach((read, k) =>
		expect(read).toBeLessThanOrEqual((k + 2 + parallelRequests) * batchSize),
	);
	expect(readWhenSent[0]).toBeLessThan(items.length / 2);
});
