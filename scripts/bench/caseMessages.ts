import type { CaseMeasurement } from './types';

/** IPC from a case process: warmed up, waiting for the sandbox to be reset before the clock starts. */
export interface WarmedUpMessage {
	type: 'warmedUp';
}

/** IPC to a case process: the sandbox is reset, start the measured run. */
export interface StartMessage {
	type: 'start';
}

/** IPC from a case process: its measurement, once the workflow run has ended. */
export interface CaseResultMessage {
	type: 'measured';
	measurement: CaseMeasurement;
}

const isMessage =
	<T extends { type: string }>(type: T['type']) =>
	(message: unknown): message is T =>
		typeof message === 'object' &&
		message !== null &&
		(message as { type?: unknown }).type === type;

export const isWarmedUp = isMessage<WarmedUpMessage>('warmedUp');
export const isStart = isMessage<StartMessage>('start');
export const isCaseResult = isMessage<CaseResultMessage>('measured');
