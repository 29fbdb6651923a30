import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { clusterFields } from '../nodes/Capillary/descriptions/clusterFields';
import { resolveBaseUrl } from '../nodes/Capillary/transport/auth/baseUrl';
import { refuseEndedRequest } from '../nodes/Capillary/transport/refuseEndedRequest';
import { generateAccessToken } from '../nodes/Capillary/transport/auth/accessToken';
import { sendWithHttpRequest } from '../nodes/Capillary/transport/sendJson';
import { expiredTokenError, tokenIsUsable } from '../nodes/Capillary/transport/auth/tokenExpiry';

/** API client key and secret, exchanged for a JWT sent as `X-CAP-API-OAUTH-TOKEN`. */
export class CapillaryOAuthApi implements ICredentialType {
	name = 'capillaryOAuthApi';

	displayName = 'Capillary OAuth API';

	icon = {
		light: 'file:../nodes/Capillary/capillary.svg',
		dark: 'file:../nodes/Capillary/capillary.dark.svg',
	} as const;

	documentationUrl = 'https://docs.capillarytech.com/reference/oauth-authentication';

	properties: INodeProperties[] = [
		...clusterFields,
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			default: '',
			required: true,
			description:
				'The API client key from Capillary Dev Console → Organisation Settings → Credentials',
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
		// The local time (ms since the epoch) from which the access token is no longer sent: the time
		// it was requested plus its lifetime, less a margin. Its JWT `exp` is on Capillary's clock,
		// which may differ from this host's by minutes, so it is not compared to the local clock.
		{
			displayName: 'Session Expires At',
			name: 'sessionExpiresAt',
			type: 'hidden',
			default: 0,
		},
	];

	/**
	 * n8n calls this when `accessToken` is empty, after a request answered 401, and on the credential
	 * test; it saves every field returned (both, together) into the credential.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { accessToken, sessionExpiresAt } = await generateAccessToken(
			sendWithHttpRequest(this),
			credentials,
		);
		return { accessToken, sessionExpiresAt };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		refuseEndedRequest(requestOptions);
		resolveBaseUrl(credentials);
		if (!tokenIsUsable(credentials)) throw expiredTokenError();
		requestOptions.headers = {
			...requestOptions.headers,
			'X-CAP-API-OAUTH-TOKEN': String(credentials.accessToken),
		};
		return requestOptions;
	}
}
