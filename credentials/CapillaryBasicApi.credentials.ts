import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { baseUrlExpression, clusterProperties, resolveBaseUrl } from '../nodes/Capillary/transport/baseUrl';
import { notSentTags } from '../nodes/Capillary/transport/notSent';

const MD5_HEX = /^[0-9a-f]{32}$/i;

/** Till credentials: `Authorization: Basic base64(username:md5hex(password))`. */
export class CapillaryBasicApi implements ICredentialType {
	name = 'capillaryBasicApi';

	displayName = 'Capillary Basic Auth API';

	icon = { light: 'file:../nodes/Capillary/capillary.svg', dark: 'file:../nodes/Capillary/capillary.dark.svg' } as const;

	documentationUrl = 'https://docs.capillarytech.com/reference/authentication';

	properties: INodeProperties[] = [
		...clusterProperties,
		{
			displayName: 'Till Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The till (store server) user name from InTouch → Settings → Organization → Stores and Tills',
		},
		{
			displayName: 'Till Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The till password, or its MD5 hash if the switch below is on',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a yes/no switch, not a secret
		{
			displayName: 'Password Is Already an MD5 Hash',
			name: 'passwordIsMd5',
			type: 'boolean',
			default: false,
			description:
				'Whether the password above is already the 32-character MD5 hash Capillary asks for (its docs tell you to paste the hash)',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		resolveBaseUrl(credentials);
		const token = Buffer.from(`${String(credentials.username)}:${passwordHash(credentials)}`).toString('base64');
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Basic ${token}` };
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		request: { baseURL: baseUrlExpression, url: '/v2/organization/programs', method: 'GET', disableFollowRedirect: true },
	};
}

function passwordHash(credentials: ICredentialDataDecryptedObject): string {
	const password = String(credentials.password ?? '');
	if (!credentials.passwordIsMd5) return createHash('md5').update(password, 'utf8').digest('hex');
	const hash = password.trim();
	if (!MD5_HEX.test(hash)) {
		throw new ApplicationError(
			'The till password is marked as an MD5 hash but is not 32 hexadecimal characters: turn the switch off to send the plain password',
			notSentTags,
		);
	}
	return hash.toLowerCase();
}
