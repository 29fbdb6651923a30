import type { Latency, SandboxStats } from './types';

/** IPC between the benchmark and its sandbox process. */
export type SandboxCommand =
	| { type: 'reset'; latency: Latency }
	| { type: 'stats' }
	| { type: 'stop' };

export type SandboxReply =
	| { type: 'ready'; url: string }
	| { type: 'resetDone' }
	| { type: 'stats'; stats: SandboxStats };

export function isSandboxReply<K extends SandboxReply['type']>(type: K) {
	return (message: unknown): message is Extract<SandboxReply, { type: K }> =>
		typeof message === 'object' &&
		message !== null &&
		(message as { type?: unknown }).type === type;
}
