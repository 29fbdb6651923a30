import type { IncomingHttpHeaders } from 'node:http';
import type { RequestRecord } from '../types';
import { isValidBasicAuth } from './basicAuth';
import type { TokenStore } from './tokenStore';

export const OAUTH_TOKEN_HEADER = 'x-cap-api-oauth-token';

/** Which scheme a request attempted: the OAuth header wins when both are sent. */
export function authScheme(headers: IncomingHttpHeaders): RequestRecord['auth'] {
	if (typeof headers[OAUTH_TOKEN_HEADER] === 'string') return 'oauth';
	if (/^Basic\s/i.test(headers.authorization ?? '')) return 'basic';
	return 'none';
}

export function isAuthenticated(headers: IncomingHttpHeaders, tokens: TokenStore): boolean {
	const scheme = authScheme(headers);
	if (scheme === 'oauth') return tokens.isValid(String(headers[OAUTH_TOKEN_HEADER]).trim());
	if (scheme === 'basic') return isValidBasicAuth(headers.authorization ?? '');
	return false;
}
