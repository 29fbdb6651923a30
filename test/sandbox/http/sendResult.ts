import type { ServerResponse } from 'node:http';
import type { RequestRecord } from '../types';
import type { HandlerResult } from './handlerTypes';

export const REQUEST_ID_HEADER = 'X-Cap-Requestid';

/** Writes the answer and records its status; a socket already gone leaves the status null. */
export function sendResult(response: ServerResponse, record: RequestRecord, result: HandlerResult): void {
	if (response.destroyed || response.socket === null || response.socket.destroyed) return;
	const text = result.raw ?? (result.body === undefined ? '' : JSON.stringify(result.body));
	const headers: Record<string, string | number> = { [REQUEST_ID_HEADER]: record.requestId };
	if (text !== '') headers['Content-Type'] = 'application/json; charset=utf-8';
	Object.assign(headers, result.headers);
	headers['Content-Length'] = Buffer.byteLength(text);
	response.writeHead(result.status, headers);
	response.end(text);
	record.status = result.status;
}
