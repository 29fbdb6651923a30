/**
 * One promotion as GET v2/customers/lookup/promotionData shows it to one customer. The fields and
 * their types follow the docs' examples (ids in the timelines are integers, restriction numbers are
 * strings). Where the docs are silent the choice is ours:
 * - `identifier` is the bulk APIs' promoIdentifier; `pointsOfferType` folds the aliases
 *   (ISSUE_AND_EARN -> LOYALTY_EARNING, DIRECT -> LOYALTY).
 * - `customerPromotionTimelines` is on every LOYALTY_EARNING and LOYALTY promotion (an empty list when
 *   the customer has nothing), whatever the filters, and never on GENERIC ones.
 * - Enrol & Issue: one timeline entry per enrolment, enrollmentId = the ENROL's issualId, with its
 *   issues in issuedDetails, issuedDetails[].issualId = the EARN's earnedId. An enrolment replaced by
 *   a later ENROL stays listed while it still has active issues.
 * - Direct Issue: one timeline entry per issue, enrollmentId = the dummy issualId of its EARN, as in
 *   the docs' example (enrollmentId 1581 and issualId 1582 from one event).
 * - Revoked enrolments and issues are left out (the docs show no revoked flag), or, with the option
 *   promotionDataShowsRevoked, listed exactly like active ones.
 * - Dates are the sandbox clock's (clockOffsetSeconds applies), to the second, as "…:55.000Z";
 *   enrolment and issue expiry dates are the promotion's end date.
 * - Restrictions: issualRestrictions count enrolments (Enrol & Issue, maxLimit "100", as the sandbox
 *   has no enrolment limit) or issues (Direct Issue, as in the docs' LOYALTY example, maxLimit the
 *   issue limit); earnRestrictions count issues against the issue limit (Enrol & Issue only). Counts
 *   are cumulative: revoked ones still count, as a revoke does not give the limit back.
 */
import type { CustomerPromotionRecords, EarnRecord, EnrolmentRecord } from '../state/loyaltyState';
import { isDirectIssue, isEnrolAndIssue, type SeedPromotion } from '../seed/promotions';

export type PointsOfferType = 'GENERIC' | 'LOYALTY' | 'LOYALTY_EARNING';

export function pointsOfferType(promotion: SeedPromotion): PointsOfferType {
	if (isEnrolAndIssue(promotion.type)) return 'LOYALTY_EARNING';
	if (isDirectIssue(promotion.type)) return 'LOYALTY';
	return 'GENERIC';
}

export function promotionView(
	promotion: SeedPromotion,
	records: Readonly<CustomerPromotionRecords> | undefined,
	showRevoked: boolean,
): Record<string, unknown> {
	const type = pointsOfferType(promotion);
	const view: Record<string, unknown> = {
		promotionId: promotion.promotionId,
		promotionName: promotion.name,
		programId: promotion.programId,
		startDate: isoDate(Date.parse(promotion.startDate)),
		endDate: isoDate(Date.parse(promotion.endDate)),
		identifier: promotion.promoIdentifier,
		description: `${promotion.name} (sandbox)`,
		active: promotion.status === 'LIVE',
		eventName: 'TransactionAdd',
		limits: {
			maxPointsPerEvent: '0',
			pointsPerCustomer: '0',
			numberOFTimesPerCustomer: 0,
			totalPointsInPromotion: '0',
		},
		customerUsage: {
			currentPointsPerCustomer: '0',
			currentNumberOfTimesPerCustomer: 0,
			currentTotalPointsInPromotion: '0',
		},
		pointsOfferType: type,
		promotionRestriction: restrictions(promotion, type, records),
	};
	if (type !== 'GENERIC')
		view.customerPromotionTimelines = timelines(promotion, type, records, showRevoked);
	return view;
}

function restrictions(
	promotion: SeedPromotion,
	type: PointsOfferType,
	records: Readonly<CustomerPromotionRecords> | undefined,
): Record<string, unknown> {
	const enrolments = records?.enrolments.length ?? 0;
	const earns = records?.earns.length ?? 0;
	const limit = (kpi: string, maxLimit: number, usage: number) => ({
		kpi,
		maxLimit: String(maxLimit),
		currentCustomerUsage: String(usage),
		limitOn: 'CUSTOMER',
	});
	const redemption = {
		kpi: 'NUMBER_OF_REDEMPTIONS_PER_EARN',
		maxLimit: '1',
		currentCustomerUsage: '0',
		limitOn: 'CUSTOMER',
		type: 'NON_PERIOD_BASED',
	};
	if (type === 'LOYALTY_EARNING')
		return {
			issualRestrictions: [limit('NUMBER_OF_ISSUALS', 100, enrolments)],
			earnRestrictions: [limit('NUMBER_OF_EARNS', promotion.issueLimit, earns)],
			redemptionRestrictions: [redemption],
		};
	if (type === 'LOYALTY')
		return {
			issualRestrictions: [limit('NUMBER_OF_ISSUALS', promotion.issueLimit, earns)],
			earnRestrictions: [],
			redemptionRestrictions: [redemption],
		};
	return { issualRestrictions: [], earnRestrictions: [], redemptionRestrictions: [redemption] };
}

function timelines(
	promotion: SeedPromotion,
	type: PointsOfferType,
	records: Readonly<CustomerPromotionRecords> | undefined,
	showRevoked: boolean,
): Record<string, unknown>[] {
	if (!records) return [];
	const shown = (earn: EarnRecord) => showRevoked || !earn.revoked;
	if (type === 'LOYALTY')
		return records.earns
			.filter(shown)
			.map((earn) =>
				timelineEntry(
					promotion,
					{ issualId: earn.issualId, at: earn.at, eventLogId: earn.eventLogId },
					[earn],
				),
			);
	return records.enrolments.flatMap((enrolment) => {
		const earns = records.earns.filter(
			(earn) => earn.issualId === enrolment.issualId && shown(earn),
		);
		const listed =
			showRevoked || (!enrolment.revoked && (enrolment === records.active || earns.length > 0));
		return listed ? [timelineEntry(promotion, enrolment, earns)] : [];
	});
}

function timelineEntry(
	promotion: SeedPromotion,
	enrolment: Pick<EnrolmentRecord, 'issualId' | 'at' | 'eventLogId'>,
	earns: EarnRecord[],
): Record<string, unknown> {
	const expiry = isoDate(Date.parse(promotion.endDate));
	return {
		enrollmentDate: isoDate(enrolment.at),
		enrollmentExpiryDate: expiry,
		enrollmentId: Number(enrolment.issualId),
		enrollEventLogId: enrolment.eventLogId,
		issuedDetails: earns.map((earn) => ({
			issualId: Number(earn.earnedId),
			issualDate: isoDate(earn.at),
			issualExpiryDate: expiry,
			issualEventLogId: earn.eventLogId,
			redeemedCount: 0,
		})),
	};
}

/** "2024-06-25T12:41:55.000Z": to the second, as the docs' examples show dates. */
function isoDate(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}
