import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { BatchResponse } from '../helpers/types';
import type { CapillaryRequest, Connection } from './index';
import { readFailedRequest } from './readFailedRequest';
import { headerOf, REQUEST_ID_HEADER } from './requestId';

/**
 * One request through n8n's request helper, with the run's credential. Never throws for an HTTP or
 * network failure: every outcome comes back as a BatchResponse, with the body parsed whatever the
 * status. HTTP errors are not thrown, so n8n does not resend on a 401 by itself: the caller decides.
 * An empty OAuth token makes n8n fetch a new one, save it to the credential, and put it in
 * `connection.credentials`, which every later request of the run then uses.
 */
export async function requestWithCredential(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	connection: Connection,
	request: CapillaryRequest,
): Promise<BatchResponse> {
	// The decrypted credential goes with every request, so that n8n does not load and decrypt it
	// again for each batch (a database read per request in n8n).
	const credentialsDecrypted = {
		id: connection.credentialRef.id,
		name: connection.credentialRef.name,
		type: connection.credentialType,
		data: connection.credentials,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			connection.credentialType,
			{
				method: request.method,
				url: `${connection.baseUrl}/${request.path.replace(/^\//, '')}`,
				headers: request.body ? { 'Content-Type': 'application/json' } : {},
				body: request.body,
				qs: request.qs,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				// A redirect would carry the credential to another host: treat it as a failure instead.
				disableFollowRedirect: true,
				timeout: connection.timeout,
			},
			{ credentialsDecrypted },
		)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
		return {
			type: 'http',
			statusCode: response.statusCode,
			body: response.body,
			requestId: headerOf(response.headers, REQUEST_ID_HEADER),
			retryAfter: headerOf(response.headers, 'retry-after'),
		};
	} catch (error) {
		return readFailedRequest(error);
	}
}
