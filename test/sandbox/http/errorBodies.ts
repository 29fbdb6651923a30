import { jsonResult, type HandlerResult } from './handlerTypes';

/**
 * Request-level error answers in Capillary's v2 error shape. Bodies are constant text: they never
 * echo a header, token, password or secret.
 */
function requestError(status: number, code: number, message: string): HandlerResult {
	return jsonResult(status, { errors: [{ status: false, code, message }] });
}

export const unauthorized = (): HandlerResult => requestError(401, 401, 'Authentication failed');
export const unsupportedMediaType = (): HandlerResult =>
	requestError(415, 415, 'Unsupported Media Type: use application/json');
export const invalidJson = (): HandlerResult =>
	requestError(400, 400, 'Invalid JSON in request body');
export const badRequest = (message: string): HandlerResult => requestError(400, 400, message);
export const batchLimitExceeded = (): HandlerResult =>
	requestError(400, 1060, 'Batch limit size exceeded');
export const notFound = (): HandlerResult => requestError(404, 404, 'Resource not found');
export const methodNotAllowed = (): HandlerResult => requestError(405, 405, 'Method not allowed');
export const serviceUnavailable = (): HandlerResult =>
	requestError(503, 503, 'Service unavailable');
export const internalError = (): HandlerResult => requestError(500, 500, 'Sandbox internal error');
