import type { HandlerResult, RequestContext } from '../http/handlerTypes';
import { isDirectIssue, isEnrolAndIssue, type SeedPromotion } from '../seed/promotions';
import { answerBulkRequest } from './bulkAnswer';
import { planRequest } from './planBulkRequest';
import { processRevoke, revokeFailure, type RevokeAction, type RevokeEntry } from './processRevoke';

/**
 * POST /v2/promotion/bulk/revokeEnrolAndEarn, built to Capillary's "Revoke Enrolled and Issued
 * Promotions" page. The request-level checks and answers are the enrolAndEarn route's (bulkAnswer.ts:
 * the docs give no status codes, so Capillary's global v2 table, as enrolAndEarn does).
 * The per-request codes are enrolAndEarn's, in the same order (8901, 8881, 1101, 8874, 8892, 8902,
 * 11013), every customer getting the same one. Supported actions (the page's table): Enrol & Issue
 * takes REVOKE_ENROL and REVOKE_EARN, Direct Issue REVOKE_EARN only; anything else is 8902 (the
 * docs' "Direct + Action=REVOKE_ENROL" example); the legacy name REVOKE_ISSUAL is not accepted.
 * See processRevoke for the per-customer rules.
 */
export function revokeEnrolAndEarnRoute(context: RequestContext): HandlerResult {
	return answerBulkRequest(context, (request, customers): RevokeEntry[] => {
		const plan = planRequest(request, supportsRevoke);
		return customers.map((customer) =>
			typeof plan === 'number'
				? revokeFailure(plan)
				: processRevoke(plan, customer, context.state, context.requestId),
		);
	});
}

function supportsRevoke(action: unknown, promotion: SeedPromotion): action is RevokeAction {
	if (action === 'REVOKE_ENROL') return isEnrolAndIssue(promotion.type);
	if (action === 'REVOKE_EARN')
		return isEnrolAndIssue(promotion.type) || isDirectIssue(promotion.type);
	return false;
}
