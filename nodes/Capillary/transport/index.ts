import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { BatchResponse } from '../helpers/types';
import { redactSecrets, secretForms, type SecretForms } from './redactSecrets';
import { requestWithCredential } from './requestWithCredential';
import { tokenIsUsable } from './tokenExpiry';

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
	tokenRefresh?: Promise<BatchResponse>;
}

export interface CapillaryRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * The one place that speaks HTTP to Capillary (through `requestWithCredential`). Never throws for an
 * HTTP or network failure. With `refreshToken`, or when the OAuth token is missing or past its local
 * expiry, n8n fetches a new token first (and saves it); while one request of the run does that, the
 * others wait for it instead of fetching their own, and share its failure if it got no token.
 * Whatever the server answered is returned with the credential's secrets redacted, so that no
 * echoed header or token reaches an output, an error or a message.
 */
export async function capillaryRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
	options: { refreshToken?: boolean } = {},
): Promise<BatchResponse> {
	// The token held before sending: the request may carry it, or the new one fetched meanwhile.
	const tokenBefore = connection.credentials.accessToken;
	const response = await sendWithToken(context, connection, request, options);
	return redactSecrets(response, formsFor(connection, tokenBefore));
}

async function sendWithToken(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
	{ refreshToken = false },
): Promise<BatchResponse> {
	if (connection.credentialType === 'capillaryOAuthApi' && (refreshToken || !tokenIsUsable(connection.credentials))) {
		if (connection.tokenRefresh) {
			const leader = await connection.tokenRefresh;
			// The token request failed (nothing of the leader's was sent): so would this one's, now.
			if (leader.type === 'notSent' && !tokenIsUsable(connection.credentials)) return leader;
		} else {
			connection.credentials.accessToken = '';
			const sending = requestWithCredential(context, connection, request);
			connection.tokenRefresh = sending.finally(() => (connection.tokenRefresh = undefined));
			return await sending;
		}
	}
	return await requestWithCredential(context, connection, request);
}

/** The secret forms of the connection's credential (and an earlier token), computed again only when its token changed. */
const formsCache = new WeakMap<Connection, { token: unknown; earlier: unknown; forms: SecretForms }>();

function formsFor(connection: Connection, earlierToken: unknown): SecretForms {
	const token = connection.credentials.accessToken;
	const cached = formsCache.get(connection);
	if (cached && cached.token === token && (earlierToken === token || earlierToken === cached.earlier)) return cached.forms;
	const forms = secretForms(connection.credentials, [earlierToken]);
	formsCache.set(connection, { token, earlier: earlierToken, forms });
	return forms;
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
