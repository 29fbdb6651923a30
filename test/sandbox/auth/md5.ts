import { createHash } from 'node:crypto';

/** Lowercase hex MD5, the form Capillary expects in the Basic auth password slot. */
export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}
