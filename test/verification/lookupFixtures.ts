/**
 * Lookup answers for the verification rules' unit tests: Capillary's own examples of
 * `GET v2/customers/lookup/promotionData` (test/lookup/promotionDataExamples.ts), read by the node's
 * reader, so that every decision is taken on data in the docs' shapes.
 */
import type {
	BulkAction,
	CustomerRequest,
	PromotionRef,
} from '../../nodes/Capillary/helpers/types';
import type { CustomerPromotions } from '../../nodes/Capillary/lookup/fetchCustomerPromotions';
import { readPromotionDataPage } from '../../nodes/Capillary/lookup/readPromotionData';
import type { VerifiedRequest } from '../../nodes/Capillary/verification/decideOutcome';
import { example, type ExampleBody } from '../lookup/promotionDataExamples';

/** The docs' customer holding enrolment 1580 (issue 1583) and the Direct Issue 1581 (issue 1582). */
export const CUSTOMER_ID = 345854019;
export const PROGRAM_ID = 1085;
/** LOYALTY_EARNING: enrolment 1580 dated 12:41:55, its issue 1583 dated 12:44:13. */
export const ENROL_AND_ISSUE = {
	promotionId: 1119990,
	identifier: '7ff82c46-dd7e-45d7-b09a-eb58aed3d714',
};
/** LOYALTY: timeline entry 1581 with issue 1582, both dated 12:44:13. */
export const DIRECT_ISSUE = {
	promotionId: 1119509,
	identifier: 'd1a3a7ec-b4c6-46f2-ba1f-adbe2e01e31d',
};
export const ENROLLED_AT = Date.parse('2024-06-25T12:41:55.000Z');
export const ISSUED_AT = Date.parse('2024-06-25T12:44:13.000Z');

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** A customer of the docs' example, sent by id unless told otherwise. */
export function customerRequest(
	promotion: PromotionRef,
	overrides: Partial<CustomerRequest> = {},
): CustomerRequest {
	return {
		itemIndex: 0,
		programId: PROGRAM_ID,
		promotion,
		identifierName: 'id',
		identifierValue: String(CUSTOMER_ID),
		source: 'INSTORE',
		...overrides,
	};
}

/** The request being verified: `action` for `customer`, sent at `sentAt` (n8n's clock). */
export function request(
	action: BulkAction,
	customer: CustomerRequest,
	sentAt: number,
	otherIds: Iterable<string> = [],
): VerifiedRequest {
	return { action, customer, sentAt, otherIds: new Set(otherIds) };
}

/**
 * A found lookup, read from `body` as the node reads a page; Capillary's clock `clockOffsetMs`
 * ahead of n8n's (`NO_DATE_HEADER`: the answer had none), and the answer dated `serverDateMs`.
 */
export function lookupOf(
	body: ExampleBody,
	clockOffsetMs: number | typeof NO_DATE_HEADER = 0,
	serverDateMs?: number,
): CustomerPromotions {
	const page = readPromotionDataPage(body);
	if ('unreadable' in page) throw new Error(`fixture unreadable: ${page.unreadable}`);
	return {
		found: true,
		customerId: page.customerId,
		promotions: page.promotions,
		clockOffsetMs: clockOffsetMs === NO_DATE_HEADER ? undefined : clockOffsetMs,
		serverDateMs,
		requestId: 'lookup-request',
	};
}

export const NO_DATE_HEADER = null;

/** The docs' AVAILABLE_TO_REDEEM example, enrolled and issued in both LOYALTY promotions. */
export const redeemable = () => example.AVAILABLE_TO_REDEEM();
/** The docs' AVAILABLE_TO_ENROL example: not enrolled (an empty timeline), customer 345853998. */
export const notEnrolled = () => example.AVAILABLE_TO_ENROL();
/** The docs' AVAILABLE_TO_EARN example: enrolment 1580, no issue yet. */
export const enrolledOnly = () => example.AVAILABLE_TO_EARN();

/** The promotion `promotionId` of an example body, to change it. */
export function promotionIn(body: ExampleBody, promotionId: number) {
	const promotion = body.promotions.find((p) => p.promotionId === promotionId);
	if (!promotion) throw new Error(`promotion ${promotionId} is not in the example`);
	return promotion;
}

/** An ISO date as Capillary writes them: to the second, "….000Z". */
export const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
