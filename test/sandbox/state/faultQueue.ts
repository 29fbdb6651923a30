import type { Fault } from '../types';
import { ENDPOINTS } from '../../../nodes/Capillary/transport/endpoints';

interface QueuedFault {
	fault: Fault;
	remaining: number;
}

/**
 * FIFO of injected faults. A request takes at most one fault: the oldest one aimed at its path
 * (the bulk endpoint when the fault names no path). A fault stays queued until used `times` times.
 */
export class FaultQueue {
	private readonly queue: QueuedFault[] = [];

	add(fault: Fault): void {
		const times = fault.times ?? 1;
		if (!Number.isInteger(times) || times < 1)
			throw new RangeError('fault.times must be a positive integer');
		if (fault.type === 'drip' && !(fault.intervalMs > 0))
			throw new RangeError('a drip fault needs a positive intervalMs');
		if (fault.type === 'strip' && !(Array.isArray(fault.fields) && fault.fields.length > 0))
			throw new RangeError('a strip fault needs at least one field');
		this.queue.push({ fault, remaining: times });
	}

	take(path: string): Fault | undefined {
		const index = this.queue.findIndex(
			(queued) => (queued.fault.path ?? ENDPOINTS.bulkEnrolAndEarn) === path,
		);
		if (index < 0) return undefined;
		const queued = this.queue[index];
		queued.remaining -= 1;
		if (queued.remaining === 0) this.queue.splice(index, 1);
		return queued.fault;
	}

	clear(): void {
		this.queue.length = 0;
	}
}
