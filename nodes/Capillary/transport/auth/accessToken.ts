import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { tokenAdvice } from '../../results/failureAdvice';
import { ENDPOINTS } from '../endpoints';
import { CERTIFICATE_CODES, HANDSHAKE_CODES } from '../networkCodes';
import { resolveBaseUrl } from './baseUrl';
import { notSentOptions } from '../notSent';
import { headerOf } from '../requestId';
import { networkCode, type SendJson } from '../sendJson';
import { localExpiry } from './tokenExpiry';

const TOKEN_TIMEOUT_MS = 30_000;

/** A new token, and the local time from which it is no longer sent (see `localExpiry`). */
export interface IssuedToken {
	accessToken: string;
	sessionExpiresAt: number;
}

/**
 * Exchanges the client key and secret for a JWT. Errors say which part to fix (the secret, or the
 * cluster/host), or that trying again later may pass (429, 461, 5xx, no answer: they are tagged
 * retryable, with the answer's Retry-After). They carry only the HTTP status or network code, never
 * the key, the secret or any text of the answer, so nothing an echoing server sends back can leak.
 */
export async function generateAccessToken(
	send: SendJson,
	credentials: ICredentialDataDecryptedObject,
): Promise<IssuedToken> {
	const baseUrl = resolveBaseUrl(credentials);
	const requestedAt = Date.now();
	let response: Awaited<ReturnType<SendJson>> | undefined;
	let networkFailure: string | undefined;
	try {
		response = await send({
			method: 'POST',
			url: `${baseUrl}${ENDPOINTS.sessionGenerate}`,
			headers: { 'Content-Type': 'application/json' },
			body: {
				key: String(credentials.clientKey ?? ''),
				secret: String(credentials.clientSecret ?? ''),
			},
			timeout: TOKEN_TIMEOUT_MS,
		});
	} catch (error) {
		networkFailure = networkCode(error);
	}
	if (
		!response &&
		(CERTIFICATE_CODES.has(String(networkFailure)) || HANDSHAKE_CODES.has(String(networkFailure)))
	) {
		// Checked in the TLS handshake: nothing was sent, and trying again cannot help.
		throw new ApplicationError(
			`The TLS connection to ${baseUrl} failed (${networkFailure}): nothing was sent; ${tokenAdvice('certificate')}`,
			notSentOptions(),
		);
	}
	if (!response) {
		throw new ApplicationError(
			`Could not reach Capillary at ${baseUrl} to get an access token (${networkFailure}): nothing was sent; ${tokenAdvice('unreachable')}`,
			notSentOptions({ retryable: true }),
		);
	}
	const { statusCode, body, headers } = response;
	const token = readAccessToken(body);
	if (statusCode >= 200 && statusCode < 300 && token) {
		return {
			accessToken: token,
			sessionExpiresAt: localExpiry(token, readTtlSeconds(body), requestedAt),
		};
	}
	if (statusCode === 401 || statusCode === 403) {
		throw new ApplicationError(
			`Capillary refused the client key and secret (HTTP ${statusCode}): ${tokenAdvice('refused')}`,
			notSentOptions(),
		);
	}
	if (statusCode === 404 || (statusCode >= 300 && statusCode < 400)) {
		throw new ApplicationError(
			`${baseUrl} does not answer like Capillary's API (HTTP ${statusCode} for the token request): ${tokenAdvice('notCapillary')}`,
			notSentOptions(),
		);
	}
	if (statusCode === 429 || statusCode === 461 || statusCode >= 500) {
		throw new ApplicationError(
			`Capillary's token endpoint answered HTTP ${statusCode}: no access token, so nothing was sent; ${tokenAdvice('busy')}`,
			notSentOptions({ retryable: true, retryAfter: headerOf(headers, 'retry-after') }),
		);
	}
	throw new ApplicationError(
		`Capillary did not return an access token (HTTP ${statusCode}): nothing was sent`,
		notSentOptions(),
	);
}

function readAccessToken(body: unknown): string | undefined {
	const data = (body as { data?: { accessToken?: unknown } } | null)?.data;
	return typeof data?.accessToken === 'string' && data.accessToken !== ''
		? data.accessToken
		: undefined;
}

function readTtlSeconds(body: unknown): unknown {
	return (body as { data?: { ttlSeconds?: unknown } } | null)?.data?.ttlSeconds;
}
