import {
	STOP_CHECK_MS,
	waitUnlessStopped,
} from '../../../nodes/Capillary/transport/retry/waitUnlessStopped';
import { virtualClock } from '../../support/virtualClock';

test('waits the whole time while the run goes on', async () => {
	const clock = virtualClock();
	let result: boolean | undefined;
	void waitUnlessStopped(20_000, () => false, clock.wait, clock.now).then(
		(stopped) => (result = stopped),
	);
	await clock.run(() => result !== undefined);
	expect(result).toBe(false);
	expect(clock.now()).toBe(20_000);
});

test('ends within one stop check of the stop, and at once if stopped already', async () => {
	const clock = virtualClock();
	let endedAt: number | undefined;
	void waitUnlessStopped(20_000, () => clock.now() >= 5_050, clock.wait, clock.now).then(
		(stopped) => {
			expect(stopped).toBe(true);
			endedAt = clock.now();
		},
	);
	await clock.run(() => endedAt !== undefined);
	expect(endedAt).toBeGreaterThanOrEqual(5_050);
	expect(endedAt).toBeLessThanOrEqual(5_050 + STOP_CHECK_MS);
	expect(await waitUnlessStopped(20_000, () => true, clock.wait, clock.now)).toBe(true);
	expect(clock.now()).toBe(endedAt);
});
