import type { Fault } from '../types';
import type { HandlerResult } from './handlerTypes';

type StatusFault = Extract<Fault, { type: 'status' }>;

/** Object bodies go out as JSON, strings raw, no body as an empty one. */
export function statusFaultResult(fault: StatusFault): HandlerResult {
	const headers: Record<string, string> = {};
	if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
	if (typeof fault.body === 'string') {
		headers['Content-Type'] = fault.body.trimStart().startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
		return { status: fault.status, raw: fault.body, headers };
	}
	return { status: fault.status, body: fault.body, headers };
}

/** A 200 whose body is cut off mid-JSON, as a broken proxy or a dropped connection would leave it. */
export function malformedResult(): HandlerResult {
	return { status: 200, raw: '{"response":[{"result":{"entityType":"CUSTOMER","entityId":' };
}

/** Drops the last `drop` entries of response[], leaving the counts and status untouched. */
export function shortenedResult(result: HandlerResult, drop: number): HandlerResult {
	const body = result.body;
	if (typeof body !== 'object' || body === null || !Array.isArray((body as { response?: unknown }).response)) return result;
	const response = (body as { response: unknown[] }).response;
	return { ...result, body: { ...body, response: response.slice(0, Math.max(0, response.length - drop)) } };
}
