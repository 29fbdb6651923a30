import { findProgram } from '../seed/programs';
import { isDirectIssue, isEnrolAndIssue, type SeedPromotion } from '../seed/promotions';

/** One element of the api_gateway promotions list, in the field order of Capillary's sample. */
export function promotionListItem(promotion: SeedPromotion): Record<string, unknown> {
	return {
		id: promotion.promotionId,
		name: promotion.name,
		description: `${promotion.name} (sandbox)`,
		promotionStatus: promotion.status,
		lastUpdateDate: '2026-01-01T00:00:00Z',
		lastUpdatedBy: 606249,
		programName: findProgram(promotion.programId)?.programName ?? '',
		promotionType: 'CUSTOMER',
		programId: promotion.programId,
		startDate: promotion.startDate,
		endDate: promotion.endDate,
		identifier: `00000000-0000-4000-8000-${String(promotion.promotionId).padStart(12, '0')}`,
		isActive: promotion.status === 'LIVE' || promotion.status === 'UPCOMING',
		eventName: 'GENERICEVENT',
		pointsOfferType: pointsOfferType(promotion),
		promotionRestrictions: {
			restrictions: {
				redemptionRestrictions: [],
				issualRestrictions: [],
				earnRestrictions: [
					{
						name: 'MAX_NUMBER_OF_EARNS_PER_CUSTOMER',
						value: promotion.issueLimit,
						type: 'NON_PERIOD_BASED',
						periodType: null,
						periodUnit: null,
					},
				],
				expiryRestrictions: [],
			},
			scope: null,
			isStackable: false,
			isConsideredForRanking: false,
			loyaltyEarningType: null,
			expiryReminder: null,
			isExclusive: false,
			isAlwaysApply: false,
			cappingStatus: null,
		},
	};
}

function pointsOfferType(promotion: SeedPromotion): 'LOYALTY_EARNING' | 'LOYALTY' | 'GENERIC' {
	if (isEnrolAndIssue(promotion.type)) return 'LOYALTY_EARNING';
	return isDirectIssue(promotion.type) ? 'LOYALTY' : 'GENERIC';
}
