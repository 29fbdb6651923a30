import type {
	IHttpRequestHelper,
	IHttpRequestMethods,
	ICredentialTestFunctions,
} from 'n8n-workflow';

import { requestDeadline } from './requestDeadline';

export interface JsonRequest {
	method: IHttpRequestMethods;
	url: string;
	headers?: Record<string, string>;
	body?: object;
	timeout: number;
}

export interface JsonResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

/**
 * Sends one JSON request without following redirects and answers with status, body and headers
 * whatever the status; throws only when no HTTP answer came, or none came within `timeout` (which
 * bounds the whole request: n8n's own timeout only bounds a silence). The two adapters cover the
 * helpers n8n offers: `httpRequest` (preAuthentication) and the legacy `request` (credential tests).
 */
export type SendJson = (request: JsonRequest) => Promise<JsonResponse>;

export function sendWithHttpRequest(helper: IHttpRequestHelper): SendJson {
	return async ({ method, url, headers, body, timeout }) => {
		const deadline = requestDeadline(timeout, undefined);
		const sending = helper.helpers.httpRequest({
			method,
			url,
			headers,
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout,
			abortSignal: deadline.signal,
		});
		return (await deadline.bound(sending)) as JsonResponse;
	};
}

export function sendWithLegacyRequest(context: ICredentialTestFunctions): SendJson {
	return async ({ method, url, headers, body, timeout }) => {
		const deadline = requestDeadline(timeout, undefined);
		const sending = context.helpers.request({
			method,
			uri: url,
			headers,
			body,
			json: true,
			resolveWithFullResponse: true,
			simple: false,
			followRedirect: false,
			followAllRedirects: false,
			timeout,
			abortSignal: deadline.signal,
		});
		const response = (await deadline.bound(sending)) as JsonResponse;
		return { statusCode: response.statusCode, body: response.body, headers: response.headers };
	};
}

/** The network error code of a request that got no HTTP answer (ECONNREFUSED, ENOTFOUND, …). */
export function networkCode(error: unknown): string {
	// What the deadline ends a request with (AbortSignal.timeout's reason).
	if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return 'ETIMEDOUT';
	const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	const found = typeof code === 'string' ? code : cause?.code;
	return typeof found === 'string' ? found : 'NETWORK';
}
