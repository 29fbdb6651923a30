import { badRequest, batchLimitExceeded } from '../http/errorBodies';
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { isDirectIssue, isEnrolAndIssue, type SeedPromotion } from '../seed/promotions';
import { planRequest } from './planBulkRequest';
import { processRevoke, revokeFailure, type RevokeAction, type RevokeEntry } from './processRevoke';

/**
 * POST /v2/promotion/bulk/revokeEnrolAndEarn, built to Capillary's "Revoke Enrolled and Issued
 * Promotions" page. The request-level checks and answers are the enrolAndEarn route's: HTTP 400 for a
 * body that is not an object or customers not a non-empty array, 1060 above the batch limit;
 * otherwise one entry per customer in request order, 200 when none failed, 201 when any did (the
 * docs give no status codes: this follows Capillary's global v2 table, as enrolAndEarn does).
 * The per-request codes are enrolAndEarn's, in the same order (8901, 8881, 1101, 8874, 8892, 8902,
 * 11013), every customer getting the same one. Supported actions (the page's table): Enrol & Issue
 * takes REVOKE_ENROL and REVOKE_EARN, Direct Issue REVOKE_EARN only; anything else is 8902 (the
 * docs' "Direct + Action=REVOKE_ENROL" example); the legacy name REVOKE_ISSUAL is not accepted.
 * See processRevoke for the per-customer rules.
 */
export function revokeEnrolAndEarnRoute(context: RequestContext): HandlerResult {
	const body = context.json;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return badRequest('Request body must be a JSON object');
	const request = body as Record<string, unknown>;
	const customers = request.customers;
	if (!Array.isArray(customers) || customers.length === 0)
		return badRequest('customers must be a non-empty array');
	if (customers.length > context.state.settings.batchLimit) return batchLimitExceeded();

	const plan = planRequest(request, supportsRevoke);
	const response: RevokeEntry[] = customers.map((customer) =>
		typeof plan === 'number'
			? revokeFailure(plan)
			: processRevoke(plan, customer, context.state, context.requestId),
	);
	const failureCount = response.filter((entry) => entry.errors.length > 0).length;
	return jsonResult(failureCount === 0 ? 200 : 201, {
		response,
		totalCount: customers.length,
		failureCount,
	});
}

function supportsRevoke(action: unknown, promotion: SeedPromotion): action is RevokeAction {
	if (action === 'REVOKE_ENROL') return isEnrolAndIssue(promotion.type);
	if (action === 'REVOKE_EARN')
		return isEnrolAndIssue(promotion.type) || isDirectIssue(promotion.type);
	return false;
}
