import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { notSentOptions } from '../notSent';

/** Stop using a token this long before its end (or a tenth of its lifetime, if shorter). */
const MAX_MARGIN_SECONDS = 30;
/** The lifetime assumed when Capillary states none (no `ttlSeconds`, no JWT `iat`/`exp`): its default cap. */
const ASSUMED_LIFETIME_SECONDS = 3600;

/**
 * The local time (ms since the epoch) from which a token just received is no longer sent:
 * `requestedAtMs` (the local time its request left, which it cannot predate) plus its lifetime,
 * less a safety margin. The lifetime is `ttlSeconds`, else the JWT's `exp − iat`: both are
 * differences on Capillary's clock, so the result holds whatever the skew between the two clocks.
 * The JWT `exp` is never compared to the local clock.
 */
export function localExpiry(token: string, ttlSeconds: unknown, requestedAtMs: number): number {
	const lifetime = positive(ttlSeconds) ?? jwtLifetime(token) ?? ASSUMED_LIFETIME_SECONDS;
	const margin = Math.min(MAX_MARGIN_SECONDS, lifetime / 10);
	return requestedAtMs + (lifetime - margin) * 1000;
}

/**
 * Whether the credential's token may be sent now: there is one, with a local expiry (from
 * `localExpiry`, stored beside it) that has not passed. A token stored without one (by an older
 * version) is not usable: it is replaced once, and its replacement carries one.
 */
export function tokenIsUsable(
	credentials: ICredentialDataDecryptedObject,
	nowMs = Date.now(),
): boolean {
	const token = credentials.accessToken;
	const expiresAt = storedExpiry(credentials.sessionExpiresAt);
	return typeof token === 'string' && token !== '' && expiresAt !== undefined && nowMs < expiresAt;
}

/**
 * Thrown by the credential before sending with a token that is not usable. It looks like a 401
 * response, which is what makes n8n run `preAuthentication` (a new token, saved) and send once
 * more. Should the new token not be usable either, this error is what the request ends with:
 * tagged "not sent", so that it is not read as Capillary refusing the credential.
 */
export function expiredTokenError(): Error {
	return Object.assign(
		new ApplicationError(
			'The Capillary access token ran out before it could be used, although it was just fetched: nothing was sent; check the token lifetime of the API client',
			notSentOptions(),
		),
		{ response: { status: 401 } },
	);
}

/** The stored local expiry: a number, or digits (should a store turn it into text); none for 0 or anything else. */
function storedExpiry(value: unknown): number | undefined {
	const ms = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function jwtLifetime(token: string): number | undefined {
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			exp?: unknown;
			iat?: unknown;
		} | null;
		return typeof claims?.exp === 'number' && typeof claims.iat === 'number'
			? positive(claims.exp - claims.iat)
			: undefined;
	} catch {
		return undefined;
	}
}

function positive(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
