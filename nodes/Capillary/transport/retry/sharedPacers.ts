import type { Connection } from '../types';
import { RequestPacer, type Pacer } from './requestPacer';

/**
 * One pacer per credential and host, shared by every execution in this n8n process: a workflow
 * that calls the node again and again (Loop Over Items, a schedule, many webhooks) must stay under
 * the limit too, and so must two workflows that set different limits (the lower one applies while
 * both run). Processes do not share it (n8n's queue-mode workers each count alone).
 */
const pacers = new Map<string, RequestPacer>();

export interface JoinedPacer {
	pacer: Pacer;
	/** Takes the run's limit off the shared pacer: call it once the run sent its last request. */
	leave: () => void;
}

/**
 * The pacer of the run's credential and host. A run with a limit (> 0) adds it while it runs; a run
 * without one (0) sets none, but keeps to the limits of the runs that do, and its requests count.
 */
export function joinSharedPacer(connection: Connection, perMinute: number): JoinedPacer {
	const key = `${connection.credentialType}\u0000${connection.credentialRef.id}\u0000${connection.baseUrl}`;
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer();
		pacers.set(key, pacer);
	}
	return { pacer, leave: perMinute > 0 ? pacer.join(perMinute) : () => {} };
}
