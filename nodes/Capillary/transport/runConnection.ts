import type { IExecuteFunctions } from 'n8n-workflow';

import type { FatalFailure } from '../helpers/types';
import { resolveConnection, type ResolvedConnection } from './resolveConnection';
import type { Pacer } from './retry/requestPacer';
import { joinSharedPacer, type JoinedPacer } from './retry/sharedPacers';
import { StartSpreader } from './retry/startSpreader';
import type { Connection } from './types';

export interface RunConnection {
	/**
	 * The run's connection and its place on the shared rate limiter, both taken when the first
	 * request asks (every later one gets the same); or why the credential cannot be used.
	 */
	open(): Promise<{ connection: Connection; pacer: Pacer } | { fatal: FatalFailure }>;
	/** Resolves once the run's latest request has had time to leave (see StartSpreader). */
	requestLeft(): Promise<void>;
	/** Takes the run's limit off the shared pacer: call it once the run sent its last request. */
	leave(): void;
}

/**
 * One execution's connection to Capillary, opened lazily, so that a run that sends nothing loads no
 * credential. Its requests wait for the shared pacer, their starts spread (StartSpreader).
 */
export function runConnection(
	context: IExecuteFunctions,
	settings: { timeout: number; maxRequestsPerMinute: number; parallelRequests: number },
): RunConnection {
	let connection: Promise<ResolvedConnection> | undefined;
	let paced: JoinedPacer | undefined;
	const starts = new StartSpreader(settings.parallelRequests);
	let pacer: Pacer | undefined;
	return {
		async open() {
			connection ??= resolveConnection(context, settings.timeout);
			const resolved = await connection;
			if ('fatal' in resolved) return resolved;
			paced ??= joinSharedPacer(resolved.connection, settings.maxRequestsPerMinute);
			pacer ??= starts.over(paced.pacer);
			return { connection: resolved.connection, pacer };
		},
		requestLeft: async () => await starts.requestLeft(),
		leave: () => paced?.leave(),
	};
}
