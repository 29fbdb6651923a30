import type { Connection } from '../transport';
import { RequestPacer } from './requestPacer';

/**
 * One pacer per credential, host and limit, shared by every execution in this n8n process: a
 * workflow that calls the node again and again (Loop Over Items, a schedule, many webhooks) must
 * stay under the limit too. Processes do not share it (n8n's queue-mode workers each count alone).
 */
const pacers = new Map<string, RequestPacer>();

const noLimit = new RequestPacer(0);

export function sharedPacer(connection: Connection, perMinute: number): RequestPacer {
	if (perMinute <= 0) return noLimit;
	const key = `${connection.credentialType}\u0000${connection.credentialRef.id}\u0000${connection.baseUrl}\u0000${perMinute}`;
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer(perMinute);
		pacers.set(key, pacer);
	}
	return pacer;
}
