/** Longest raw response kept on an output item: a hostile or huge body must not bloat every item. */
const MAX_EXCERPT_CHARS = 2000;

/** The raw response as sent, or a cut JSON text of it when it is too long to keep on every item. */
export function responseExcerpt(body: unknown): unknown {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
	if (text.length <= MAX_EXCERPT_CHARS) return body;
	return `${text.slice(0, MAX_EXCERPT_CHARS)}… (${text.length} characters in all)`;
}
