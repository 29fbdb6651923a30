/**
 * Hostile review of redaction (d616e9c: escaped forms looked for only in answers holding \x, \u or
 * &#), end to end: the node in n8n's WorkflowExecute against the sandbox, whose answers echo the
 * credential's secrets escaped, as JSON (the escape kept literally in a string) or as an HTML page.
 * Promise checked: no secret in any output item, error message or log.
 * "held in review": passing guards.
 */
import { createHash } from 'crypto';

import { DEMO } from '../sandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { mobileItems } from '../support/engine/items';
import { useSandbox } from '../support/useSandbox';

const sandbox = useSandbox();
const earn = (extra = {}) => promotionParameters('earn', DEMO.promotions.birthday, 'mobile', extra);

type Escape = (code: number) => string;
const hex = (code: number, width: number, upper: boolean) => {
	const h = code.toString(16).padStart(width, '0');
	return upper ? h.toUpperCase() : h;
};
const variants: Array<[string, (secret: string) => string]> = [];
for (const upper of [false, true]) {
	const escapes: Array<[string, Escape]> = [
		['\\xHH', (c) => `\\x${hex(c, 2, upper)}`],
		['\\uHHHH', (c) => `\\u${hex(c, 4, upper)}`],
		['&#xHH;', (c) => `&#x${hex(c, 2, upper)};`],
		['&#DD;', (c) => `&#${c};`],
	];
	for (const [name, escape] of escapes)
		for (const keep of [false, true])
			variants.push([
				`${name}${upper ? ' (upper hex)' : ''}${keep ? ', letters and digits kept' : ''}`,
				(secret) =>
					[...secret]
						.map((c) => (keep && /[A-Za-z0-9]/.test(c) ? c : escape(c.codePointAt(0)!)))
						.join(''),
			]);
}

/** Answers that echo `echo`: a JSON body (escape kept literally) or an HTML page. */
const answers = (echo: string) => [
	{
		type: 'status' as const,
		status: 401,
		body: { errors: [{ code: 401, message: `bad ${echo}` }] },
	},
	{
		type: 'status' as const,
		status: 200,
		body: `<html><script>var h = "${echo}";</script></html>`,
	},
	{ type: 'status' as const, status: 500, body: { debug: { [echo]: [echo] } } },
];

describe('held in review', () => {
	test.each(variants)(
		'the OAuth token escaped as %s, in JSON and HTML answers',
		async (_, escape) => {
			const credentials = sandboxCredentials(sandbox);
			await runCapillary(credentials, { items: mobileItems(600, 1), parameters: earn() });
			const token = String(credentials.store.get('capillaryOAuthApi')!.accessToken);
			const echo = escape(token);
			for (const answer of answers(echo)) sandbox.injectFault({ ...answer, times: 2 });
			const run = await runCapillary(credentials, {
				items: mobileItems(601, 3),
				parameters: earn({ options: { batchSize: 1, parallelRequests: 3, maxRetries: 0 } }),
				onError: 'continueRegularOutput',
			});
			const text = JSON.stringify(run);
			expect(text).toContain('[redacted]');
			expect(text).not.toContain(token.slice(10, 40));
			expect(text).not.toContain(JSON.stringify(echo.slice(0, 40)).slice(1, -1));
			expect(text).not.toContain(echo.slice(0, 40));
		},
	);

	test.each(variants)('the Basic header and MD5 escaped as %s', async (_, escape) => {
		const password = 'Rev!ew/Pass+2026';
		const md5 = createHash('md5').update(password).digest('hex');
		const value = Buffer.from(`${DEMO.basic.username}:${md5}`).toString('base64');
		const credentials = sandboxCredentials(sandbox, { basicAuth: { password } });
		for (const secret of [`Basic ${value}`, md5])
			for (const answer of answers(escape(secret))) sandbox.injectFault(answer);
		const run = await runCapillary(credentials, {
			items: mobileItems(610, 6),
			authentication: 'basicAuth',
			parameters: earn({ options: { batchSize: 1, parallelRequests: 2, maxRetries: 0 } }),
			onError: 'continueRegularOutput',
		});
		const text = JSON.stringify(run);
		expect(text).toContain('[redacted]');
		for (const secret of [`Basic ${value}`, md5]) {
			const echo = escape(secret);
			expect(text).not.toContain(echo.slice(0, 30));
			expect(text).not.toContain(JSON.stringify(echo.slice(0, 30)).slice(1, -1));
		}
	});

	test.each(['json', 'html'] as const)(
		'echoRequest (%s) on several batches in flight at once (C = 3): no form of the token or Basic value',
		async (format) => {
			for (const authentication of ['oAuth', 'basicAuth'] as const) {
				sandbox.reset();
				const credentials = sandboxCredentials(sandbox);
				sandbox.injectFault({ type: 'echoRequest', status: 500, format, times: 4 });
				const run = await runCapillary(credentials, {
					items: mobileItems(620, 6),
					authentication,
					parameters: earn({ options: { batchSize: 1, parallelRequests: 3, maxRetries: 0 } }),
					onError: 'continueRegularOutput',
				});
				const text = JSON.stringify(run);
				const token = String(credentials.store.get('capillaryOAuthApi')?.accessToken ?? '');
				const md5 = createHash('md5').update(DEMO.basic.password).digest('hex');
				const value = Buffer.from(`${DEMO.basic.username}:${md5}`).toString('base64');
				for (const secret of [token, value, md5].filter((s) => s.length > 10)) {
					expect(text).not.toContain(secret.slice(0, 24));
					expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(4, 28));
					expect(text).not.toContain(encodeURIComponent(secret).slice(0, 24));
				}
			}
		},
	);
});

describe('FOUND in review (pre-existing, not caused by d616e9c)', () => {
	// Promise: no secret in any output item. A Java gateway's debug page built with OWASP ESAPI's
	// encodeForJavaScript escapes `-` as \x2d but keeps `,` `.` `_` (ESAPI's IMMUNE_JAVASCRIPT);
	// escapedForms (redactSecrets.ts) escapes every non-alphanumeric character, so for a token holding
	// a `-` no form matches and the token reaches the Failed item's error.response.
	test('a token echoed the way ESAPI encodeForJavaScript writes it is redacted', async () => {
		const credentials = sandboxCredentials(sandbox);
		let token = '';
		for (let k = 0; k < 20 && !token.includes('-'); k++) {
			sandbox.expireAllTokens();
			await runCapillary(credentials, { items: mobileItems(630 + k, 1), parameters: earn() });
			token = String(credentials.store.get('capillaryOAuthApi')!.accessToken);
		}
		expect(token).toContain('-');
		const esapi = token.replace(
			/[^A-Za-z0-9,._]/g,
			(c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
		);
		sandbox.injectFault({
			type: 'status',
			status: 200,
			body: `<html><script>var request = { token: '${esapi}' };</script></html>`,
		});
		const run = await runCapillary(credentials, {
			items: mobileItems(660, 1),
			parameters: earn(),
		});
		const text = JSON.stringify(run);
		const longestPart = token.split('-').sort((a, b) => b.length - a.length)[0];
		expect(text).not.toContain(longestPart);
	});
});
