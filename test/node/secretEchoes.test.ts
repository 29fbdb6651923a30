/**
 * Review of issue 11, item 7: no secret (client secret, till password, its MD5, the Basic value, the
 * OAuth token; raw, base64, base64url or URL-encoded) in any output item, error or message.
 * "found in review, fixed": regressions the review reproduced; "held in review": what held.
 */
import { createHash } from 'crypto';

import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { errorOf, mobileItems } from '../support/engine/items';

const sandbox = useSandbox();

const earn = (extra = {}) => promotionParameters('earn', DEMO.promotions.birthday, 'mobile', extra);
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

describe('found in review, fixed', () => {
	// transport/index.ts capillaryRequest reads `tokenBefore` before sendWithToken, i.e. before this
	// request waits for another request's token fetch; it then sends with the token that fetch got (T1).
	// When its answer comes back, the token has moved on (another request got a 401 and is fetching T2:
	// accessToken is '' or T2), so formsFor(connection, tokenBefore = '') holds neither form of T1.
	test('the token a request carried is redacted from its answer even when another request refreshed the token meanwhile', async () => {
		sandbox.setLatency(300);
		sandbox.injectFault({ type: 'status', status: 401 }); // the first request: refused, so it fetches a new token
		sandbox.injectFault({ type: 'echoRequest', status: 200, format: 'html' }); // the second: echoes the token it carried
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(0, 2),
			parameters: earn({ options: { batchSize: 1, parallelRequests: 2 } }),
		});

		const echoed = run.failed.map((i) => String(errorOf(i).response ?? ''));
		expect(echoed.join('')).toMatch(/x-cap-api-oauth-token: /); // the echo came back …
		expect(JSON.stringify(run)).not.toMatch(JWT); // … with the token in it, raw
		expect(JSON.stringify(run)).not.toContain('ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5'); // or base64
	});

	// secretForms covers raw, URL-encoded and base64 forms only. A Java error page that writes the request
	// headers into a <script> block escapes them for JavaScript (OWASP ESAPI encodeForJavaScript turns every
	// character but letters and digits into \xHH): the JWT's dots, dashes and underscores are escaped, no
	// form matches, and the page is kept whole (2xx without response[]: error.response).
	test('a token echoed JavaScript-escaped (\\xHH) in a debug page is redacted', async () => {
		const credentials = sandboxCredentials(sandbox);
		await runCapillary(credentials, { items: mobileItems(10, 1), parameters: earn() }); // gets a token
		const token = String(credentials.store.get('capillaryOAuthApi')!.accessToken);
		expect(token).toMatch(JWT);
		const jsEscaped = token.replace(
			/[^A-Za-z0-9]/g,
			(c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
		);
		sandbox.injectFault({
			type: 'status',
			status: 200,
			body: `<!DOCTYPE html><html><body><h1>Gateway debug</h1><script>var request = { headers: { "x-cap-api-oauth-token": "${jsEscaped}" } };</script></body></html>`,
		});
		const run = await runCapillary(credentials, { items: mobileItems(11, 1), parameters: earn() });

		expect(errorOf(run.failed[0]).kind).toBe('unmatched');
		const unescaped = JSON.stringify(run).replace(/\\\\x([0-9a-f]{2})/g, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16)),
		);
		expect(unescaped).not.toContain(token);
	});

	// Redaction also removes the raw till password (which is never sent) from every server text, in
	// strings only: ids are strings, so a numeric password that happens to appear in an issued id
	// corrupts the id on a Success item (and a bulk revoke needs the earnedId).
	test('a numeric till password does not corrupt the ids of a Success item', async () => {
		const credentials = sandboxCredentials(sandbox, {
			basicAuth: { username: 'store.server', password: '500001' },
		});
		const entry = {
			result: {
				entityType: 'CUSTOMER',
				entityId: DEMO.customer(20).id,
				issualId: '100001',
				earnedId: '1500001',
			},
			errors: [],
			warnings: [],
		};
		sandbox.injectFault({ type: 'status', status: 200, body: { response: [entry] } });
		const run = await runCapillary(credentials, {
			items: mobileItems(20, 1),
			authentication: 'basicAuth',
			parameters: earn(),
		});

		expect(run.success.map((i) => [i.json.issualId, i.json.earnedId])).toEqual([
			['100001', '1500001'],
		]);
	});
});

