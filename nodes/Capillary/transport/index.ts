import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { CapillaryRequest, CapillaryResponse, Connection, RequestOptions } from './types';
import { redactSecrets, secretForms, type SecretForms } from './redactSecrets';
import { requestWithCredential } from './requestWithCredential';
import { tokenIsUsable } from './auth/tokenExpiry';
import { sendRefreshingTokenOnce } from './retry/tokenRefresh';

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
	options: RequestOptions = {},
): Promise<CapillaryResponse> {
	const response = await sendWithToken(context, connection, request, options);
	return redactSecrets(response, formsFor(connection));
}

async function sendWithToken(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
	{ refreshToken = false, shouldStop }: RequestOptions,
): Promise<CapillaryResponse> {
	if (
		connection.credentialType === 'capillaryOAuthApi' &&
		(refreshToken || !tokenIsUsable(connection.credentials))
	) {
		if (connection.tokenRefresh) {
			const leader = await connection.tokenRefresh;
			// The token request failed (nothing of the leader's was sent): so would this one's, now.
			if (leader.type === 'notSent' && !tokenIsUsable(connection.credentials)) return leader;
			if (shouldStop?.())
				return {
					type: 'notSent',
					message: 'Not sent: the run stopped while this request waited for an access token',
				};
		} else {
			connection.credentials.accessToken = '';
			const sending = sendNotingTokens(context, connection, request);
			connection.tokenRefresh = sending.finally(() => (connection.tokenRefresh = undefined));
			return await sending;
		}
	}
	return await sendNotingTokens(context, connection, request);
}

/** Sends, noting the token held before (the one the request carries) and after (one fetched for it). */
async function sendNotingTokens(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
): Promise<CapillaryResponse> {
	noteToken(connection);
	try {
		return await requestWithCredential(context, connection, request);
	} finally {
		noteToken(connection);
	}
}

function noteToken(connection: Connection): void {
	const token = connection.credentials.accessToken;
	if (typeof token === 'string' && token !== '') (connection.tokensHeld ??= new Set()).add(token);
}

/** The secret forms of the connection's credential and of every token it held, computed again only when a token was added. */
const formsCache = new WeakMap<Connection, { tokens: number; forms: SecretForms }>();

function formsFor(connection: Connection): SecretForms {
	const tokens = connection.tokensHeld?.size ?? 0;
	const cached = formsCache.get(connection);
	if (cached && cached.tokens === tokens) return cached.forms;
	const forms = secretForms(connection.credentials, [...(connection.tokensHeld ?? [])]);
	formsCache.set(connection, { tokens, forms });
	return forms;
}

/** A request that, on an OAuth 401, fetches a new token and resends once (a 401 was not applied). */
export async function capillaryRequestWithRefresh(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
): Promise<CapillaryResponse> {
	return await sendRefreshingTokenOnce(connection, async (refreshToken) =>
		capillaryRequest(context, connection, request, { refreshToken }),
	);
}
