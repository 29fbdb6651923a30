/**
 * GET /v3/promotions?status=LIVE,ACTIVE,UPCOMING&page=&size=
 * Capillary documents data[].metadata (the single-promotion page shows {"data":{"metadata":{...}}},
 * drafts with promotionId 0 and promoIdentifier possibly null) but its list sample was not
 * available, so the paging fields are our choice:
 * {"data":[{"id":"<24 hex>","metadata":{name, description, programId, orgId, startDate, endDate,
 *   timezoneName, promotionType, status, promoIdentifier, promotionId, createdOn, lastModifiedOn}}],
 *  "page":0, "size":10, "totalElements":N, "totalPages":M, "errors":[], "warnings":[]}
 * page is zero-based, size defaults to 10 (max 100), status is an optional comma-separated filter.
 * promotionType is the seed's type as is, so the aliases ISSUE_AND_EARN and DIRECT appear too.
 * Sandbox statuses map to v3 ones: INACTIVE -> PAUSED; the others keep their names.
 */
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { ORG_ID } from '../seed/credentials';
import { PROMOTIONS, type SeedPromotion } from '../seed/promotions';
import { pageOf, queryInteger } from './paging';

const MAX_SIZE = 100;

export function v3PromotionsRoute(context: RequestContext): HandlerResult {
	const page = queryInteger(context.query.get('page'), 0);
	const size = queryInteger(context.query.get('size'), 10);
	if (page === undefined || size === undefined || size === 0 || size > MAX_SIZE) {
		return jsonResult(400, {
			data: null,
			errors: [{ status: false, code: 400, message: 'Invalid page or size' }],
			warnings: [],
		});
	}
	const wanted = (context.query.get('status') ?? '')
		.split(',')
		.map((s) => s.trim().toUpperCase())
		.filter(Boolean);
	const matching = PROMOTIONS.filter(
		(promotion) => wanted.length === 0 || wanted.includes(v3Status(promotion)),
	);
	const selected = pageOf(matching, page, size);
	return jsonResult(200, {
		data: selected.items.map(v3Promotion),
		page,
		size,
		totalElements: selected.totalEntries,
		totalPages: selected.pageCount,
		errors: [],
		warnings: [],
	});
}

function v3Status(promotion: SeedPromotion): string {
	return promotion.status === 'INACTIVE' ? 'PAUSED' : promotion.status;
}

function v3Promotion(promotion: SeedPromotion): Record<string, unknown> {
	const serial = PROMOTIONS.indexOf(promotion) + 1;
	return {
		id: `5a${serial.toString(16).padStart(22, '0')}`,
		metadata: {
			name: promotion.name,
			description: `${promotion.name} (sandbox)`,
			programId: promotion.programId,
			orgId: ORG_ID,
			startDate: promotion.startDate,
			endDate: promotion.endDate,
			timezoneName: 'Asia/Kolkata',
			promotionType: promotion.type,
			status: v3Status(promotion),
			promoIdentifier: promotion.promoIdentifier,
			promotionId: promotion.promotionId,
			createdOn: '2025-12-01T00:00:00Z',
			lastModifiedOn: '2026-01-01T00:00:00Z',
		},
	};
}
