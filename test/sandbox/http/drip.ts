import type { ServerResponse } from 'node:http';
import type { Fault, RequestRecord } from '../types';
import type { SerialisedAnswer } from './sendResult';
import type { Timers } from './timers';

type DripFault = Extract<Fault, { type: 'drip' }>;

const DEFAULT_DRIP_BYTES = 100;

/**
 * Writes the answer's status and headers at once, then one space every `intervalMs`, then the
 * body; chunked, since the length is not known up front. Stops writing once the client left
 * (status stays null); close() cancels the pending delay, which abandons the drip with its socket.
 */
export async function dripAnswer(
	response: ServerResponse,
	record: RequestRecord,
	answer: SerialisedAnswer,
	fault: DripFault,
	timers: Timers,
): Promise<void> {
	if (!open(response)) return;
	const headers = Object.fromEntries(
		Object.entries(answer.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
	);
	response.writeHead(answer.status, headers);
	response.flushHeaders();
	const bytes = fault.forever ? Infinity : (fault.bytes ?? DEFAULT_DRIP_BYTES);
	for (let written = 0; written < bytes; written++) {
		await timers.delay(fault.intervalMs);
		if (!open(response)) return;
		response.write(' ');
	}
	response.end(answer.text);
	record.status = answer.status;
}

function open(response: ServerResponse): boolean {
	return !response.destroyed && response.socket !== null && !response.socket.destroyed;
}
