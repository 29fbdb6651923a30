import { ApplicationError } from 'n8n-workflow';

import { notSentOptions, notSentTags } from '../../nodes/Capillary/transport/notSent';
import { readFailedRequest } from '../../nodes/Capillary/transport/readFailedRequest';

const axiosLike = (status: number, data: unknown, headers = {}) =>
	Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		response: { status, data, headers },
	});
/** n8n wraps request errors in a NodeApiError whose `cause` is the original. */
const wrapped = (cause: unknown) =>
	Object.assign(new Error('NodeApiError'), { cause, httpCode: '500' });

test('reads status, JSON body and request id from an axios error wrapped by n8n', () => {
	const error = wrapped(axiosLike(500, { response: [] }, { 'x-cap-requestid': 'req-9' }));
	expect(readFailedRequest(error)).toEqual({
		type: 'http',
		statusCode: 500,
		body: { response: [] },
		requestId: 'req-9',
	});
});

test('parses a string body, and keeps an unparsable one as text', () => {
	expect(readFailedRequest(wrapped(axiosLike(400, '{"errors":[]}')))).toMatchObject({
		body: { errors: [] },
	});
	expect(readFailedRequest(wrapped(axiosLike(502, '<html>bad gateway</html>')))).toMatchObject({
		body: '<html>bad gateway</html>',
	});
});

test('reads the legacy request library shape (statusCode/body)', () => {
	const error = { response: { statusCode: 429, body: { errors: [] }, headers: {} } };
	expect(readFailedRequest(error)).toMatchObject({ type: 'http', statusCode: 429 });
});

test('reads a network code from anywhere in the chain', () => {
	const error = wrapped(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
	expect(readFailedRequest(error)).toEqual({
		type: 'network',
		code: 'ECONNRESET',
		message: 'connection reset',
	});
});

test('our own not-sent errors are reported as not sent, with their message', () => {
	const error = wrapped(new ApplicationError('no token for you', notSentTags));
	expect(readFailedRequest(error)).toEqual({ type: 'notSent', message: 'no token for you' });
});

test('a not-sent error that may pass later says so, with its Retry-After', () => {
	const busy = wrapped(
		new ApplicationError(
			'token endpoint busy',
			notSentOptions({ retryable: true, retryAfter: '7' }),
		),
	);
	expect(readFailedRequest(busy)).toEqual({
		type: 'notSent',
		message: 'token endpoint busy',
		retryable: true,
		retryAfter: '7',
	});
	const refused = wrapped(new ApplicationError('secret refused', notSentOptions()));
	expect(readFailedRequest(refused)).toEqual({ type: 'notSent', message: 'secret refused' });
});

test('anything else is an unknown network failure (may have been sent)', () => {
	expect(readFailedRequest('weird')).toMatchObject({ type: 'network', code: 'UNKNOWN' });
	const loop: Record<string, unknown> = {};
	loop.cause = loop;
	expect(readFailedRequest(loop)).toMatchObject({ type: 'network', code: 'UNKNOWN' });
});
