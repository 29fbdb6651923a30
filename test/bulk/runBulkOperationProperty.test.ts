import fc from 'fast-check';
import type { INodeExecutionData } from 'n8n-workflow';

import { runBulkOperation, type SendJob } from '../../nodes/Capillary/bulk/runBulkOperation';
import type { BatchJob, CustomerResult, ItemResult } from '../../nodes/Capillary/helpers/types';
import { stubContext } from '../support/stubContext';

// The property drives runBulkOperation's own bookkeeping (reading, batching, the queue, parallel
// senders, stops) with sends that succeed, fail for good, throw or get cancelled, faster and in more
// combinations than the engine and the sandbox allow.

type SendOutcome = 'success' | 'fatal' | 'throws';

const failed = (code: number | null, message: string): CustomerResult => ({
	status: 'failed',
	error: { kind: 'request_failed', code, message, outcome: 'not_applied' },
});

const scenario = fc.record({
	mobiles: fc.array(
		fc.oneof(
			fc.constant('bad'),
			fc.integer({ min: 0, max: 14 }).map((k) => `9190000${String(k).padStart(5, '0')}`),
		),
		{ maxLength: 40 },
	),
	batchSize: fc.integer({ min: 1, max: 4 }),
	parallelRequests: fc.integer({ min: 1, max: 4 }),
	deduplicate: fc.boolean(),
	cancelAtSend: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
	sends: fc.array(
		fc.record({
			outcome: fc.constantFrom<SendOutcome>('success', 'success', 'success', 'fatal', 'throws'),
			delayMs: fc.integer({ min: 0, max: 2 }),
		}),
		{ minLength: 40, maxLength: 40 },
	),
});

test('every item gets exactly one result, nothing is sent once the run stopped, and the run always ends', async () => {
	await fc.assert(
		fc.asyncProperty(
			scenario,
			async ({ mobiles, batchSize, parallelRequests, deduplicate, cancelAtSend, sends }) => {
				const items: INodeExecutionData[] = mobiles.map((mobile) => ({ json: { mobile } }));
				const controller = new AbortController();
				let calls = 0;
				let stopSeen = false;
				let sentAfterStop = false;
				const sendJob: SendJob = async (_context, sender, job: BatchJob) => {
					const { outcome, delayMs } = sends[calls % sends.length];
					if (calls++ === cancelAtSend) controller.abort();
					await new Promise((resolve) => setTimeout(resolve, delayMs));
					if (sender.shouldStop()) {
						// As sendWithRetries does: a batch that was waiting (connection, rate limit, retry) does not leave.
						stopSeen = true;
						return { results: job.customers.map(() => failed(null, 'Not sent')) };
					}
					sentAfterStop ||= stopSeen;
					if (outcome === 'throws') throw new Error('boom');
					if (outcome === 'fatal')
						return {
							results: job.customers.map(() => failed(403, 'no')),
							fatal: { code: 403, message: 'no' },
						};
					return {
						results: job.customers.map(() => ({ status: 'success' as const, warnings: [] })),
					};
				};
				const reported = new Map<number, ItemResult[]>();
				const emit = (result: ItemResult) =>
					reported.set(result.itemIndex, [...(reported.get(result.itemIndex) ?? []), result]);
				const options = { batchSize, parallelRequests, deduplicate };
				let timer: NodeJS.Timeout | undefined;
				const ended = await Promise.race([
					runBulkOperation(
						stubContext({ options, signal: controller.signal }),
						items,
						sendJob,
						emit,
					).then(() => true),
					new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2000))),
				]);
				clearTimeout(timer);
				expect(ended).toBe(true);
				expect(sentAfterStop).toBe(false);
				items.forEach((_, itemIndex) => expect(reported.get(itemIndex)).toHaveLength(1));
				expect(reported.size).toBe(items.length);
			},
		),
		{ numRuns: 200, seed: 20261126 },
	);
});
