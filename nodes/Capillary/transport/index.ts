import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { BatchResponse } from '../helpers/types';
import { readFailedRequest } from './readFailedRequest';
import { headerOf, REQUEST_ID_HEADER } from './requestId';

export type CapillaryCredentialType = 'capillaryOAuthApi' | 'capillaryBasicApi';

/** Where and how to reach Capillary for one execution. */
export interface Connection {
	credentialType: CapillaryCredentialType;
	/** The node's reference to its credential, so that a refreshed token is saved to it. */
	credentialRef: { id: string; name: string };
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	timeout: number;
}

export interface CapillaryRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * The one place that speaks HTTP to Capillary. Never throws for an HTTP or network failure:
 * every outcome comes back as a BatchResponse, with the body parsed whatever the status.
 * HTTP errors are not thrown, so n8n does not resend on a 401 by itself: the caller decides, and
 * `refreshToken` makes n8n fetch a new OAuth token (and save it) before sending. A token n8n
 * fetches lands in `connection.credentials`, which every later request of the run then uses.
 */
export async function capillaryRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
	{ refreshToken = false } = {},
): Promise<BatchResponse> {
	if (refreshToken && connection.credentialType === 'capillaryOAuthApi') {
		// An empty token makes n8n fetch a new one, save it to the credential, and put it in this object.
		connection.credentials.accessToken = '';
	}
	// The decrypted credential goes with every request, so that n8n does not load and decrypt it
	// again for each batch (a database read per request in n8n).
	const credentialsDecrypted = {
		id: connection.credentialRef.id,
		name: connection.credentialRef.name,
		type: connection.credentialType,
		data: connection.credentials,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			connection.credentialType,
			{
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
				timeout: connection.timeout,
			},
			{ credentialsDecrypted },
		)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		return {
			type: 'http',
			statusCode: response.statusCode,
			body: response.body,
			requestId: headerOf(response.headers, REQUEST_ID_HEADER),
			retryAfter: headerOf(response.headers, 'retry-after'),
		};
	} catch (error) {
		return readFailedRequest(error);
	}
}

/** A request that, on an OAuth 401, fetches a new token and resends once (a 401 was not applied). */
export async function capillaryRequestWithRefresh(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
): Promise<BatchResponse> {
	const response = await capillaryRequest(context, connection, request);
	return needsNewToken(connection, response)
		? await capillaryRequest(context, connection, request, { refreshToken: true })
		: response;
}

export function needsNewToken(connection: Connection, response: BatchResponse): boolean {
	return response.type === 'http' && response.statusCode === 401 && connection.credentialType === 'capillaryOAuthApi';
}
