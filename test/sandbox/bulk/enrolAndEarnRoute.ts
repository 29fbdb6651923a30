import { badRequest, batchLimitExceeded } from '../http/errorBodies';
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { failedEntry, isFailed, type BulkEntry } from './entries';
import { planBulkRequest } from './planBulkRequest';
import { processCustomer } from './processCustomer';

/**
 * POST /v2/promotion/bulk/enrolAndEarn. Request-level failures (HTTP 400, nothing applied): a body
 * that is not an object, customers not a non-empty array, more customers than the batch limit (1060).
 * Otherwise one entry per customer in request order; HTTP 200 when none failed, 201 when any did.
 */
export function enrolAndEarnRoute(context: RequestContext): HandlerResult {
	const body = context.json;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return badRequest('Request body must be a JSON object');
	const request = body as Record<string, unknown>;
	const customers = request.customers;
	if (!Array.isArray(customers) || customers.length === 0)
		return badRequest('customers must be a non-empty array');
	if (customers.length > context.state.settings.batchLimit) return batchLimitExceeded();

	const plan = planBulkRequest(request);
	const response: BulkEntry[] = customers.map((customer) =>
		typeof plan === 'number'
			? failedEntry(plan)
			: processCustomer(plan, customer, context.state, context.requestId),
	);
	const failureCount = response.filter(isFailed).length;
	return jsonResult(failureCount === 0 ? 200 : 201, {
		response,
		totalCount: customers.length,
		failureCount,
	});
}
