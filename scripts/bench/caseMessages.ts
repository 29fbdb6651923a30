import type { CaseMeasurement } from './types';

/** IPC from a case process: its measurement, once the workflow run has ended. */
export interface CaseResultMessage {
	type: 'measured';
	measurement: CaseMeasurement;
}

export function isCaseResult(message: unknown): message is CaseResultMessage {
	return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'measured';
}
