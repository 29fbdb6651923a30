import type { IHttpRequestHelper, IHttpRequestMethods, ICredentialTestFunctions } from 'n8n-workflow';

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
 * whatever the status; throws only when no HTTP answer came. The two adapters cover the helpers
 * n8n offers: `httpRequest` (preAuthentication) and the legacy `request` (credential tests).
 */
export type SendJson = (request: JsonRequest) => Promise<JsonResponse>;

export function sendWithHttpRequest(helper: IHttpRequestHelper): SendJson {
	return async ({ method, url, headers, body, timeout }) =>
		(await helper.helpers.httpRequest({
			method,
			url,
			headers,
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout,
		})) as JsonResponse;
}

export function sendWithLegacyRequest(context: ICredentialTestFunctions): SendJson {
	return async ({ method, url, headers, body, timeout }) => {
		const response = (await context.helpers.request({
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
		})) as JsonResponse;
		return { statusCode: response.statusCode, body: response.body, headers: response.headers };
	};
}

/** The network error code of a request that got no HTTP answer (ECONNREFUSED, ENOTFOUND, …). */
export function networkCode(error: unknown): string {
	const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
	const found = typeof code === 'string' ? code : cause?.code;
	return typeof found === 'string' ? found : 'NETWORK';
}
