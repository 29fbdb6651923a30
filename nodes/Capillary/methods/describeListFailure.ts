import { firstApiError } from '../results/classifyFailure';
import { readAdvice, withNextStep } from '../results/failureAdvice';
import { CERTIFICATE_CODES } from '../transport/networkCodes';
import type { CapillaryResponse } from '../transport/types';

/** Why a read (a picker, a credential test) failed, and what to fix; undefined when it did not fail. */
export function describeListFailure(response: CapillaryResponse): string | undefined {
	if (response.type === 'notSent') return response.message;
	if (response.type === 'network') {
		const { code, message } = response;
		const what = CERTIFICATE_CODES.has(code)
			? `The server's TLS certificate was refused (${code})`
			: `Could not reach Capillary (${code}, ${message})`;
		return withNextStep(what, readAdvice(code));
	}
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300) {
		if (body && typeof body === 'object') return undefined;
		return withNextStep(
			`Capillary answered HTTP ${statusCode} with a body that is not JSON`,
			readAdvice(404),
		);
	}
	const detail = firstApiError(body)?.message;
	const said = detail ? `: ${detail}` : '';
	const advice = readAdvice(statusCode);
	if (statusCode === 401)
		return withNextStep(`Capillary refused the credential (HTTP 401${said})`, advice);
	if (statusCode === 403)
		return withNextStep(`The credential is valid but may not read this (HTTP 403${said})`, advice);
	if (statusCode === 404)
		return withNextStep(`This host does not answer like Capillary's API (HTTP 404)`, advice);
	return withNextStep(`Capillary answered HTTP ${statusCode}${said}`, advice);
}
