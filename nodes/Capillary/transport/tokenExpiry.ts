import { ApplicationError } from 'n8n-workflow';

/** Refresh this long before `exp` (or a tenth of the token's lifetime, if shorter). */
const MAX_MARGIN_SECONDS = 30;

/**
 * Whether a Capillary JWT has expired (or is about to), read from its `exp`: Capillary does not
 * document what an expired token returns, so a 401 alone is not relied on. Not a JWT: false.
 */
export function tokenHasExpired(token: string, nowMs = Date.now()): boolean {
	const payload = token.split('.')[1];
	if (!payload) return false;
	let claims: { exp?: unknown; iat?: unknown };
	try {
		claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
	} catch {
		return false;
	}
	if (typeof claims?.exp !== 'number') return false;
	const lifetime = typeof claims.iat === 'number' ? claims.exp - claims.iat : MAX_MARGIN_SECONDS * 10;
	const margin = Math.min(MAX_MARGIN_SECONDS, Math.max(0, lifetime) / 10);
	return (claims.exp - margin) * 1000 <= nowMs;
}

/**
 * Thrown by the credential before sending with an expired token. It looks like a 401 response, which
 * is what makes n8n run `preAuthentication` (a new token, saved) and send once more.
 */
export function expiredTokenError(): Error {
	return Object.assign(new ApplicationError('The Capillary access token has expired', { level: 'warning' }), {
		response: { status: 401 },
	});
}
