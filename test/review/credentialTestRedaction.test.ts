/**
 * Hostile review of redaction on the credential test path (methods/credentialTest.ts), after the
 * change that looks for escaped forms only in answers holding \x, \u or &#.
 * Promise checked: no secret (the Basic header, its MD5, the password; raw, URL-encoded, base64 or
 * escaped) in the credential test's message. "held in review": passing guards.
 */
import { createHash } from 'crypto';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { capillaryBasicApiTest } from '../../nodes/Capillary/methods/credentialTest';

const username = 'till.review';
const password = 'Rev!ew-Pass/2026';
const md5 = createHash('md5').update(password).digest('hex');
const value = Buffer.from(`${username}:${md5}`).toString('base64');

const escapes: Array<[string, (c: string) => string]> = [
	['\\xHH', (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`],
	['\\uHHHH upper', (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`],
	['&#xHH;', (c) => `&#x${c.charCodeAt(0).toString(16)};`],
	['&#DD;', (c) => `&#${c.charCodeAt(0)};`],
];

const echoes: Array<[string, string]> = [];
for (const [name, escape] of escapes) {
	for (const [what, secret] of [
		['Basic header', `Basic ${value}`],
		['MD5', md5],
	] as const) {
		echoes.push([`${what} ${name}, all escaped`, [...secret].map(escape).join('')]);
		echoes.push([
			`${what} ${name}, letters and digits kept`,
			secret.replace(/[^A-Za-z0-9]/g, escape),
		]);
	}
}

function contextAnswering(statusCode: number, body: unknown): ICredentialTestFunctions {
	return {
		helpers: { request: async () => ({ statusCode, body, headers: {} }) },
	} as unknown as ICredentialTestFunctions;
}

describe('held in review', () => {
	for (const status of [401, 403, 500]) {
		test.each(echoes)(`HTTP ${status}: %s in the error message is redacted`, async (_, echo) => {
			const context = contextAnswering(status, {
				errors: [{ code: status, message: `debug: ${echo}` }],
			});
			const result = await capillaryBasicApiTest.call(context, {
				id: '1',
				name: 'c',
				type: 'capillaryBasicApi',
				data: { cluster: 'custom', baseUrl: 'http://127.0.0.1:9', username, password },
			});
			expect(result.status).toBe('Error');
			expect(result.message).toContain('[redacted]');
			expect(result.message).not.toContain(echo.slice(0, 24));
		});
	}
});
