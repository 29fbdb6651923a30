/**
 * Hostile review of the redaction change (d616e9c): `secretForms` builds the escaped forms lazily and
 * `redactSecrets` looks for them only when the answer's text matches ESCAPE_MARK (`\x`, `\u`, `&#`).
 *
 * Promise checked throughout: no secret (client secret, access token, password, its MD5, the Basic
 * header; raw, URL-encoded, base64 at any alignment, or escaped \xHH, \uHHHH, &#xHH;, &#DD;) in any
 * output item, error message or log.
 *
 * "held in review": guards that pass (the gating is sound for every escaped form the code builds).
 * "found in review": reproductions that FAIL while the promise is broken (all pre-date the change).
 */
import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	REDACTED,
	redactSecrets,
	secretForms,
} from '../../nodes/Capillary/transport/redactSecrets';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0aWxsLTEiLCJleHAiOjE3MDB9.Zm9v-YmFy_YmF6';
const oauth = { clientKey: 'key-1', clientSecret: 'Cl"ient/Secret+=9<&>', accessToken: TOKEN };
const basic = { username: 'till.user', password: 'Till#Pass-2026', isMd5Hash: false };
const md5 = createHash('md5').update(basic.password).digest('hex');
const basicValue = Buffer.from(`${basic.username}:${md5}`).toString('base64');

/** Every escaped form, built independently of the node's code: 4 escapes × hex case × keep alnum. */
function escapedVariants(secret: string): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	for (const upper of [false, true]) {
		const hex = (n: number, w: number) => {
			const h = n.toString(16).padStart(w, '0');
			return upper ? h.toUpperCase() : h;
		};
		const escapes: Array<[string, (n: number) => string]> = [
			['\\xHH', (n) => `\\x${hex(n, 2)}`],
			['\\uHHHH', (n) => `\\u${hex(n, 4)}`],
			['&#xHH;', (n) => `&#x${hex(n, 2)};`],
			['&#DD;', (n) => `&#${n};`],
		];
		for (const [name, escape] of escapes) {
			for (const keep of [false, true]) {
				const form = [...secret]
					.map((c) => (keep && /[A-Za-z0-9]/.test(c) ? c : escape(c.codePointAt(0)!)))
					.join('');
				if (form !== secret)
					out.push([`${name}${upper ? ' upper' : ''}${keep ? ' keeping alnum' : ''}`, form]);
			}
		}
	}
	return out;
}

const cases: Array<[string, ICredentialDataDecryptedObject, string]> = [
	['the access token', oauth, TOKEN],
	['the client secret', oauth, oauth.clientSecret],
	['the Basic value', basic, basicValue],
	['the Basic header', basic, `Basic ${basicValue}`],
	['the MD5', basic, md5],
	['the MD5 in upper case', basic, md5.toUpperCase()],
	['the password', basic, basic.password],
];

const shapes: Array<[string, (echo: string) => unknown]> = [
	['a string answer', (echo) => `<html><script>var h = "${echo}";</script></html>`],
	['a value in an object', (echo) => ({ errors: [{ code: 500, message: `debug ${echo}` }] })],
	['an object key', (echo) => ({ debug: { [echo]: true } })],
	['a string body in a response', (echo) => ({ type: 'http', statusCode: 200, body: `x${echo}y` })],
	['a nested array', (echo) => ({ a: [[[{ b: [`${echo}`] }]]] })],
	[
		'a cyclic object',
		(echo) => {
			const o: Record<string, unknown> = { message: echo };
			o.self = o;
			return o;
		},
	],
];

describe('held in review: every escaped form is found although only ESCAPE_MARK answers look for them', () => {
	for (const [what, credentials, secret] of cases) {
		for (const [variant, echo] of escapedVariants(secret)) {
			test.each(shapes)(`${what}, ${variant}, in %s`, (_, shape) => {
				const forms = secretForms(credentials);
				const text = JSON.stringify(redactSecrets(shape(echo), forms), (_k, v: unknown) =>
					v === undefined ? null : v,
				).replace(/"self":\{[^]*$/, '');
				expect(text).toContain(REDACTED);
				expect(text).not.toContain(JSON.stringify(echo).slice(1, -1));
				expect(text).not.toContain(echo.slice(0, Math.min(echo.length, 40)));
			});
		}
	}

	test('no form holds an escape (escaped text is decoded instead); json matches raw', () => {
		for (const credentials of [oauth, basic]) {
			const forms = secretForms(credentials, ['another-token-value']);
			expect(forms.raw.every((f) => !/\\[xu]|&#/.test(f))).toBe(true);
			expect(forms.json).toEqual(forms.raw.map((f) => JSON.stringify(f).slice(1, -1)));
		}
	});

	test('a string answer whose JSON-escaped text would hide the mark (control characters, quotes) still finds an escaped token', () => {
		const forms = secretForms(oauth);
		const echo = escapedVariants(TOKEN)[0][1];
		const answer = { body: `"\u0001"${echo}"` };
		expect(JSON.stringify(redactSecrets(answer, forms))).not.toContain('\\\\x2e');
	});
	// PHP's json_encode escapes `/` as `\/` (no \x, \u or &#, so only the plain forms are looked for).
	// The Basic value's own form then fails, but base64 of hex text never holds `/` or `+`: the
	// MD5's aligned base64 form is always found, and only the (public) user name part stays.
	test('a Basic header echoed with "\\/" (PHP json_encode): the MD5 part is still redacted', () => {
		for (let k = 0; k < 200; k++) {
			const credentials = { username: `till.${k}?`, password: `pw-${k}`, isMd5Hash: false };
			const hash = createHash('md5').update(credentials.password).digest('hex');
			const value = Buffer.from(`${credentials.username}:${hash}`).toString('base64');
			if (!value.includes('/')) continue;
			const out = String(
				redactSecrets(
					`<script>var h = {"Authorization":"Basic ${value.replace(/\//g, '\\/')}"};</script>`,
					secretForms(credentials),
				),
			);
			expect(out).toContain(REDACTED);
			expect(out).not.toContain(value.slice(-24, -4));
		}
	});
});

describe('found in review (pre-existing: not caused by d616e9c), fixed: escaped text is decoded', () => {
	// redactSecrets.ts escapedForms: "each character, or each one but letters and digits (OWASP ESAPI's
	// way)". ESAPI's real JavaScript codec keeps `,` `.` `_` unescaped (IMMUNE_JAVASCRIPT), so a JWT
	// echoed through ESAPI.encoder().encodeForJavaScript has `-` as \x2d but `.` and `_` raw: no form
	// built matches it, and the whole token stays in the answer.
	test('a token JavaScript-escaped the way ESAPI does it (",._" kept) is redacted', () => {
		const esapi = TOKEN.replace(
			/[^A-Za-z0-9,._]/g,
			(c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
		);
		expect(esapi).toContain('\\x2d');
		const out = JSON.stringify(
			redactSecrets({ body: `<script>var t = '${esapi}';</script>` }, secretForms(oauth)),
		);
		expect(out).not.toContain('eyJzdWIiOiJ0aWxsLTEiLCJleHAiOjE3MDB9');
	});

	// HTML allows an upper-case X in hex references (&#X2D;); the forms hold only `&#x`.
	test('a token HTML-escaped with "&#X..;" (upper-case X) is redacted', () => {
		const html = TOKEN.replace(/[^A-Za-z0-9]/g, (c) => `&#X${c.charCodeAt(0).toString(16)};`);
		const out = String(redactSecrets(`<pre>${html}</pre>`, secretForms(oauth)));
		expect(out).toContain(REDACTED);
	});
});
