import { isAuthenticated } from '../auth/authenticate';
import { ROUTES } from '../routes/routeTable';
import {
	internalError,
	invalidJson,
	methodNotAllowed,
	notFound,
	unauthorized,
	unsupportedMediaType,
} from './errorBodies';
import type { HandlerResult, RequestContext } from './handlerTypes';
import { isJsonContentType, type ParsedJson } from './readBody';

/** A sandbox bug answers 500 (and is logged) rather than killing the socket, so it cannot pass for a network fault. */
export function routeRequest(
	context: Omit<RequestContext, 'json'>,
	body: ParsedJson,
): HandlerResult {
	try {
		return dispatch(context, body);
	} catch (error: unknown) {
		console.error('capillary sandbox: handler failed', error);
		return internalError();
	}
}

/** Order of checks: 404 unknown path, 405 wrong method, 401 auth, 415 Content-Type, 400 JSON, then the handler. */
function dispatch(context: Omit<RequestContext, 'json'>, body: ParsedJson): HandlerResult {
	const route = ROUTES.get(context.path);
	if (!route) return notFound();
	if (route.method !== context.method) return methodNotAllowed();
	if (route.authenticated && !isAuthenticated(context.headers, context.state.tokens))
		return unauthorized();
	if (route.method === 'GET') return route.handler({ ...context, json: undefined });
	if (!isJsonContentType(context.headers['content-type'])) return unsupportedMediaType();
	if (!body.ok) return invalidJson();
	return route.handler({ ...context, json: body.value });
}
