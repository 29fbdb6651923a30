import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import type { BatchResponse } from '../helpers/types';
import { readFailedRequest } from './readFailedRequest';
import { requestIdOf } from './requestId';

export type CapillaryCredentialType = 'capillaryOAuthApi' | 'capillaryBasicApi';

export interface CapillaryRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	timeout?: number;
}

/**
 * The one place that speaks HTTP to Capillary. Never throws for an HTTP or network failure:
 * every outcome comes back as a BatchResponse, with the body parsed whatever the status.
 * n8n's request helper applies the credential and, on a 401, refreshes an OAuth token and resends once.
 */
export async function capillaryRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	credentialType: CapillaryCredentialType,
	baseUrl: string,
	request: CapillaryRequest,
): Promise<BatchResponse> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, {
			method: request.method,
			url: `${baseUrl}/${request.path.replace(/^\//, '')}`,
			headers: request.body ? { 'Content-Type': 'application/json' } : {},
			body: request.body,
			qs: request.qs,
			json: true,
			returnFullResponse: true,
			timeout: request.timeout,
		})) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		return {
			type: 'http',
			statusCode: response.statusCode,
			body: response.body,
			requestId: requestIdOf(response.headers),
		};
	} catch (error) {
		return readFailedRequest(error);
	}
}
