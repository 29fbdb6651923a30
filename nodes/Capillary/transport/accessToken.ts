import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { notSentTags } from './notSent';
import { networkCode, type SendJson } from './sendJson';

export const GENERATE_PATH = '/v3/oauth/token/generate';
const TOKEN_TIMEOUT_MS = 30_000;

/**
 * Exchanges the client key and secret for a JWT. Errors say which part to fix (the secret, or the
 * cluster/host) and carry only the HTTP status or network code: never the key, the secret or a body.
 */
export async function generateAccessToken(send: SendJson, credentials: ICredentialDataDecryptedObject): Promise<string> {
	const baseUrl = resolveBaseUrl(credentials);
	let response: { statusCode: number; body: unknown } | undefined;
	let networkFailure: string | undefined;
	try {
		response = await send({
			method: 'POST',
			url: `${baseUrl}${GENERATE_PATH}`,
			headers: { 'Content-Type': 'application/json' },
			body: { key: String(credentials.clientKey ?? ''), secret: String(credentials.clientSecret ?? '') },
			timeout: TOKEN_TIMEOUT_MS,
		});
	} catch (error) {
		networkFailure = networkCode(error);
	}
	if (!response) {
		throw new ApplicationError(
			`Could not reach Capillary at ${baseUrl} to get an access token (${networkFailure}): check the Cluster or Base URL`,
			notSentTags,
		);
	}
	const { statusCode, body } = response;
	const token = readAccessToken(body);
	if (statusCode >= 200 && statusCode < 300 && token) return token;
	if (statusCode === 401 || statusCode === 403) {
		throw new ApplicationError(`Capillary refused the client key and secret (HTTP ${statusCode}): check them and the cluster`, notSentTags);
	}
	if (statusCode === 404 || (statusCode >= 300 && statusCode < 400)) {
		throw new ApplicationError(
			`${baseUrl} does not answer like Capillary's API (HTTP ${statusCode} for the token request): check the Cluster or Base URL`,
			notSentTags,
		);
	}
	throw new ApplicationError(`Capillary did not return an access token (HTTP ${statusCode})`, notSentTags);
}

function readAccessToken(body: unknown): string | undefined {
	const data = (body as { data?: { accessToken?: unknown } } | null)?.data;
	return typeof data?.accessToken === 'string' && data.accessToken !== '' ? data.accessToken : undefined;
}
