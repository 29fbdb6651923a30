import type { IDataObject } from 'n8n-workflow';

import type { PromotionRef } from '../helpers/types';
import type { LookupEnrolment, LookupIssue, LookupPromotion } from './readPromotionData';

/** The node's names for Capillary's `pointsOfferType`s (the bulk APIs' and the editor's). */
const PROMOTION_TYPES: Readonly<Record<string, string>> = {
	LOYALTY_EARNING: 'ENROL_AND_ISSUE',
	LOYALTY: 'DIRECT_ISSUE',
	GENERIC: 'GENERIC',
};

/** Whether the promotion is the one chosen: by its ID, or by its promotion identifier. */
export function isPromotion(promotion: LookupPromotion, chosen: PromotionRef): boolean {
	return 'promotionId' in chosen
		? promotion.promotionId === chosen.promotionId
		: promotion.promoIdentifier === chosen.promoIdentifier;
}

/**
 * One promotion of a Success item: what it is, and what the customer holds of it, with the bulk
 * APIs' id names (an enrolment's `issualId`, an issue's `earnedId`). Enrol & Issue promotions say
 * whether the customer is enrolled (an enrolment is listed that is not past its expiry date, `now`
 * on Capillary's clock), and the latest enrolment (null: none listed). `issues` are all
 * the issues listed, oldest first (left out when the type is unknown and none are listed). A
 * promotion of a type that has enrolments and issues, whose answer leaves them out, is a problem
 * (returned as text): missing data must never pass for "none".
 */
export function describePromotion(promotion: LookupPromotion, now: number): IDataObject | string {
	const type = promotion.pointsOfferType ? PROMOTION_TYPES[promotion.pointsOfferType] : undefined;
	const described: IDataObject = {
		promotionId: promotion.promotionId,
		promoIdentifier: promotion.promoIdentifier,
		promotionName: promotion.promotionName,
		programId: promotion.programId,
		promotionType: type,
		active: promotion.active,
		startDate: promotion.startDate,
		endDate: promotion.endDate,
	};
	const { timelines } = promotion;
	if (timelines === undefined) {
		// Available without issue: nothing to enrol in or issue. Of an unknown type, nothing is known.
		if (type === 'GENERIC') return withoutUndefined({ ...described, issues: [] });
		if (type === undefined) return withoutUndefined(described);
		return `promotion ${promotion.promotionId} (${type}) came without its customerPromotionTimelines`;
	}
	if (timelines.some((timeline) => timeline.issues === undefined))
		return `promotion ${promotion.promotionId} has a timeline entry without its issuedDetails`;
	if (type === 'ENROL_AND_ISSUE' && timelines.some((timeline) => timeline.issualId === undefined))
		return `promotion ${promotion.promotionId} has an enrolment without its enrollmentId`;
	const issues = timelines
		.flatMap((timeline) => timeline.issues ?? [])
		.sort((a, b) => a.issuedAtMs - b.issuedAtMs)
		.map(describeIssue);
	if (type !== 'ENROL_AND_ISSUE') return withoutUndefined({ ...described, issues });
	const latest = latestEnrolment(timelines);
	return withoutUndefined({
		...described,
		enrolled: timelines.some((timeline) => !hasExpired(timeline, now)),
		enrolment: latest ? describeEnrolment(latest) : null,
		issues,
	});
}

function hasExpired({ expiresAt }: LookupEnrolment, now: number): boolean {
	return expiresAt !== undefined && Date.parse(expiresAt) <= now;
}

/** The enrolment with the latest date; among equal dates, or none dated, the last listed. */
function latestEnrolment(timelines: LookupEnrolment[]): LookupEnrolment | undefined {
	return timelines.reduce<LookupEnrolment | undefined>(
		(latest, timeline) =>
			!latest || (timeline.enrolledAtMs ?? -Infinity) >= (latest.enrolledAtMs ?? -Infinity)
				? timeline
				: latest,
		undefined,
	);
}

function describeEnrolment(enrolment: LookupEnrolment): IDataObject {
	return withoutUndefined({
		issualId: enrolment.issualId,
		enrolledAt: enrolment.enrolledAt,
		expiresAt: enrolment.expiresAt,
	});
}

function describeIssue(issue: LookupIssue): IDataObject {
	return withoutUndefined({
		earnedId: issue.earnedId,
		issuedAt: issue.issuedAt,
		expiresAt: issue.expiresAt,
		redeemedCount: issue.redeemedCount,
	});
}

function withoutUndefined(object: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const key in object) if (object[key] !== undefined) kept[key] = object[key];
	return kept;
}
