import type { IExecuteFunctions } from 'n8n-workflow';

import type { FatalFailure } from '../helpers/types';
import { resolveConnection, type ResolvedConnection } from './resolveConnection';
import type { Pacer } from './retry/requestPacer';
import { joinSharedPacer, type JoinedPacer } from './retry/sharedPacers';
import type { Connection } from './types';

export interface RunConnection {
	/**
	 * The run's connection and its place on the shared rate limiter, both taken when the first
	 * request asks (every later one gets the same); or why the credential cannot be used.
	 */
	open(): Promise<{ connection: Connection; pacer: Pacer } | { fatal: FatalFailure }>;
	/** Takes the run's limit off the shared pacer: call it once the run sent its last request. */
	leave(): void;
}

/** One execution's connection to Capillary, opened lazily, so that a run that sends nothing loads no credential. */
export function runConnection(
	context: IExecuteFunctions,
	settings: { timeout: number; maxRequestsPerMinute: number },
): RunConnection {
	let connection: Promise<ResolvedConnection> | undefined;
	let paced: JoinedPacer | undefined;
	return {
		async open() {
			connection ??= resolveConnection(context, settings.timeout);
			const resolved = await connection;
			if ('fatal' in resolved) return resolved;
			paced ??= joinSharedPacer(resolved.connection, settings.maxRequestsPerMinute);
			return { connection: resolved.connection, pacer: paced.pacer };
		},
		leave: () => paced?.leave(),
	};
}
