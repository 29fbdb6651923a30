/**
 * Second review of issue 11, item 7: no secret, raw or base64, in any output item, also when a
 * debug page dumps the request headers as base64 wrapped into lines of 76 (MIME) or 64 (PEM)
 * characters, which no unbroken form matches (the review found the token and the Basic value kept).
 */
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
		const dump = wrap(Buffer.from(`x-cap-api-oauth-token: ${token}\r\n`).toString('base64'), width);
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
