import { AfterRequestLeft } from '../../nodes/Capillary/bulk/afterRequestLeft';

/** A requestLeft whose waits end when the test says. */
function controlledLeaving() {
	const waits: Array<() => void> = [];
	const requestLeft = () => new Promise<void>((resolve) => waits.push(resolve));
	return { requestLeft, waits, leave: async () => (waits.shift()?.(), await Promise.resolve()) };
}

test('tasks wait for the latest request to leave, then run in the order added, with one wait for all', async () => {
	const leaving = controlledLeaving();
	const after = new AfterRequestLeft(leaving.requestLeft);
	const ran: number[] = [];
	after.add(() => ran.push(1));
	after.add(() => ran.push(2));
	expect(ran).toEqual([]);
	expect(leaving.waits).toHaveLength(1);
	await leaving.leave();
	expect(ran).toEqual([1, 2]);
	// A later task waits anew.
	after.add(() => ran.push(3));
	expect(leaving.waits).toHaveLength(1);
	await leaving.leave();
	expect(ran).toEqual([1, 2, 3]);
});

test('flush runs what is left at once, and the wait then finds nothing to do', async () => {
	const leaving = controlledLeaving();
	const after = new AfterRequestLeft(leaving.requestLeft);
	const ran: number[] = [];
	after.add(() => ran.push(1));
	after.flush();
	expect(ran).toEqual([1]);
	await leaving.leave();
	expect(ran).toEqual([1]);
});
