import { badRequest, batchLimitExceeded } from '../http/errorBodies';
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';

/**
 * What both bulk routes share. Request-level failures (HTTP 400, nothing applied): a body that is
 * not an object, customers not a non-empty array, more customers than the batch limit (1060).
 * Otherwise one entry per customer in request order, from `answerCustomers`; HTTP 200 when none
 * failed, 201 when any did (Capillary's global v2 table).
 */
export function answerBulkRequest<Entry extends { errors: readonly unknown[] }>(
	context: RequestContext,
	answerCustomers: (request: Record<string, unknown>, customers: unknown[]) => Entry[],
): HandlerResult {
	const body = context.json;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return badRequest('Request body must be a JSON object');
	const request = body as Record<string, unknown>;
	const customers = request.customers;
	if (!Array.isArray(customers) || customers.length === 0)
		return badRequest('customers must be a non-empty array');
	if (customers.length > context.state.settings.batchLimit) return batchLimitExceeded();

	const response = answerCustomers(request, customers);
	const failureCount = response.filter((entry) => entry.errors.length > 0).length;
	return jsonResult(failureCount === 0 ? 200 : 201, {
		response,
		totalCount: customers.length,
		failureCount,
	});
}
