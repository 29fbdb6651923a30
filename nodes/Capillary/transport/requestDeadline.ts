import type { CapillaryResponse } from './types';

/**
 * What ends one request early: the Timeout option, counted from the request's start, or the
 * execution's cancellation. (n8n's own `timeout` only bounds a silence: a server that sends a byte
 * now and then could hold the request for ever.)
 */
export interface RequestDeadline {
	signal: AbortSignal;
	/** The request, or a rejection once `signal` aborts, whichever comes first. */
	bound<T>(request: Promise<T>): Promise<T>;
	/** What a request that failed without an HTTP answer became, once the deadline or a cancel ended it. */
	failure(): CapillaryResponse | undefined;
}

export function requestDeadline(
	timeoutMs: number,
	cancel: AbortSignal | undefined,
): RequestDeadline {
	const timeout = AbortSignal.timeout(timeoutMs);
	const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
	return {
		signal,
		bound: (request) => settleBy(request, signal),
		failure: () => {
			// Both may have been sent: a network code outside classifyFailure's not-sent list, so outcome unknown.
			if (timeout.aborted)
				return {
					type: 'network',
					code: 'ETIMEDOUT',
					message: `timed out: no complete answer within ${timeoutMs} ms, the Timeout option`,
				};
			if (cancel?.aborted)
				return {
					type: 'network',
					code: 'ERR_CANCELED',
					message: 'the execution was cancelled while the request was under way',
				};
			return undefined;
		},
	};
}

/** Even a host that ignores the abort signal cannot hold the node past it. */
async function settleBy<T>(request: Promise<T>, signal: AbortSignal): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const abort = () => reject(signal.reason);
		if (signal.aborted) abort();
		signal.addEventListener('abort', abort, { once: true });
		request.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
	});
}
