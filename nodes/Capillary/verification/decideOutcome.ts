/**
 * What a customer lookup says of one request whose answer was lost: the pure rules of Verify
 * Unknown Outcomes. The one rule that never bends: "not applied" only from a well-formed lookup
 * that lists the promotion with its timelines and shows nothing the request could have made;
 * anything missing, malformed or unexpected leaves the outcome unknown.
 *
 * Dates: Capillary dates enrolments and issues to the second, on its own clock, which the lookup's
 * Date header relates to n8n's. A record dated at or after the second the request left (on that
 * clock) is this request's; one dated up to CLOCK_ALLOWANCE_MS earlier decides nothing; older ones
 * are not this request's. Without a Date header, dates decide nothing; nor do they when a record is
 * dated after the lookup's own Date (the clocks that dated them disagree). The revokes are never "not applied": the docs do not say whether a revoked
 * record is still listed, so a listed record proves nothing; nor are they ever "applied": a record
 * no longer listed may never have been held. For them the lookup only says what it shows.
 */
import type { BulkAction, CustomerRequest, PromotionRef } from '../helpers/types';
import type { CustomerPromotions } from '../lookup/fetchCustomerPromotions';
import type { LookupPromotion } from '../lookup/readPromotionData';

/**
 * Records dated this long before the request left decide nothing: they may be this request's, should
 * the Date header and the records not keep quite the same clock.
 */
export const CLOCK_ALLOWANCE_MS = 2 * 60_000;

export type Decision =
	| { applied: true; issualId?: string; earnedId?: string; entityId?: number; found: string }
	| { applied: false; found: string }
	| { undecided: string };

export interface VerifiedRequest {
	action: BulkAction;
	customer: CustomerRequest;
	/** When the request (its first attempt) left, in ms on n8n's clock. */
	sentAt: number;
	/** Ids that other requests of this run were answered with: those records are not this request's. */
	otherIds: ReadonlySet<string>;
}

export function decideOutcome(
	{ action, customer, sentAt, otherIds }: VerifiedRequest,
	lookup: CustomerPromotions,
): Decision {
	if (!lookup.found) return { undecided: `the customer lookup failed: ${lookup.reason}` };
	const { customerId } = lookup;
	// Without it, the answer may be another customer's, and this run's own records cannot be told apart.
	if (customerId === undefined)
		return { undecided: 'the lookup does not say which customer it answered for (no customerId)' };
	if (customer.identifierName === 'id' && String(customerId) !== customer.identifierValue)
		return { undecided: `the lookup answered for customer ${String(customerId)}, not this one` };
	const matches = lookup.promotions.filter((p) => isThePromotion(p, customer));
	if (matches.length !== 1)
		return {
			undecided:
				matches.length === 0
					? 'the lookup does not list this promotion for the customer'
					: 'the lookup lists this promotion more than once',
		};
	const promotion = matches[0];
	if (!promotion.timelines)
		return {
			undecided:
				'the lookup shows no enrolments or issues (customerPromotionTimelines) for this promotion',
		};
	if (lookup.clockOffsetMs === undefined && (action === 'ENROL' || action === 'EARN'))
		return {
			undecided:
				'the lookup’s answer had no (readable) Date header, to compare Capillary’s clock with n8n’s',
		};
	// The second, on Capillary's clock, from which a record of this request is dated.
	const sentSecond = Math.floor((sentAt + (lookup.clockOffsetMs ?? 0)) / 1000) * 1000;
	const decide = DECIDERS[action];
	const decision = decide(promotion, {
		sentSecond,
		answeredAt: lookup.serverDateMs ?? Infinity,
		customer,
		otherIds,
	});
	return 'applied' in decision && decision.applied
		? { ...decision, entityId: customerId }
		: decision;
}

interface DecisionContext {
	sentSecond: number;
	/** The lookup answer's Date (Capillary's clock): a record dated later shows its clocks disagree. */
	answeredAt: number;
	customer: CustomerRequest;
	otherIds: ReadonlySet<string>;
}

type Decider = (promotion: LookupPromotion, context: DecisionContext) => Decision;

