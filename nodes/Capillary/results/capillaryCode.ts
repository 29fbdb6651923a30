/**
 * Capillary's code for an error or warning as a number. A numeric code may come as text (a Java
 * backend, a proxy's re-encoding): it is the same code. Anything else: undefined.
 */
export function numericCode(code: unknown): number | undefined {
	if (typeof code === 'number') return code;
	return typeof code === 'string' && /^\d{1,9}$/.test(code.trim()) ? Number(code) : undefined;
}
