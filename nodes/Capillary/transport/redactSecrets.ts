import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { basicAuthorization } from './auth/basicAuthorization';

export const REDACTED = '[redacted]';

/** Shorter texts are not looked for: they would shred ordinary text, and every secret sent is longer. */
const MIN_FORM_LENGTH = 6;

/** Texts to look for in a server's answer, as found in the answer itself and inside its JSON text. */
export interface FormLists {
	raw: readonly string[];
	json: readonly string[];
}

/**
 * The texts to remove from a server's answer (`raw`, `json`: every form), and `plain`: the forms
 * but the escaped ones, enough for an answer with no `\x`, `\u` or `&#` in it. The escaped forms
 * of a long token take most of the work, which the answers that need them alone pay for.
 */
export interface SecretForms extends FormLists {
	plain: FormLists;
}

/**
 * Every form in which a secret of this credential may come back in a server's answer. The secrets:
 * the client secret, the token (and `alsoSent`: e.g. the token a request actually carried), the
 * password, its MD5 (lower and upper case), the Basic header value with and without `Basic `. The
 * forms of each: raw, URL-encoded, escaped (see escapedForms), and base64/base64url, unpadded, at
 * each of the 3 byte alignments it may have inside a longer encoded text (so a base64 dump of a
 * whole header or body is caught too), and URL-encoded base64. Longest first, so that no form is
 * cut by a shorter one.
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
	].filter(
		(secret): secret is string => typeof secret === 'string' && secret.length >= MIN_FORM_LENGTH,
	);
	let every: FormLists | undefined;
	const everyForm = () => (every ??= formLists(secrets.flatMap((secret) => formsOf(secret, true))));
	return {
		get raw() {
			return everyForm().raw;
		},
		get json() {
			return everyForm().json;
		},
		plain: formLists(secrets.flatMap((secret) => formsOf(secret, false))),
	};
}

function formLists(forms: readonly string[]): FormLists {
	const raw = [...new Set(forms.filter((form) => form.length >= MIN_FORM_LENGTH))].sort(
		(a, b) => b.length - a.length,
	);
	return { raw, json: raw.map((form) => JSON.stringify(form).slice(1, -1)) };
}

/** Escaped forms all hold one of these, in an answer's own text and in its JSON text alike. */
const ESCAPE_MARK = /\\[xu]|&#/;

/**
 * The value with every secret form replaced by `[redacted]`, in strings and object keys at any
 * depth; the same value (not a copy) when none occurs, found with one JSON text of it.
 */
export function redactSecrets<T>(value: T, forms: SecretForms): T {
	if (forms.plain.raw.length === 0 || value === undefined || value === null) return value;
	let text: string | undefined;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value);
	} catch {
		text = undefined; // not JSON (a cycle): look everywhere
	}
	const lists = text !== undefined && !ESCAPE_MARK.test(text) ? forms.plain : forms;
	const found = typeof value === 'string' ? lists.raw : lists.json;
	// Line breaks may cut a base64 form (a dump wrapped at 64 or 76 characters): look closer then.
	const lineBreak = typeof value === 'string' ? '\n' : '\\n';
	if (text !== undefined && !found.some((form) => text.includes(form)) && !text.includes(lineBreak))
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

function formsOf(secret: string, escaped: boolean): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const encoded: string[] = [];
	for (let offset = 0; offset < 3 && offset < bytes.length; offset++) {
		const aligned = bytes.subarray(offset, offset + Math.floor((bytes.length - offset) / 3) * 3);
		if (aligned.length === 0) continue;
		encoded.push(aligned.toString('base64'), aligned.toString('base64url'));
	}
	// The whole secret encoded on its own, its last group padded: unpadded, it is a prefix of the padded form.
	encoded.push(bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'));
	return [
		secret,
		encodeURIComponent(secret),
		...(escaped ? escapedForms(secret) : []),
		...encoded,
		...encoded.map(encodeURIComponent),
	];
}

/**
 * The secret as an error page may write it into a script or HTML: each character, or each one but
 * letters and digits (OWASP ESAPI's way), escaped as \xHH, \uHHHH, &#xHH; or &#DD; (hex in either case).
 */
function escapedForms(secret: string): string[] {
	// Built in one pass (the token is long, and this runs once per execution): for each case of
	// hex and each escape, the form with every character escaped, then the one keeping letters and digits.
	const forms: string[] = new Array<string>(16).fill('');
	for (const char of secret) {
		const code = char.codePointAt(0)!;
		const keep = isLetterOrDigit(code);
		const lower = code.toString(16);
		let form = 0;
		for (const hex of [lower, lower.toUpperCase()]) {
			for (const escaped of [
				`\\x${hex.padStart(2, '0')}`,
				`\\u${hex.padStart(4, '0')}`,
				`&#x${hex.padStart(2, '0')};`,
				`&#${code};`,
			]) {
				forms[form++] += escaped;
				forms[form++] += keep ? char : escaped;
			}
		}
	}
	const distinct = new Set(forms);
	distinct.delete(secret);
	return [...distinct];
}

function isLetterOrDigit(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
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
	let result = text.includes('\n') ? redactWrapped(text, forms) : text;
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
