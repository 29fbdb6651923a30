import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { clusterFields } from '../nodes/Capillary/descriptions/clusterFields';
import { resolveBaseUrl } from '../nodes/Capillary/transport/auth/baseUrl';
import { refuseEndedRequest } from '../nodes/Capillary/transport/refuseEndedRequest';
import { basicAuthorization } from '../nodes/Capillary/transport/auth/basicAuthorization';

/** Till credentials, sent as `Authorization: Basic base64(username:md5hex(password))`. */
export class CapillaryBasicApi implements ICredentialType {
	name = 'capillaryBasicApi';

	displayName = 'Capillary Basic Auth API';

	icon = {
		light: 'file:../nodes/Capillary/capillary.svg',
		dark: 'file:../nodes/Capillary/capillary.dark.svg',
	} as const;

	documentationUrl = 'https://docs.capillarytech.com/reference/authentication';

	properties: INodeProperties[] = [
		...clusterFields,
		{
			displayName: 'Till Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'The till (store server) user name from InTouch → Settings → Organization → Stores and Tills',
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
		{
			displayName: 'Password Is Already an MD5 Hash',
			name: 'isMd5Hash',
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
		refuseEndedRequest(requestOptions);
		resolveBaseUrl(credentials);
		requestOptions.headers = {
			...requestOptions.headers,
			Authorization: basicAuthorization(credentials),
		};
		return requestOptions;
	}
}
