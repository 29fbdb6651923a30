import { timingSafeEqual } from 'node:crypto';
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { OAUTH_CLIENTS, ORG_ID } from '../seed/credentials';

/**
 * POST /v3/oauth/token/generate with {"key","secret"} and no auth header. Success:
 * {"data":{"accessToken":"<JWT>","ttlSeconds":N},"errors":null}. Failures keep the same envelope
 * with data null; the secret is never echoed.
 */
export function tokenGenerateRoute(context: RequestContext): HandlerResult {
	const body =
		typeof context.json === 'object' && context.json !== null
			? (context.json as Record<string, unknown>)
			: {};
	const { key, secret } = body;
	if (typeof key !== 'string' || typeof secret !== 'string' || key === '' || secret === '') {
		return tokenError(400, 400, 'key and secret are required');
	}
	const client = OAUTH_CLIENTS.find((candidate) => candidate.clientKey === key);
	if (!client || !sameText(client.clientSecret, secret))
		return tokenError(401, 401, 'Invalid client credentials');
	const { tokenTtlSeconds: ttlSeconds, clockOffsetSeconds } = context.state.settings;
	const accessToken = context.state.tokens.issue(
		client.clientKey,
		ORG_ID,
		ttlSeconds,
		clockOffsetSeconds,
	);
	return jsonResult(200, { data: { accessToken, ttlSeconds }, errors: null });
}

function tokenError(status: number, code: number, message: string): HandlerResult {
	return jsonResult(status, { data: null, errors: [{ status: false, code, message }] });
}

function sameText(expected: string, given: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(given, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
