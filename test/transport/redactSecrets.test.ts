import { createHash } from 'crypto';

import {
	REDACTED,
	redactSecrets,
	secretForms,
} from '../../nodes/Capillary/transport/redactSecrets';

const basic = { username: 'till.user', password: 'Till#Pass-2026', isMd5Hash: false };
const md5 = createHash('md5').update(basic.password).digest('hex');
const basicValue = Buffer.from(`${basic.username}:${md5}`).toString('base64');
const token = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl';
const oauth = { clientKey: 'key-1', clientSecret: 'Cl"ient/Secret+=9', accessToken: token };

const b64 = (text: string) => Buffer.from(text).toString('base64');

test.each([
	['the raw token', token],
	['the client secret (with JSON-escaped characters)', oauth.clientSecret],
	['the URL-encoded client secret', encodeURIComponent(oauth.clientSecret)],
	['the token in base64', b64(token)],
	['the token in base64url', Buffer.from(token).toString('base64url')],
	[
		'a base64 dump of a whole header line, at any alignment',
		b64(`X-CAP-API-OAUTH-TOKEN: ${token}`),
	],
	['the same, shifted by a byte', b64(`x X-CAP-API-OAUTH-TOKEN: ${token}`)],
])('OAuth: %s is removed from strings, keys and nested values', (_, echoed) => {
	const forms = secretForms(oauth);
	const body = { errors: [{ message: `refused: ${echoed}` }], debug: { [echoed]: [echoed] } };
	const text = JSON.stringify(redactSecrets(body, forms));
	expect(text).toContain(REDACTED);
	for (const secret of [
		token,
		oauth.clientSecret,
		JSON.stringify(oauth.clientSecret).slice(1, -1),
		encodeURIComponent(oauth.clientSecret),
	]) {
		expect(text).not.toContain(secret);
	}
	// A base64 dump keeps at most a couple of characters of either end of the secret.
	expect(text).not.toContain(b64(token).slice(4, -4));
	expect(redactSecrets(`said ${echoed}`, forms)).not.toContain(echoed.slice(4, -4));
});

test.each([
	['the Basic header value', `Basic ${basicValue}`],
	['its base64 part alone', basicValue],
	['the header value URL-encoded', encodeURIComponent(`Basic ${basicValue}`)],
	['the MD5 of the password', md5],
	['the MD5 in upper case', md5.toUpperCase()],
	['the password itself', basic.password],
])('Basic: %s is removed', (_, echoed) => {
	const redacted = redactSecrets(
		{ message: `<pre>Authorization: ${echoed}</pre>` },
		secretForms(basic),
	);
	expect(redacted.message).toContain(REDACTED);
	for (const secret of [
		basicValue,
		md5,
		md5.toUpperCase(),
		basic.password,
		encodeURIComponent(basicValue),
	])
		expect(redacted.message).not.toContain(secret);
});

test('a password given as its MD5 is redacted as the hash, whatever its case', () => {
	const forms = secretForms({ username: 'u', password: md5.toUpperCase(), isMd5Hash: true });
	expect(redactSecrets(`h=${md5}`, forms)).toBe(`h=${REDACTED}`);
});

test('a value without any secret is returned as it is, not copied', () => {
	const body = { response: [{ result: { entityId: 12 } }], note: 'Basic' };
	expect(redactSecrets(body, secretForms({ ...oauth, ...basic }))).toBe(body);
});

test('short secrets are not looked for, so ordinary text stays whole', () => {
	const forms = secretForms({ clientSecret: 'abc', accessToken: '' });
	expect(forms.raw).toEqual([]);
	expect(redactSecrets('abc abc', forms)).toBe('abc abc');
});

test('a cyclic value does not loop', () => {
	const cyclic: Record<string, unknown> = { message: token };
	cyclic.self = cyclic;
	expect(redactSecrets(cyclic, secretForms(oauth))).toEqual({ message: REDACTED, self: '[cycle]' });
});

test('a token passed as sent is redacted though the credential now holds another', () => {
	const forms = secretForms({ ...oauth, accessToken: 'eyJnew.token.value' }, [token]);
	expect(redactSecrets(`old ${token}`, forms)).toBe(`old ${REDACTED}`);
});

test('a numeric password is removed where it stands alone, never from inside a longer number such as an id', () => {
	const forms = secretForms({ username: 'store.server', password: '500001' });
	expect(redactSecrets({ earnedId: '1500001', echoed: 'password=500001;' }, forms)).toEqual({
		earnedId: '1500001',
		echoed: `password=${REDACTED};`,
	});
});

test.each([
	['\\xHH', (code: number) => `\\x${code.toString(16).padStart(2, '0')}`],
	['\\uHHHH', (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`],
	['&#xHH;', (code: number) => `&#x${code.toString(16)};`],
	['&#DD;', (code: number) => `&#${code};`],
])(
	'a token escaped (%s), whole or all but letters and digits, is decoded and redacted',
	(_, escape) => {
		const forms = secretForms(oauth);
		const escaped = [...token].map((char) => escape(char.codePointAt(0)!)).join('');
		const kept = [...token].map((c) => (/[A-Za-z0-9]/.test(c) ? c : escape(c.codePointAt(0)!)));
		expect(redactSecrets({ page: kept.join('') }, forms)).toEqual({ page: REDACTED });
		expect(JSON.stringify(redactSecrets({ page: `<p>${escaped}</p>` }, forms))).not.toContain(
			escaped,
		);
		expect(redactSecrets(`token: ${escaped}`, forms)).toBe(`token: ${REDACTED}`);
		const clean = { message: 'no escapes here' };
		expect(redactSecrets(clean, forms)).toBe(clean);
		// Escaped text without a secret in it is left as it came.
		const page = { message: 'caf&#xe9; \\x41' };
		expect(redactSecrets(page, forms)).toEqual(page);
	},
);

test('a client secret HTML-encoded with named escapes (&quot; &amp; &lt; &gt;) is decoded and redacted', () => {
	const forms = secretForms(oauth);
	const html = oauth.clientSecret
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\//g, '&#x2f;');
	expect(html).toContain('&quot;');
	const out = JSON.stringify(redactSecrets({ page: `<p>secret: ${html}</p>` }, forms));
	expect(out).toContain(REDACTED);
	expect(out).not.toContain('Secret+=9');
});
