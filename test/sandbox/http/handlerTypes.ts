import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxState } from '../state/sandboxState';
import type { RequestRecord } from '../types';

/** What a handler decided to answer; the pipeline writes it (or a fault replaces it). */
export interface HandlerResult {
	status: number;
	body?: unknown; // serialised as JSON unless `raw` is set
	raw?: string;
	headers?: Record<string, string>;
}

export interface RequestContext {
	requestId: string;
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	json: unknown; // parsed body of a POST, undefined for GET
	record: RequestRecord;
	state: SandboxState;
}

export type Handler = (context: RequestContext) => HandlerResult;

export function jsonResult(status: number, body: unknown): HandlerResult {
	return { status, body };
}
