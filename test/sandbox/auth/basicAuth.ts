import { timingSafeEqual } from 'node:crypto';
import { TILL_USERS } from '../seed/credentials';

/**
 * Accepts `Basic base64(username:md5hex(password))` for a seeded till user. The MD5 must be the
 * lowercase hex digest; the raw password is refused, as Capillary refuses it.
 */
export function isValidBasicAuth(authorization: string): boolean {
	const match = /^Basic\s+(\S+)$/i.exec(authorization);
	if (!match) return false;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return false;
	const username = decoded.slice(0, colon);
	const given = Buffer.from(decoded.slice(colon + 1), 'utf8');
	const user = TILL_USERS.find((candidate) => candidate.username === username);
	if (!user) return false;
	const expected = Buffer.from(user.passwordMd5, 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
