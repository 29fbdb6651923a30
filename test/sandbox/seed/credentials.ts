import { md5Hex } from '../auth/md5';

export interface TillUser {
	username: string;
	password: string;
	passwordMd5: string;
}

export interface OAuthClient {
	clientKey: string;
	clientSecret: string;
}

export const ORG_ID = 50672;

function tillUser(username: string, password: string): TillUser {
	return { username, password, passwordMd5: md5Hex(password) };
}

/** store.server/server123 is the worked example from Capillary's docs. */
export const TILL_USERS: readonly TillUser[] = [
	tillUser('store.server', 'server123'),
	tillUser('demo.till', 'DemoTill#2026'),
];

export const OAUTH_CLIENTS: readonly OAuthClient[] = [
	{ clientKey: 'sandbox-demo-key', clientSecret: 'sandbox-demo-secret-5f2b' },
];

/** Header value for Basic auth as Capillary wants it: base64(username:md5hex(password)). */
export function basicAuthHeader(username: string, passwordMd5: string): string {
	return 'Basic ' + Buffer.from(`${username}:${passwordMd5}`, 'utf8').toString('base64');
}
