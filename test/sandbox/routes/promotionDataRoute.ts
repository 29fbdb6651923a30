/**
 * GET /v2/customers/lookup/promotionData?identifierName=&identifierValue=&source=, built to
 * Capillary's "Get Loyalty Promotions List for a Customer" page: 200
 * {"pageDetails":{pageNumber,pageSize,totalEntries,pageCount},"customerId",
 *  "promotions":[...],"warnings":[]}, one promotion as promotionDataView shows it. Failures are
 * top-level {"errors":[{status:false,code,message}]} as the docs show them: 8013 identifierName
 * missing or not one of mobile, email, externalId, id, cuid; 8015 identifierValue missing, or no
 * such customer; 8003 source missing or unknown ("Invalid source"). Where the docs are silent the
 * choice is ours:
 * - Checks run 8013, 8015 (missing value), 8003, the other parameters, then the customer (8015).
 *   Every failure answers HTTP 400 (the docs give no status codes), as /v2/customers/lookup does here.
 * - externalId and cuid are accepted names, but no sandbox customer has one (8015); the user group
 *   is no customer either (8015). source is compared without regard to case.
 * - The list holds every published promotion of the org (drafts have no promotionId), in seed order,
 *   narrowed by `programs` (comma-separated ids), `promotionType` (GENERIC, DIRECT_ISSUE,
 *   ENROL_AND_ISSUE) and `promotionStatusForCustomer`: AVAILABLE_TO_ENROL = LIVE Enrol & Issue
 *   promotions without an active enrolment; AVAILABLE_TO_EARN = LIVE Direct Issue ones and LIVE
 *   Enrol & Issue ones with an active enrolment, while the issue limit is not used up;
 *   AVAILABLE_TO_REDEEM = LIVE GENERIC ones and LIVE ones with an active issue; EXPIRED = COMPLETED.
 *   `sourceType` (UI, API, CAMPAIGN) and `fetchAllUsage` (true, false) are checked and change nothing.
 *   A value outside those lists is HTTP 400 with code 400.
 * - Paging: `limit` 0..100 (default 10), `offset` >= 0 (default 0) is the index of the first
 *   promotion ("Start index"); pageNumber = floor(offset / limit), pageSize = limit, pageCount =
 *   ceil(totalEntries / limit) (0 with limit 0, which lists no promotion). Anything else is 400.
 */
import { VALID_SOURCES } from '../bulk/codes';
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { lookupCustomer } from '../seed/customers';
import { isDirectIssue, isEnrolAndIssue, PROMOTIONS, type SeedPromotion } from '../seed/promotions';
import type { LoyaltyState } from '../state/loyaltyState';
import { queryInteger } from './paging';
import { pointsOfferType, promotionView } from './promotionDataView';

const LOOKUP_NAMES = ['mobile', 'email', 'externalId', 'id', 'cuid'] as const;
const MAX_LIMIT = 100;
const PROMOTION_TYPES: Record<string, string> = {
	GENERIC: 'GENERIC',
	DIRECT_ISSUE: 'LOYALTY',
	ENROL_AND_ISSUE: 'LOYALTY_EARNING',
};
const STATUSES = ['AVAILABLE_TO_ENROL', 'AVAILABLE_TO_EARN', 'AVAILABLE_TO_REDEEM', 'EXPIRED'];
const SOURCE_TYPES = ['UI', 'API', 'CAMPAIGN'];

const ERRORS = {
	8013: 'Identifier name missing or incorrect',
	8015: 'Customer not found for the given identifiers',
	8003: 'Invalid source',
} as const;

const PUBLISHED = PROMOTIONS.filter((promotion) => promotion.status !== 'DRAFT');

