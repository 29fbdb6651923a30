import { JobQueue } from '../../nodes/Capillary/bulk/jobQueue';
import type { BatchJob } from '../../nodes/Capillary/helpers/types';

const job = (n: number): BatchJob => ({
	group: { programId: n, promotion: { promotionId: 1 }, identifierName: 'id' },
	customers: [],
});

test('hands out jobs in push order, waiting for the next one, and ends once closed and drained', async () => {
	const queue = new JobQueue();
	const first = queue.next();
	const second = queue.next();
	queue.push(job(1));
	queue.push(job(2));
	expect((await first)?.group.programId).toBe(1);
	expect((await second)?.group.programId).toBe(2);
	const third = queue.next();
	queue.push(job(3));
	queue.close();
	expect((await third)?.group.programId).toBe(3);
	expect(await queue.next()).toBeUndefined();
	expect(queue.pending).toBe(0);
});

test('room(limit) waits while limit or more jobs wait to be handed out', async () => {
	const queue = new JobQueue();
	const resolved = (promise: Promise<void>) =>
		Promise.race([
			promise.then(() => true),
			new Promise<boolean>((r) => setImmediate(() => r(false))),
		]);
	expect(await resolved(queue.room(1))).toBe(true);
	queue.push(job(1));
	queue.push(job(2));
	expect(queue.pending).toBe(2);
	const roomForOne = queue.room(1);
	const roomForTwo = queue.room(2);
	expect(await resolved(roomForTwo)).toBe(false);
	await queue.next();
	expect(await resolved(roomForTwo)).toBe(true);
	expect(await resolved(roomForOne)).toBe(false);
	await queue.next();
	expect(await resolved(roomForOne)).toBe(true);
});
