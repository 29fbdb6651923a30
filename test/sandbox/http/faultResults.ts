import type { IncomingHttpHeaders } from 'node:http';
import type { Fault } from '../types';
import type { HandlerResult } from './handlerTypes';

type StatusFault = Extract<Fault, { type: 'status' }>;

/** Object bodies go out as JSON, strings raw, no body as an empty one. */
export function statusFaultResult(fault: StatusFault): HandlerResult {
	const headers: Record<string, string> = {};
	if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
	if (typeof fault.body === 'string') {
		headers['Content-Type'] = fault.body.trimStart().startsWith('<')
			? 'text/html; charset=utf-8'
			: 'text/plain; charset=utf-8';
		return { status: fault.status, raw: fault.body, headers };
	}
	return { status: fault.status, body: fault.body, headers };
}

/** A 200 whose body is cut off mid-JSON, as a broken proxy or a dropped connection would leave it. */
export function malformedResult(): HandlerResult {
	return { status: 200, raw: '{"response":[{"result":{"entityType":"CUSTOMER","entityId":' };
}

/** A 200 with the first half of the request's own JSON answer: invalid JSON of the right kind. */
export function cutOffResult(result: HandlerResult): HandlerResult {
	const text = result.raw ?? JSON.stringify(result.body ?? {});
	return { status: 200, raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
}

/** The same answer without the named keys, wherever they occur in its JSON body. */
export function strippedResult(result: HandlerResult, fields: readonly string[]): HandlerResult {
	if (result.body === undefined) return result;
	const drop = new Set(fields);
	const strip = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(strip);
		if (typeof value !== 'object' || value === null) return value;
		return Object.fromEntries(
			Object.entries(value)
				.filter(([name]) => !drop.has(name))
				.map(([name, inner]) => [name, strip(inner)]),
		);
	};
	return { ...result, body: strip(result.body) };
}

/** Drops the last `drop` entries of response[], leaving the counts and status untouched. */
export function shortenedResult(result: HandlerResult, drop: number): HandlerResult {
	const body = result.body;
	if (
		typeof body !== 'object' ||
		body === null ||
		!Array.isArray((body as { response?: unknown }).response)
	)
		return result;
	const response = (body as { response: unknown[] }).response;
	return {
		...result,
		body: { ...body, response: response.slice(0, Math.max(0, response.length - drop)) },
	};
}

type EchoFault = Extract<Fault, { type: 'echoRequest' }>;

/** The request parts a careless server or proxy echoes back in a debug answer, in each form it may use. */
const ECHOED_HEADERS = ['authorization', 'x-cap-api-oauth-token'] as const;

/**
 * A debug answer that echoes the request's credentials (headers, and the body, which holds the
 * client secret on the token path) raw, base64 and URL-encoded: JSON with the raw values in
 * errors[0].message too, or an HTML page, with the headers before the body.
 */
export function echoRequestResult(
	fault: EchoFault,
	headers: IncomingHttpHeaders,
	bodyText: string,
): HandlerResult {
	const echoed: Array<[string, string]> = [];
	for (const name of ECHOED_HEADERS) {
		const value = headers[name];
		if (typeof value === 'string' && value !== '') echoed.push([name, value]);
	}
	if (bodyText !== '') echoed.push(['body', bodyText]);
	const forms = echoed.flatMap(
		([name, value]): Array<[string, string]> => [
			[name, value],
			[`${name} (base64)`, Buffer.from(value, 'utf8').toString('base64')],
			[`${name} (url-encoded)`, encodeURIComponent(value)],
		],
	);
	if (fault.format === 'json') {
		const message = `Request refused. ${echoed.map(([name, value]) => `${name}=${value}`).join('; ')}`;
		return {
			status: fault.status,
			body: {
				errors: [{ status: false, code: fault.status, message }],
				debug: Object.fromEntries(forms),
			},
		};
	}
	const lines = forms.map(([name, value]) => `${name}: ${escapeHtml(value)}`).join('\n');
	const page = `<!DOCTYPE html><html><head><title>Error ${fault.status}</title></head><body><h1>HTTP ${fault.status}</h1><pre>\n${lines}\n</pre></body></html>`;
	return {
		status: fault.status,
		raw: page,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
	};
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** The same answer with nulls for what it leaves empty or out: the same meaning, as a null-happy server writes it. */
export function nulledResult(result: HandlerResult): HandlerResult {
	const body = result.body as { response?: unknown } | null | undefined;
	if (!body || !Array.isArray(body.response)) return result;
	const response = (body.response as Array<Record<string, unknown>>).map((entry) => {
		const nulled: Record<string, unknown> = { ...entry, result: entry.result ?? null };
		for (const list of ['errors', 'warnings'])
			if (Array.isArray(entry[list]) && (entry[list] as unknown[]).length === 0)
				nulled[list] = null;
		const applied = entry.result as Record<string, unknown> | undefined;
		if (applied)
			nulled.result = {
				...applied,
				issualId: applied.issualId ?? null,
				earnedId: applied.earnedId ?? null,
			};
		return nulled;
	});
	return { ...result, body: { ...body, response } };
}
