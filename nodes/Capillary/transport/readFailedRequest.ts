import type { CapillaryResponse } from './types';
import { isNotSentError, notSentDetails } from './notSent';
import { headerOf, REQUEST_ID_HEADER } from './requestId';

const NESTED_KEYS = ['cause', 'errorResponse', 'error', 'reason'] as const;
const MAX_DEPTH = 6;

interface HttpResponseLike {
	status?: unknown;
	statusCode?: unknown;
	headers?: Record<string, unknown>;
	data?: unknown;
	body?: unknown;
}

/**
 * Reads what n8n's request helper threw: an HTTP response (axios on n8n 1.x and 2.x, wrapped in a
 * NodeApiError), a network failure, or our own credential errors raised before anything was sent
 * (with whether trying again may pass, e.g. the token endpoint answered 503, and its Retry-After).
 * Messages are built from status, code and our own texts only, so no header or secret leaks.
 */
export function readFailedRequest(error: unknown): CapillaryResponse {
	const chain = errorChain(error);
	const own = chain.find(isNotSentError);
	if (own) return { type: 'notSent', message: String(own.message), ...notSentDetails(own) };
	for (const e of chain) {
		const response = e.response as HttpResponseLike | undefined;
		const status = response?.status ?? response?.statusCode;
		if (response && typeof status === 'number') {
			return {
				type: 'http',
				statusCode: status,
				body: parseBody(response.data ?? response.body),
				requestId: headerOf(response.headers, REQUEST_ID_HEADER),
				retryAfter: headerOf(response.headers, 'retry-after'),
			};
		}
	}
	const code = chain
		.map((e) => e.code)
		.find((c): c is string => typeof c === 'string' && /^[A-Z_]+$/.test(c));
	if (code) return { type: 'network', code, message: networkMessage(code) };
	return {
		type: 'network',
		code: 'UNKNOWN',
		message: 'the request failed without an HTTP response',
	};
}

function errorChain(error: unknown): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	let current: unknown = error;
	while (
		current &&
		typeof current === 'object' &&
		chain.length < MAX_DEPTH &&
		!chain.includes(current as never)
	) {
		const e = current as Record<string, unknown>;
		chain.push(e);
		current = NESTED_KEYS.map((key) => e[key]).find((next) => next && typeof next === 'object');
	}
	return chain;
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function networkMessage(code: string): string {
	const known: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ENOTFOUND: 'host not found',
		EAI_AGAIN: 'host name lookup failed',
		ECONNRESET: 'connection reset',
		ETIMEDOUT: 'timed out',
		ECONNABORTED: 'timed out',
		ERR_CANCELED: 'cancelled',
	};
	return known[code] ?? code;
}