export function promotionDataRoute(context: RequestContext): HandlerResult {
	const query = context.query;
	const identifierName = query.get('identifierName') ?? '';
	const identifierValue = (query.get('identifierValue') ?? '').trim();
	const source = (query.get('source') ?? '').toUpperCase();
	if (!LOOKUP_NAMES.some((name) => name === identifierName)) return lookupError(8013);
	if (identifierValue === '') return lookupError(8015);
	if (!VALID_SOURCES.includes(source)) return lookupError(8003);
	const filters = readFilters(query);
	if (typeof filters === 'string') return badParameter(filters);
	const customerId = findCustomerId(identifierName, identifierValue);
	if (customerId === undefined) return lookupError(8015);

	const loyalty = context.state.loyalty;
	const matching = PUBLISHED.filter((promotion) => filters.keep(promotion, customerId, loyalty));
	const { limit, offset } = filters;
	const page = limit === 0 ? [] : matching.slice(offset, offset + limit);
	const showRevoked = context.state.settings.promotionDataShowsRevoked;
	return jsonResult(200, {
		pageDetails: {
			pageNumber: limit === 0 ? 0 : Math.floor(offset / limit),
			pageSize: limit,
			totalEntries: matching.length,
			pageCount: limit === 0 ? 0 : Math.ceil(matching.length / limit),
		},
		customerId,
		promotions: page.map((promotion) =>
			promotionView(promotion, loyalty.view(promotion.promotionId, customerId), showRevoked),
		),
		warnings: [],
	});
}

interface Filters {
	limit: number;
	offset: number;
	keep(promotion: SeedPromotion, customerId: number, loyalty: LoyaltyState): boolean;
}

/** The optional parameters, or the name of the one that is malformed. */
function readFilters(query: URLSearchParams): Filters | string {
	const limit = queryInteger(query.get('limit'), 10);
	if (limit === undefined || limit > MAX_LIMIT) return 'limit';
	const offset = queryInteger(query.get('offset'), 0);
	if (offset === undefined) return 'offset';
	const programsText = query.get('programs');
	const programs = programsText
		? programsText.split(',').map((id) => queryInteger(id.trim()))
		: undefined;
	if (programs?.some((id) => id === undefined)) return 'programs';
	const typeText = query.get('promotionType');
	const type = typeText ? PROMOTION_TYPES[typeText] : undefined;
	if (typeText && !type) return 'promotionType';
	const status = query.get('promotionStatusForCustomer');
	if (status && !STATUSES.includes(status)) return 'promotionStatusForCustomer';
	const sourceType = query.get('sourceType');
	if (sourceType && !SOURCE_TYPES.includes(sourceType)) return 'sourceType';
	const fetchAllUsage = query.get('fetchAllUsage');
	if (fetchAllUsage && fetchAllUsage !== 'true' && fetchAllUsage !== 'false')
		return 'fetchAllUsage';
	return {
		limit,
		offset,
		keep: (promotion, customerId, loyalty) =>
			(!programs || programs.includes(promotion.programId)) &&
			(!type || pointsOfferType(promotion) === type) &&
			(!status || hasStatus(status, promotion, customerId, loyalty)),
	};
}

function hasStatus(
	status: string,
	promotion: SeedPromotion,
	customerId: number,
	loyalty: LoyaltyState,
): boolean {
	if (status === 'EXPIRED') return promotion.status === 'COMPLETED';
	if (promotion.status !== 'LIVE') return false;
	const { promotionId } = promotion;
	const enrolled = loyalty.activeIssualId(promotionId, customerId) !== undefined;
	const enrolAndIssue = isEnrolAndIssue(promotion.type);
	const direct = isDirectIssue(promotion.type);
	if (status === 'AVAILABLE_TO_ENROL') return enrolAndIssue && !enrolled;
	if (status === 'AVAILABLE_TO_EARN')
		return (
			(direct || (enrolAndIssue && enrolled)) &&
			loyalty.earnCount(promotionId, customerId) < promotion.issueLimit
		);
	return (!direct && !enrolAndIssue) || loyalty.activeEarns(promotionId, customerId).length > 0;
}

function findCustomerId(identifierName: string, identifierValue: string): number | undefined {
	if (identifierName !== 'id' && identifierName !== 'mobile' && identifierName !== 'email')
		return undefined;
	if (identifierName === 'id' && !/^\d+$/.test(identifierValue)) return undefined;
	const found = lookupCustomer(identifierName, identifierValue);
	return found.kind === 'customer' ? found.customer.id : undefined;
}

function lookupError(code: keyof typeof ERRORS): HandlerResult {
	return jsonResult(400, { errors: [{ status: false, code, message: ERRORS[code] }] });
}

function badParameter(name: string): HandlerResult {
	return jsonResult(400, {
		errors: [{ status: false, code: 400, message: `Invalid ${name}` }],
	});
}
