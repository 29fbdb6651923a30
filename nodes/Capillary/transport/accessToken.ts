import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { notSentTags } from './notSent';

export const GENERATE_PATH = '/v3/oauth/token/generate';
const TOKEN_TIMEOUT_MS = 30_000;

/**
 * Exchanges the client key and secret for a JWT.
 * Errors carry only the HTTP status or network code: never the key, the secret or a response body.
 */
export async function generateAccessToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = resolveBaseUrl(credentials);
	let response: { statusCode: number; body: unknown } | undefined;
	let networkFailure: string | undefined;
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}${GENERATE_PATH}`,
			headers: { 'Content-Type': 'application/json' },
			body: { key: String(credentials.clientKey ?? ''), secret: String(credentials.clientSecret ?? '') },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: TOKEN_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		networkFailure = networkCode(error);
	}
	if (!response) {
		throw new ApplicationError(`Could not reach Capillary at ${baseUrl} to get an access token (${networkFailure})`, notSentTags);
	}
	const token = readAccessToken(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300 && token) return token;
	if (response.statusCode === 401 || response.statusCode === 403) {
		throw new ApplicationError(
			`Capillary refused the client key and secret (HTTP ${response.statusCode}): check them and the cluster`, notSentTags);
	}
	throw new ApplicationError(`Capillary did not return an access token (HTTP ${response.statusCode})`, notSentTags);
}

function readAccessToken(body: unknown): string | undefined {
	const data = (body as { data?: { accessToken?: unknown } } | null)?.data;
	return typeof data?.accessToken === 'string' && data.accessToken !== '' ? data.accessToken : undefined;
}

function networkCode(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : 'network error';
}
