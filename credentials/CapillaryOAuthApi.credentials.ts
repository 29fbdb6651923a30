import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { clusterProperties, resolveBaseUrl } from '../nodes/Capillary/transport/baseUrl';
import { generateAccessToken } from '../nodes/Capillary/transport/accessToken';
import { sendWithHttpRequest } from '../nodes/Capillary/transport/sendJson';
import { expiredTokenError, tokenHasExpired } from '../nodes/Capillary/transport/tokenExpiry';

/** API client key and secret, exchanged for a JWT sent as `X-CAP-API-OAUTH-TOKEN`. */
export class CapillaryOAuthApi implements ICredentialType {
	name = 'capillaryOAuthApi';

	displayName = 'Capillary OAuth API';

	icon = { light: 'file:../nodes/Capillary/capillary.svg', dark: 'file:../nodes/Capillary/capillary.dark.svg' } as const;

	documentationUrl = 'https://docs.capillarytech.com/reference/oauth-authentication';

	properties: INodeProperties[] = [
		...clusterProperties,
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The API client key from Capillary Dev Console → Organisation Settings → Credentials',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** n8n calls this when `accessToken` is empty, after a request answered 401, and on the credential test. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await generateAccessToken(sendWithHttpRequest(this), credentials) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		resolveBaseUrl(credentials);
		const token = String(credentials.accessToken ?? '');
		if (tokenHasExpired(token)) throw expiredTokenError();
		requestOptions.headers = { ...requestOptions.headers, 'X-CAP-API-OAUTH-TOKEN': token };
		return requestOptions;
	}

}