const DECIDERS: Record<BulkAction, Decider> = {
	ENROL: (promotion, { sentSecond, answeredAt, otherIds }) => {
		if (promotion.pointsOfferType !== 'LOYALTY_EARNING')
			return { undecided: 'the lookup does not show this promotion as Enrol & Issue' };
		const enrolments = promotion.timelines!;
		if (enrolments.some((e) => e.enrolledAtMs === undefined || e.issualId === undefined))
			return { undecided: 'an enrolment in the lookup has no enrollmentId or enrollmentDate' };
		const dated = sortByDate(
			enrolments.map((e) => ({ id: e.issualId!, at: e.enrolledAtMs!, text: e.enrolledAt! })),
			sentSecond,
			answeredAt,
			otherIds,
		);
		if (dated.future) return { undecided: inTheFuture('enrolment', dated.future) };
		if (dated.after.length === 1)
			return {
				applied: true,
				issualId: dated.after[0].id,
				found: `enrolment ${dated.after[0].id}, dated ${dated.after[0].text}`,
			};
		if (dated.after.length > 1)
			return { undecided: 'several enrolments are dated after the request left' };
		if (dated.near.length > 0)
			return {
				undecided: `enrolment ${dated.near[0].id} is dated ${dated.near[0].text}, too close to the request to tell whose it is`,
			};
		// Re-enrolling replaces the enrolment: the docs say neither that the replacement is dated anew,
		// nor that a replaced enrolment stays listed.
		if (enrolments.length > 0)
			return {
				undecided: `the customer holds enrolment ${enrolments[0].issualId}, which this request may have replaced or been replaced by`,
			};
		return { applied: false, found: 'the customer lookup lists no enrolment in this promotion' };
	},
	EARN: (promotion, { sentSecond, answeredAt, otherIds }) => {
		const enrolments = promotion.timelines!;
		if (enrolments.some((e) => e.issues === undefined))
			return { undecided: 'an entry of the lookup has no issue list (issuedDetails)' };
		const issues = enrolments
			.flatMap((e) => e.issues!)
			.map((i) => ({ id: i.earnedId, at: i.issuedAtMs, text: i.issuedAt }));
		const dated = sortByDate(issues, sentSecond, answeredAt, otherIds);
		if (dated.future) return { undecided: inTheFuture('issue', dated.future) };
		if (dated.after.length === 1)
			return {
				applied: true,
				earnedId: dated.after[0].id,
				found: `issue ${dated.after[0].id}, dated ${dated.after[0].text}`,
			};
		if (dated.after.length > 1)
			return { undecided: 'several issues are dated after the request left' };
		if (dated.near.length > 0)
			return {
				undecided: `issue ${dated.near[0].id} is dated ${dated.near[0].text}, too close to the request to tell whose it is`,
			};
		return {
			applied: false,
			found: 'the customer lookup lists no issue of this promotion dated after the request left',
		};
	},
	REVOKE_EARN: (promotion, { customer }) => {
		const enrolments = promotion.timelines!;
		if (enrolments.some((e) => e.issues === undefined))
			return { undecided: 'an entry of the lookup has no issue list (issuedDetails)' };
		const held = new Set(enrolments.flatMap((e) => e.issues!).map((i) => i.earnedId));
		const named = customer.earnIds ?? [...held];
		const still = named.filter((id) => held.has(id));
		if (still.length > 0)
			return {
				undecided: `the lookup still lists issue ${still.join(', ')} (the docs do not say whether revoked issues are listed)`,
			};
		// Absence cannot tell "revoked now" from "never held" (a wrong id, nothing to revoke).
		return {
			undecided: customer.earnIds
				? `the lookup lists none of issues ${customer.earnIds.join(', ')}: revoked, or never held (a wrong id), which the lookup cannot tell apart`
				: 'the lookup lists no issue of this promotion: all revoked, or none held, which the lookup cannot tell apart',
		};
	},
	REVOKE_ENROL: (promotion) => {
		if (promotion.pointsOfferType !== 'LOYALTY_EARNING')
			return { undecided: 'the lookup does not show this promotion as Enrol & Issue' };
		if (promotion.timelines!.length > 0)
			return {
				undecided:
					'the lookup still lists an enrolment (the docs do not say whether revoked enrolments are listed)',
			};
		return {
			undecided:
				'the lookup lists no enrolment in this promotion: revoked, or never held, which the lookup cannot tell apart',
		};
	},
};

function isThePromotion(promotion: LookupPromotion, customer: CustomerRequest): boolean {
	const ref: PromotionRef = customer.promotion;
	if (promotion.programId !== undefined && promotion.programId !== customer.programId) return false;
	return 'promotionId' in ref
		? promotion.promotionId === ref.promotionId
		: promotion.promoIdentifier === ref.promoIdentifier;
}

interface Dated {
	id: string;
	at: number;
	text: string;
}

/**
 * Records dated from the second the request left (`after`), and those up to the allowance before it
 * (`near`), leaving out those other requests of the run were answered with; `future`: one dated
 * after the lookup answered (its Date header), which no consistent clock can date: the dates then
 * cannot be compared (a record made before the request could look newer than it).
 */
function sortByDate(
	records: Dated[],
	sentSecond: number,
	answeredAt: number,
	otherIds: ReadonlySet<string>,
): { after: Dated[]; near: Dated[]; future?: Dated } {
	const candidates = records.filter((r) => !otherIds.has(r.id));
	return {
		after: candidates.filter((r) => r.at >= sentSecond),
		near: candidates.filter((r) => r.at < sentSecond && r.at >= sentSecond - CLOCK_ALLOWANCE_MS),
		future: records.find((r) => r.at > answeredAt),
	};
}

function inTheFuture(kind: string, record: Dated): string {
	return `${kind} ${record.id} is dated ${record.text}, after the lookup answered: Capillary’s clocks disagree, so its dates cannot be compared`;
}
