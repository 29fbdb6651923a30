/** Capillary puts this on every response; its support asks for it. */
export const REQUEST_ID_HEADER = 'x-cap-requestid';

/** A response header's value, whatever its case, when it is a string. */
export function headerOf(
	headers: Record<string, unknown> | undefined,
	name: string,
): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((header) => header.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' ? value : undefined;
}
