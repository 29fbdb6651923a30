/**
 * GET /api_gateway/loyalty/v1/programs/promotions/list?limit=&offset=&program=&status=
 * Shape from Capillary's "Get details of all promotions" page:
 * {"status":{"code":200,"message":"success"},"validationErrors":null,
 *  "data":[{id, name, description, promotionStatus, programId, programName, pointsOfferType, isActive, ...}],
 *  "pageDetails":{"pageNumber","pageSize","totalEntries","pageCount"}}
 * Choices where the page is vague: `offset` is a zero-based page number (the page calls it "Page number
 * you want to fetch") and pageNumber echoes it; limit is capped at 100; drafts are not listed;
 * pointsOfferType uses the three documented values (ISSUE_AND_EARN shows as LOYALTY_EARNING, DIRECT as
 * LOYALTY); the per-customer issue limit is in promotionRestrictions.restrictions.earnRestrictions.
 * Errors (HTTP 400, data null): 4054 limit or offset missing/invalid, 2010 unknown program.
 */
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { findProgram } from '../seed/programs';
import { PROMOTIONS } from '../seed/promotions';
import { pageOf, queryInteger } from './paging';
import { promotionListItem } from './promotionListItem';

const MAX_LIMIT = 100;
const LISTED = PROMOTIONS.filter((promotion) => promotion.status !== 'DRAFT').sort(
	(a, b) => b.promotionId - a.promotionId,
);

export function promotionsListRoute(context: RequestContext): HandlerResult {
	const limit = queryInteger(context.query.get('limit'));
	const offset = queryInteger(context.query.get('offset'));
	if (limit === undefined || offset === undefined || limit === 0)
		return listError(4054, 'Offset or limit missing');
	const program = context.query.get('program');
	const programId = program ? queryInteger(program) : undefined;
	if (program && (programId === undefined || !findProgram(programId)))
		return listError(2010, 'Program ID incorrect');
	const status = context.query.get('status');

	const matching = LISTED.filter(
		(promotion) =>
			(programId === undefined || promotion.programId === programId) &&
			(!status || promotion.status === status.toUpperCase()),
	);
	const pageSize = Math.min(limit, MAX_LIMIT);
	const page = pageOf(matching, offset, pageSize);
	return jsonResult(200, {
		status: { code: 200, message: 'success' },
		validationErrors: null,
		data: page.items.map(promotionListItem),
		pageDetails: {
			pageNumber: offset,
			pageSize,
			totalEntries: page.totalEntries,
			pageCount: page.pageCount,
		},
	});
}

function listError(code: number, message: string): HandlerResult {
	return jsonResult(400, {
		status: { code, message },
		validationErrors: null,
		data: null,
		pageDetails: null,
	});
}
