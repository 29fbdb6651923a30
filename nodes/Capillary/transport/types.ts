import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

export type CapillaryCredentialType = 'capillaryOAuthApi' | 'capillaryBasicApi';

/** Where and how to reach Capillary for one execution. */
export interface Connection {
	credentialType: CapillaryCredentialType;
	/** The node's reference to its credential, so that a refreshed token is saved to it. */
	credentialRef: { id: string; name: string };
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	timeout: number;
	/** While one request fetches a new OAuth token, the others wait for it instead of fetching their own. */
	tokenRefresh?: Promise<CapillaryResponse>;
	/** Every OAuth token the run has held: a request may carry any of them, so each is redacted from answers. */
	tokensHeld?: Set<string>;
}

export interface RequestOptions {
	/** Fetch a new OAuth token first (the last one was refused). */
	refreshToken?: boolean;
	/** True once the run stopped: a request that waited for another's token does not leave then. */
	shouldStop?: () => boolean;
}

export interface CapillaryRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/**
 * What one request to Capillary came back as (a bulk call, a list read, a credential test), before
 * anyone reads it: an HTTP answer whatever its status, a network failure, or not sent at all.
 */
export type CapillaryResponse =
	| {
			type: 'http';
			statusCode: number;
			body: unknown;
			requestId?: string;
			retryAfter?: string;
			/** The answer's Date header: Capillary's clock (verification compares it with n8n's). */
			serverDate?: string;
	  }
	| { type: 'network'; code: string; message: string }
	/** `retryable`: nothing was sent, and trying again later may pass (the token endpoint was busy or unreachable). */
	| { type: 'notSent'; message: string; retryable?: boolean; retryAfter?: string };
