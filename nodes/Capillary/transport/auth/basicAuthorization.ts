import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { notSentTags } from '../notSent';

const MD5_HEX = /^[0-9a-f]{32}$/i;

/** `Basic base64(username:md5hex(password))`, or the password as given when it is already the hash. */
export function basicAuthorization(credentials: ICredentialDataDecryptedObject): string {
	const token = Buffer.from(
		`${String(credentials.username ?? '')}:${passwordHash(credentials)}`,
	).toString('base64');
	return `Basic ${token}`;
}

function passwordHash(credentials: ICredentialDataDecryptedObject): string {
	const password = String(credentials.password ?? '');
	if (!credentials.isMd5Hash) return createHash('md5').update(password, 'utf8').digest('hex');
	const hash = password.trim();
	if (!MD5_HEX.test(hash)) {
		throw new ApplicationError(
			'The till password is marked as an MD5 hash but is not 32 hexadecimal characters: turn the switch off to send the plain password',
			notSentTags,
		);
	}
	return hash.toLowerCase();
}
