import type { IHttpRequestOptions } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { notSentOptions } from './notSent';

/**
 * Called by the credentials just before n8n sends a request (their `authenticate`). A request whose
 * deadline or cancel fired while n8n was still fetching its token must not leave afterwards: the
 * node has already reported it. n8n's request layer does not refuse an already-aborted signal.
 */
export function refuseEndedRequest(requestOptions: IHttpRequestOptions): void {
	if (requestOptions.abortSignal?.aborted) {
		throw new ApplicationError(
			'Not sent: the Timeout or a cancel ended the request before it could leave',
			notSentOptions(),
		);
	}
}
