/** Capillary puts this on every response; its support asks for it. */
export const REQUEST_ID_HEADER = 'x-cap-requestid';

export function requestIdOf(headers: Record<string, unknown> | undefined): string | undefined {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((name) => name.toLowerCase() === REQUEST_ID_HEADER);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' ? value : undefined;
}
