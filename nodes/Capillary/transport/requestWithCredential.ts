import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { CapillaryRequest, CapillaryResponse, Connection } from './types';
import { readFailedRequest } from './readFailedRequest';
import { requestDeadline } from './requestDeadline';
import { headerOf, REQUEST_ID_HEADER } from './requestId';

/**
 * One request through n8n's request helper, with the run's credential. Never throws for an HTTP or
 * network failure: every outcome comes back as a CapillaryResponse, with the body parsed whatever the
 * status. HTTP errors are not thrown, so n8n does not resend on a 401 by itself: the caller decides.
 * An empty OAuth token makes n8n fetch a new one, save it to the credential, and put it in
 * `connection.credentials`, which every later request of the run then uses. The Timeout bounds the
 * whole request (a token fetch included); a request it or a cancel ends is a network failure whose
 * outcome is unknown.
 */
export async function requestWithCredential(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
): Promise<CapillaryResponse> {
	// The decrypted credential goes with every request, so that n8n does not load and decrypt it
	// again for each batch (a database read per request in n8n).
	const credentialsDecrypted = {
		id: connection.credentialRef.id,
		name: connection.credentialRef.name,
		type: connection.credentialType,
		data: connection.credentials,
	};
	const cancel =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
	const deadline = requestDeadline(connection.timeout, cancel);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${connection.baseUrl}/${request.path.replace(/^\//, '')}`,
		headers: request.body ? { 'Content-Type': 'application/json' } : {},
		body: request.body,
		qs: request.qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect would carry the credential to another host: treat it as a failure instead.
		disableFollowRedirect: true,
		// n8n reads this as the longest silence; the deadline bounds the whole request.
		timeout: connection.timeout,
		abortSignal: deadline.signal,
	};
	// An empty token is fetched inside n8n's helper (preAuthentication) before the request is sent.
	const fetchesToken =
		connection.credentialType === 'capillaryOAuthApi' && !connection.credentials.accessToken;
	const caller = withAbortSignal(context, deadline.signal);
	try {
		const sending = caller.helpers.httpRequestWithAuthentication.call(
			caller,
			connection.credentialType,
			options,
			{ credentialsDecrypted },
		);
		const response = (await deadline.bound(sending)) as {
			statusCode: number;
			body: unknown;
			headers?: Record<string, unknown>;
		};
		return {
			type: 'http',
			statusCode: response.statusCode,
			body: response.body,
			requestId: headerOf(response.headers, REQUEST_ID_HEADER),
			retryAfter: headerOf(response.headers, 'retry-after'),
			serverDate: headerOf(response.headers, 'date'),
		};
	} catch (error) {
		const failed = readFailedRequest(error);
		// An HTTP answer, or our own error from before anything was sent, says more than the deadline.
		if (failed.type !== 'network') return failed;
		const ended = deadline.failure();
		if (ended && fetchesToken && !connection.credentials.accessToken) {
			// n8n puts a fetched token in the credential before it sends: none there, so nothing left.
			return {
				type: 'notSent',
				message: `Not sent: the access token was still being fetched when the request ended (${'message' in ended ? ended.message : 'ended'})`,
				retryable: true,
			};
		}
		return ended ?? failed;
	}
}

/**
 * n8n's `httpRequestWithAuthentication` (1.x and 2.x) replaces the request's `abortSignal` with
 * `this.getExecutionCancelSignal()`. Called on this stand-in for the context, it takes the
 * request's own signal instead, which also fires on the execution's cancel.
 */
function withAbortSignal<T extends IExecuteFunctions | ILoadOptionsFunctions>(
	context: T,
	signal: AbortSignal,
): T {
	return Object.create(context, { getExecutionCancelSignal: { value: () => signal } }) as T;
}