describe('held in review', () => {
	test('a Basic value whose "=" padding a template escaped (&#x3D;): the MD5 stays redacted through its own base64 form', async () => {
		const password = 'server123';
		const md5 = createHash('md5').update(password).digest('hex');
		const bare = Buffer.from(`till.one:${md5}`).toString('base64');
		expect(bare.endsWith('=')).toBe(true);
		sandbox.injectFault({
			type: 'status',
			status: 200,
			body: `<html><body><pre>Authorization: Basic ${bare.replace(/=/g, '&#x3D;')}</pre></body></html>`,
		});
		const credentials = sandboxCredentials(sandbox, {
			basicAuth: { username: 'till.one', password },
		});
		const run = await runCapillary(credentials, {
			items: mobileItems(30, 1),
			authentication: 'basicAuth',
			parameters: earn(),
		});
		const text = JSON.stringify(run);
		expect(text).not.toContain(bare.replace(/=+$/, ''));
		expect(text).not.toContain(Buffer.from(md5).toString('base64').replace(/=+$/, ''));
		expect(text).not.toContain(md5);
	});

	test('a JSON answer whose message is itself JSON-encoded (escaped quotes) holding the token: redacted', async () => {
		const credentials = sandboxCredentials(sandbox);
		await runCapillary(credentials, { items: mobileItems(40, 1), parameters: earn() });
		const token = String(credentials.store.get('capillaryOAuthApi')!.accessToken);
		sandbox.injectFault({
			type: 'status',
			status: 403,
			body: {
				errors: [{ code: 403, message: JSON.stringify(JSON.stringify({ headers: { token } })) }],
			},
		});
		const run = await runCapillary(credentials, {
			items: mobileItems(41, 1),
			parameters: earn(),
			onError: 'continueRegularOutput',
		});
		expect(JSON.stringify(run)).not.toContain(token);
	});
});

/**
 * Second review of issue 11, item 7: no secret, raw or base64, in any output item, also when a
 * debug page dumps the request headers as base64 wrapped into lines of 76 (MIME) or 64 (PEM)
 * characters, which no unbroken form matches (the review found the token and the Basic value kept).
 */
describe('echoed as base64 wrapped into lines', () => {
	const wrap = (text: string, width: number) =>
		(text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\r\n');
	const debugPage = (dump: string) =>
		`<html><body><h1>Gateway debug</h1><p>Request headers (base64):</p><pre>\n${dump}\n</pre></body></html>`;
	/** Every base64 run of the text, line breaks removed, decoded. */
	const decodedBase64 = (text: string) =>
		Buffer.from(
			text.replace(/\\r\\n|\\n|\s/g, '').replace(/[^A-Za-z0-9+/=]/g, ''),
			'base64',
		).toString('latin1');

	test.each([76, 64])(
		'an OAuth token echoed as base64 wrapped at %i characters is redacted',
		async (width) => {
			const credentials = sandboxCredentials(sandbox);
			await runCapillary(credentials, { items: mobileItems(0, 1), parameters: earn() }); // gets a token
			const token = String(credentials.store.get('capillaryOAuthApi')!.accessToken);
			const dump = wrap(
				Buffer.from(`x-cap-api-oauth-token: ${token}\r\n`).toString('base64'),
				width,
			);
			sandbox.injectFault({ type: 'status', status: 200, body: debugPage(dump) });
			const run = await runCapillary(credentials, { items: mobileItems(1, 1), parameters: earn() });

			expect(errorOf(run.failed[0]).kind).toBe('unmatched');
			const kept = String(errorOf(run.failed[0]).response);
			expect(kept).toContain('Gateway debug'); // the page is kept …
			expect(decodedBase64(kept.split('<pre>')[1] ?? '')).not.toContain(token); // … without the token
		},
	);

	test('the Basic header value echoed as base64 wrapped at 76 characters is redacted', async () => {
		const credentials = sandboxCredentials(sandbox);
		const basic = `Basic ${Buffer.from(`${DEMO.basic.username}:${DEMO.basic.passwordMd5}`).toString('base64')}`;
		const dump = wrap(Buffer.from(`authorization: ${basic}\r\n`).toString('base64'), 76);
		sandbox.injectFault({ type: 'status', status: 200, body: debugPage(dump) });
		const run = await runCapillary(credentials, {
			items: mobileItems(2, 1),
			authentication: 'basicAuth',
			parameters: earn(),
		});

		const kept = String(errorOf(run.failed[0]).response);
		expect(kept).toContain('Gateway debug');
		expect(decodedBase64(kept.split('<pre>')[1] ?? '')).not.toContain(basic.replace(/^Basic /, ''));
	});
});
