import { JobQueue } from '../../nodes/Capillary/actions/jobQueue';
import type { BatchJob } from '../../nodes/Capillary/helpers/types';

const job = (n: number): BatchJob => ({ group: { programId: n, promotion: { promotionId: 1 }, identifierName: 'id' }, customers: [] });

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
	expect(queue.all.map((j) => j.group.programId)).toEqual([1, 2, 3]);
});
