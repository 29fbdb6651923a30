import {
	CERTIFICATE_CODES,
	HANDSHAKE_CODES,
	NOT_SENT_CODES,
	UNSENDABLE_CODES,
} from '../transport/networkCodes';
import type { CustomerError, FatalFailure } from '../helpers/types';
import { numericCode } from './capillaryCode';
import type { CapillaryResponse } from '../transport/types';

/** The server certainly did not act, and trying again later may pass. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 461, 503, 521]);
/** Every later request would fail the same way: stop sending. */
const FATAL_STATUSES: ReadonlySet<number> = new Set([400, 401, 403, 404, 415]);
const BATCH_LIMIT_CODE = 1060;

export interface RequestFailure {
	error: CustomerError;
	fatal?: FatalFailure;
	transient: boolean;
}

/**
 * A whole request failed without a per-customer `response[]`: what that means for each of its
 * customers. Messages say what happened; `nextStep` (failureAdvice) adds what to do.
 */
export function classifyFailure(response: CapillaryResponse): RequestFailure {
	if (response.type === 'notSent') {
		return failure({ code: null, message: response.message, outcome: 'not_applied' }, true);
	}
	if (response.type === 'network') return networkFailure(response);
	const { statusCode } = response;
	const apiError = firstApiError(response.body);
	const detail = apiError?.message ? `: ${apiError.message}` : '';
	const code = apiError?.code ?? statusCode;
	if (apiError?.code === BATCH_LIMIT_CODE) {
		return failure(
			{
				code,
				message: `Capillary refused the batch size (code 1060${detail})`,
				outcome: 'not_applied',
			},
			true,
		);
	}
	if (statusCode >= 200 && statusCode < 300) {
		const message = `Capillary answered HTTP ${statusCode} without a per-customer response: results cannot be paired, so any of them may have been applied`;
		return failure({ code, message, outcome: 'unknown' }, false, 'unmatched');
	}
	if (statusCode >= 300 && statusCode < 400) {
		// Servers and proxies redirect a POST after processing it as well as before (303 says so outright):
		// it may have been applied. Every later request would be redirected too: stop sending.
		const message = `Capillary answered with a redirect (HTTP ${statusCode}), which is not followed: it may have processed the request`;
		return failure({ code, message, outcome: 'unknown' }, true);
	}
	if (statusCode >= 500 && !TRANSIENT_STATUSES.has(statusCode)) {
		const message = `Capillary failed with HTTP ${statusCode}${detail} and no per-customer response: it may have been applied`;
		return failure({ code, message, outcome: 'unknown' });
	}
	return {
		...failure(
			{
				code,
				message: `Capillary refused the request with HTTP ${statusCode}${detail}`,
				outcome: 'not_applied',
			},
			FATAL_STATUSES.has(statusCode),
		),
		transient: TRANSIENT_STATUSES.has(statusCode),
	};
}

function networkFailure({
	code,
	message,
}: Extract<CapillaryResponse, { type: 'network' }>): RequestFailure {
	if (CERTIFICATE_CODES.has(code)) {
		// Certificates are checked in the TLS handshake, before the request is written: nothing left.
		return failure(
			{
				code,
				message: `The server's TLS certificate was refused (${message}): nothing was sent`,
				outcome: 'not_applied',
			},
			true,
		);
	}
	if (HANDSHAKE_CODES.has(code)) {
		return failure(
			{
				code,
				message: `The TLS handshake with Capillary's host failed (${message}): nothing was sent`,
				outcome: 'not_applied',
			},
			true,
		);
	}
	if (UNSENDABLE_CODES.has(code)) {
		return failure(
			{
				code,
				message: `The request could not be built (${message}): nothing was sent`,
				outcome: 'not_applied',
			},
			true,
		);
	}
	if (NOT_SENT_CODES.has(code)) {
		return {
			...failure(
				{ code, message: `Could not reach Capillary: ${message}`, outcome: 'not_applied' },
				true,
			),
			transient: true,
		};
	}
	return failure({
		code,
		message: `No answer from Capillary after the request was sent (${message}): it may have been applied`,
		outcome: 'unknown',
	});
}

function failure(
	error: Omit<CustomerError, 'kind'>,
	fatal = false,
	kind: CustomerError['kind'] = 'request_failed',
): RequestFailure {
	const full: CustomerError = { kind, ...error };
	return {
		error: full,
		fatal: fatal ? { message: full.message, code: full.code } : undefined,
		transient: false,
	};
}

/** The first `{code, message}` of a request-level `errors[]`, if the body has one. */
export function firstApiError(body: unknown): { code?: number; message?: string } | undefined {
	const errors = (body as { errors?: unknown } | null | undefined)?.errors;
	const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
	if (!first || typeof first !== 'object') return undefined;
	const { code, message } = first as { code?: unknown; message?: unknown };
	return {
		code: numericCode(code),
		message: typeof message === 'string' ? message.slice(0, 500) : undefined,
	};
}
