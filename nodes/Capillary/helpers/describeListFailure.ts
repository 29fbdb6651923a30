import { firstApiError } from './classifyFailure';
import type { BatchResponse } from './types';

/** Why a read (a picker, a credential test) failed, in words that point at the fix; undefined when it did not. */
export function describeListFailure(response: BatchResponse): string | undefined {
	if (response.type === 'notSent') return response.message;
	if (response.type === 'network') {
		return `Could not reach Capillary (${response.code}, ${response.message}): check the Cluster or Base URL in the credential`;
	}
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300) {
		return body && typeof body === 'object' ? undefined : `Capillary answered HTTP ${statusCode} with a body that is not JSON: check the Cluster or Base URL`;
	}
	const detail = firstApiError(body)?.message;
	const said = detail ? `: ${detail}` : '';
	if (statusCode === 401) return `Capillary refused the credential (HTTP 401${said}): check the secret or password, and the Cluster`;
	if (statusCode === 403) return `The credential is valid but may not read this (HTTP 403${said}): ask your Capillary admin for access`;
	if (statusCode === 404 || (statusCode >= 300 && statusCode < 400)) {
		return `This host does not answer like Capillary's API (HTTP ${statusCode}): check the Cluster or Base URL in the credential`;
	}
	return `Capillary answered HTTP ${statusCode}${said}`;
}
