import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { BatchResponse } from '../helpers/types';
import { requestWithCredential } from './requestWithCredential';
import { tokenHasExpired } from './tokenExpiry';

export type CapillaryCredentialType = 'capillaryOAuthApi' | 'capillaryBasicApi';

/** Where and how to reach Capillary for one execution. */
export interface Connection {
	credentialType: CapillaryCredentialType;
	/** The node's reference to its credential, so that a refreshed token is saved to it. */
	credentialRef: { id: string; name: string };
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	timeout: number;
	/** While one request fetches a new OAuth token, the others wait for it instead of fetching their own. */
	tokenRefresh?: Promise<unknown>;
}

export interface CapillaryRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * The one place that speaks HTTP to Capillary (through `requestWithCredential`). Never throws for an
 * HTTP or network failure. With `refreshToken`, or when the OAuth token is missing or past its JWT
 * `exp`, n8n fetches a new token first (and saves it); while one request of the run does that, the
 * others wait for its token instead of fetching their own.
 */
export async function capillaryRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
	{ refreshToken = false } = {},
): Promise<BatchResponse> {
	if (connection.credentialType === 'capillaryOAuthApi' && (refreshToken || !hasUsableToken(connection))) {
		if (connection.tokenRefresh) {
			await connection.tokenRefresh;
		} else {
			connection.credentials.accessToken = '';
			const sending = requestWithCredential(context, connection, request);
			connection.tokenRefresh = sending.finally(() => (connection.tokenRefresh = undefined));
			return await sending;
		}
	}
	return await requestWithCredential(context, connection, request);
}

function hasUsableToken({ credentials }: Connection): boolean {
	const token = credentials.accessToken;
	return typeof token === 'string' && token !== '' && !tokenHasExpired(token);
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
