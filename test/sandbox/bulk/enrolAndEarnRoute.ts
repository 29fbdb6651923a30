import type { HandlerResult, RequestContext } from '../http/handlerTypes';
import { answerBulkRequest } from './bulkAnswer';
import { failedEntry, type BulkEntry } from './entries';
import { planBulkRequest } from './planBulkRequest';
import { processCustomer } from './processCustomer';

/** POST /v2/promotion/bulk/enrolAndEarn: the shared bulk checks and answer (bulkAnswer.ts), ENROL and EARN per customer. */
export function enrolAndEarnRoute(context: RequestContext): HandlerResult {
	return answerBulkRequest(context, (request, customers): BulkEntry[] => {
		const plan = planBulkRequest(request);
		return customers.map((customer) =>
			typeof plan === 'number'
				? failedEntry(plan)
				: processCustomer(plan, customer, context.state, context.requestId),
		);
	});
}
