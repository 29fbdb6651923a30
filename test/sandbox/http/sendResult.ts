import type { ServerResponse } from 'node:http';
import type { RequestRecord } from '../types';
import type { HandlerResult } from './handlerTypes';

export const REQUEST_ID_HEADER = 'X-Cap-Requestid';

/** An answer ready to write: serialised before the latency wait, as a server does its work within its response time. */
export interface SerialisedAnswer {
	status: number;
	headers: Record<string, string | number>;
	text: string;
}

export function serialiseResult(record: RequestRecord, result: HandlerResult): SerialisedAnswer {
	const text = result.raw ?? (result.body === undefined ? '' : JSON.stringify(result.body));
	const headers: Record<string, string | number> = { [REQUEST_ID_HEADER]: record.requestId };
	if (text !== '') headers['Content-Type'] = 'application/json; charset=utf-8';
	Object.assign(headers, result.headers);
	headers['Content-Length'] = Buffer.byteLength(text);
	return { status: result.status, headers, text };
}

/** Writes the answer and records its status; a socket already gone leaves the status null. */
export function sendAnswer(
	response: ServerResponse,
	record: RequestRecord,
	answer: SerialisedAnswer,
): void {
	if (response.destroyed || response.socket === null || response.socket.destroyed) return;
	response.writeHead(answer.status, answer.headers);
	response.end(answer.text);
	record.status = answer.status;
}
