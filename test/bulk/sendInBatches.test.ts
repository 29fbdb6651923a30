import { JobQueue } from '../../nodes/Capillary/bulk/jobQueue';
import {
	sendInBatches,
	type BatchOutcome,
	type BatchSending,
} from '../../nodes/Capillary/bulk/sendInBatches';
import type { SentCustomer } from '../../nodes/Capillary/results/itemResults';
import type { BatchJob, CustomerRequest } from '../../nodes/Capillary/helpers/types';
import { customerRequest } from '../support/customerRequest';

const customer = (itemIndex: number, identifierValue = `v${itemIndex}`) =>
	customerRequest(itemIndex, identifierValue);
const job = (...customers: CustomerRequest[]): BatchJob => ({
	group: { programId: 469, promotion: { promotionId: 1 }, identifierName: 'mobile' },
	customers,
});
const ok = (j: BatchJob): BatchOutcome => ({
	results: j.customers.map(() => ({ status: 'success', warnings: [] })),
});
const queueOf = (...jobs: BatchJob[]) => {
	const queue = new JobQueue();
	jobs.forEach((j) => queue.push(j));
	queue.close();
	return queue;
};

/** Sends the jobs, `concurrency` at a time; also gives each customer's result by item index, and how often each was reported. */
async function send(
	jobs: BatchJob[],
	concurrency: number,
	sendJob: BatchSending['sendJob'],
	stoppedBy?: BatchSending['stoppedBy'],
) {
	const byItem: Array<SentCustomer | undefined> = [];
	const reports = new Map<number, number>();
	const { fatal } = await sendInBatches({
		queue: queueOf(...jobs),
		concurrency,
		sendJob,
		isCancelled: () => false,
		stoppedBy,
		onResult: (customer, sent) => {
			byItem[customer.itemIndex] = sent;
			reports.set(customer.itemIndex, (reports.get(customer.itemIndex) ?? 0) + 1);
		},
	});
	expect([...reports.values()].every((count) => count === 1)).toBe(true);
	return { byItem, fatal };
}

test('a batch whose sending throws is unknown, stops the run, and later batches are not sent', async () => {
	const jobs = [job(customer(0)), job(customer(1)), job(customer(2))];
	let calls = 0;
	const { byItem, fatal } = await send(jobs, 1, async (j) => {
		if (calls++ === 1) throw new Error('boom');
		return ok(j);
	});
	expect(byItem[0]?.result.status).toBe('success');
	expect(byItem[1]?.result).toMatchObject({ status: 'failed', error: { outcome: 'unknown' } });
	expect(byItem[2]?.result).toMatchObject({
		status: 'failed',
		error: { outcome: 'not_applied', message: expect.stringMatching(/^Not sent/) },
	});
	expect(fatal?.message).toContain('boom');
	expect(calls).toBe(2);
});

test('a batch holding a customer in flight waits for it; other batches do not', async () => {
	const events: string[] = [];
	const slow = async (j: BatchJob) => {
		events.push(`start ${j.customers[0].itemIndex}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
		events.push(`end ${j.customers[0].itemIndex}`);
		return ok(j);
	};
	await send([job(customer(0, 'same')), job(customer(1, 'same'))], 2, slow);
	expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1']);
	events.length = 0;
	await send([job(customer(0, 'one')), job(customer(1, 'other'))], 2, slow);
	expect(events.slice(0, 2)).toEqual(['start 0', 'start 1']);
});

test('a send waiting in line sees the stop once another batch failed for good', async () => {
	const stops: boolean[] = [];
	await send([job(customer(0)), job(customer(1))], 2, async (j, shouldStop) => {
		if (j.customers[0].itemIndex === 0) return { ...ok(j), fatal: { code: 403, message: 'no' } };
		await new Promise((resolve) => setTimeout(resolve, 10));
		stops.push(shouldStop());
		return ok(j);
	});
	expect(stops).toEqual([true]);
});

test('stoppedBy sends nothing and reports every customer not sent', async () => {
	const sendJob = jest.fn(async (j: BatchJob) => ok(j));
	const { byItem } = await send([job(customer(0)), job(customer(1))], 2, sendJob, {
		code: null,
		message: 'bad options',
	});
	expect(sendJob).not.toHaveBeenCalled();
	expect(byItem.map((s) => s?.result)).toEqual([
		expect.objectContaining({
			error: expect.objectContaining({ message: 'Not sent, because the run stopped: bad options' }),
		}),
		expect.objectContaining({
			error: expect.objectContaining({ message: 'Not sent, because the run stopped: bad options' }),
		}),
	]);
});

test('after an abort, batches still in the queue are reported not sent, and none is sent', async () => {
	const queue = new JobQueue();
	queue.push(job(customer(0)));
	queue.push(job(customer(1)));
	queue.abort();
	const reported: number[] = [];
	const sendJob = jest.fn(async (j: BatchJob) => ok(j));
	await sendInBatches({
		queue,
		concurrency: 2,
		sendJob,
		isCancelled: () => false,
		onResult: (c, sent) => sent.result.status === 'failed' && reported.push(c.itemIndex),
	});
	expect(sendJob).not.toHaveBeenCalled();
	expect(reported.sort()).toEqual([0, 1]);
});

test('a result that cannot be recorded stops the run without hanging it, and the other results are still recorded', async () => {
	const recorded: number[] = [];
	const sendJob = jest.fn(async (j: BatchJob) => ok(j));
	const { fatal } = await sendInBatches({
		queue: queueOf(job(customer(0), customer(1)), job(customer(2))),
		concurrency: 1,
		sendJob,
		isCancelled: () => false,
		onResult: (c) => {
			if (c.itemIndex === 0) throw new Error('cannot build');
			recorded.push(c.itemIndex);
		},
	});
	expect(fatal?.message).toContain('cannot build');
	expect(sendJob).toHaveBeenCalledTimes(1);
	expect(recorded).toEqual([1, 2]); // item 2: not sent
});
