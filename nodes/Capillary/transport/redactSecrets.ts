import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { basicAuthorization } from './auth/basicAuthorization';

export const REDACTED = '[redacted]';

/** Shorter texts are not looked for: they would shred ordinary text, and every secret sent is longer. */
const MIN_FORM_LENGTH = 6;

/** The texts to remove from a server's answer, as found in the answer itself and inside its JSON text. */
export interface SecretForms {
	raw: readonly string[];
	json: readonly string[];
}

/**
 * Every form in which a secret of this credential may come back in a server's answer. The secrets:
 * the client secret, the token (and `alsoSent`: e.g. the token a request actually carried), the
 * password, its MD5 (lower and upper case), the Basic header value with and without `Basic `. The
 * forms of each: raw, URL-encoded, and base64/base64url, unpadded, at each of the 3 byte
 * alignments it may have inside a longer encoded text (so a base64 dump of a whole header or
 * body is caught too), and URL-encoded base64. Longest first, so that no form is cut by a shorter
 * one. Escaped text (\xHH, \uHHHH, &#xHH;, &#DD;, &amp; …) is decoded before these are looked for.
 */
export function secretForms(
	credentials: ICredentialDataDecryptedObject,
	alsoSent: readonly unknown[] = [],
): SecretForms {
	const secrets = [
		credentials.clientSecret,
		credentials.accessToken,
		credentials.password,
		...alsoSent,
		...basicSecrets(credentials),
	];
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < MIN_FORM_LENGTH) continue;
		for (const form of formsOf(secret)) if (form.length >= MIN_FORM_LENGTH) forms.add(form);
	}
	const raw = [...forms].sort((a, b) => b.length - a.length);
	return { raw, json: raw.map((form) => JSON.stringify(form).slice(1, -1)) };
}

/**
 * A character escaped as a script or an HTML page writes it: \xHH, \uHHHH, &#xHH; (either case
 * of x and of the hex) or &#DD;, the `;` optional, or &amp; &lt; &gt; &quot; &apos;. An error
 * page may escape every character of a secret, or all but some (OWASP ESAPI keeps letters, digits
 * and `,._`), so escaped text is decoded whole rather than matched against a list of escaped forms.
 */
const ESCAPED_CHARACTER =
	/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?|&(amp|lt|gt|quot|apos);/g;

/** What the named escapes of an HTML encoder stand for. */
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
};

/** Escapes hold one of these, in an answer's own text and in its JSON text alike. */
const ESCAPE_MARK = /\\[xu]|&#|&(?:amp|lt|gt|quot|apos);/;

/**
 * The value with every secret form replaced by `[redacted]`, in strings and object keys at any
 * depth; the same value (not a copy) when none occurs, found with one JSON text of it. A string
 * holding escapes is decoded, and, if a secret shows then, replaced by its decoded, redacted text.
 */
export function redactSecrets<T>(value: T, forms: SecretForms): T {
	if (forms.raw.length === 0 || value === undefined || value === null) return value;
	let text: string | undefined;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value);
	} catch {
		text = undefined; // not JSON (a cycle): look everywhere
	}
	const found = typeof value === 'string' ? forms.raw : forms.json;
	// Line breaks may cut a base64 form (a dump wrapped at 64 or 76 characters): look closer then.
	const lineBreak = typeof value === 'string' ? '\n' : '\\n';
	if (
		text !== undefined &&
		!found.some((form) => text.includes(form)) &&
		!text.includes(lineBreak) &&
		!ESCAPE_MARK.test(text)
	)
		return value;
	return replaceDeep(value, forms.raw, new Set()) as T;
}

function basicSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	if (typeof credentials.password !== 'string' || credentials.password === '') return [];
	const password = credentials.password;
	const md5 = credentials.isMd5Hash
		? password.trim().toLowerCase()
		: createHash('md5').update(password, 'utf8').digest('hex');
	let header: string[] = [];
	try {
		const value = basicAuthorization(credentials);
		header = [value, value.replace(/^Basic /, '')];
	} catch {
		// The password is marked as an MD5 but is none: no request was sent with it.
	}
	return [md5, md5.toUpperCase(), ...header];
}

function formsOf(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const encoded: string[] = [];
	for (let offset = 0; offset < 3 && offset < bytes.length; offset++) {
		const aligned = bytes.subarray(offset, offset + Math.floor((bytes.length - offset) / 3) * 3);
		if (aligned.length === 0) continue;
		encoded.push(aligned.toString('base64'), aligned.toString('base64url'));
	}
	// The whole secret encoded on its own, its last group padded: unpadded, it is a prefix of the padded form.
	encoded.push(bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'));
	return [secret, encodeURIComponent(secret), ...encoded, ...encoded.map(encodeURIComponent)];
}

/** `ancestors`: the objects being copied above this one, so that a cycle ends (as a placeholder) instead of looping. */
function replaceDeep(value: unknown, forms: readonly string[], ancestors: Set<object>): unknown {
	if (typeof value === 'string') return replaceIn(value, forms);
	if (typeof value !== 'object' || value === null) return value;
	if (ancestors.has(value)) return '[cycle]';
	ancestors.add(value);
	const copy = Array.isArray(value)
		? value.map((entry) => replaceDeep(entry, forms, ancestors))
		: Object.fromEntries(
				Object.entries(value).map(([key, entry]) => [
					replaceIn(key, forms),
					replaceDeep(entry, forms, ancestors),
				]),
			);
	ancestors.delete(value);
	return copy;
}

/** A secret of digits only (a numeric till password) is replaced only where it stands alone, never inside a longer number such as an id. */
function replaceIn(text: string, forms: readonly string[]): string {
	const decoded = ESCAPE_MARK.test(text) ? decodeEscapes(text) : text;
	// Escaped text is shown decoded only when a secret was hidden in it.
	const shown = decoded !== text && forms.some((form) => decoded.includes(form)) ? decoded : text;
	let result = shown.includes('\n') ? redactWrapped(shown, forms) : shown;
	for (const form of forms) {
		if (!result.includes(form)) continue;
		result = /^\d+$/.test(form)
			? result.replace(new RegExp(`(?<!\\d)${form}(?!\\d)`, 'g'), REDACTED)
			: result.split(form).join(REDACTED);
	}
	return result;
}

/** A run of base64 broken into lines (MIME and PEM wrap at 76 and 64 characters). */
const WRAPPED_BASE64 = /[A-Za-z0-9+/_-]{8,}={0,2}(?:[ \t]*\r?\n[ \t]*[A-Za-z0-9+/_-]+={0,2})+/g;

/** Each wrapped base64 run that, joined, holds a secret's form becomes `[redacted]` as a whole. */
function redactWrapped(text: string, forms: readonly string[]): string {
	return text.replace(WRAPPED_BASE64, (run) => {
		const joined = run.replace(/\s+/g, '');
		return forms.some((form) => joined.includes(form)) ? REDACTED : run;
	});
}

function decodeEscapes(text: string): string {
	return text.replace(
		ESCAPED_CHARACTER,
		(escape, x?: string, u?: string, hex?: string, decimal?: string, named?: string) => {
			if (named) return NAMED_ESCAPES[named];
			const code = parseInt(x ?? u ?? hex ?? decimal!, (x ?? u ?? hex) ? 16 : 10);
			return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
		},
	);
}
