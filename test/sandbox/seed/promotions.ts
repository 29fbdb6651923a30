/**
 * Seeded loyalty promotions. Enrol & Issue types accept ENROL and EARN; Direct Issue types accept
 * EARN only; GENERIC (available without issue) accepts neither. Only LIVE promotions can be used in
 * bulk calls. The one DRAFT has no published promotionId (0), as in Capillary's v3 list.
 */
export type PromotionType = 'LOYALTY_EARNING' | 'ISSUE_AND_EARN' | 'LOYALTY' | 'DIRECT' | 'GENERIC';
export type PromotionStatus = 'LIVE' | 'UPCOMING' | 'INACTIVE' | 'COMPLETED' | 'DRAFT';

export interface SeedPromotion {
	promotionId: number;
	programId: number;
	name: string;
	promoIdentifier: string | null;
	type: PromotionType;
	status: PromotionStatus;
	issueLimit: number; // EARNs allowed per customer, 1..100
	startDate: string;
	endDate: string;
}

const YEAR_2026 = { startDate: '2026-01-01T00:00:00Z', endDate: '2026-12-31T23:59:59Z' };

const NAMED: SeedPromotion[] = [
	{
		promotionId: 57099,
		programId: 469,
		name: 'Welcome 10',
		promoIdentifier: 'WELCOME10',
		type: 'LOYALTY_EARNING',
		status: 'LIVE',
		issueLimit: 1,
		...YEAR_2026,
	},
	{
		promotionId: 69218,
		programId: 469,
		name: 'Birthday 2026',
		promoIdentifier: 'BDAY2026',
		type: 'LOYALTY',
		status: 'LIVE',
		issueLimit: 3,
		...YEAR_2026,
	},
	{
		promotionId: 57100,
		programId: 469,
		name: 'Old Welcome',
		promoIdentifier: 'OLDWELCOME',
		type: 'LOYALTY_EARNING',
		status: 'INACTIVE',
		issueLimit: 1,
		...YEAR_2026,
	},
	{
		promotionId: 57101,
		programId: 469,
		name: 'Summer 2027',
		promoIdentifier: 'SUMMER2027',
		type: 'LOYALTY',
		status: 'UPCOMING',
		issueLimit: 2,
		startDate: '2027-06-01T00:00:00Z',
		endDate: '2027-08-31T23:59:59Z',
	},
	{
		promotionId: 57102,
		programId: 469,
		name: 'Points For Everyone',
		promoIdentifier: 'ANYONE5',
		type: 'GENERIC',
		status: 'LIVE',
		issueLimit: 100,
		...YEAR_2026,
	},
	{
		promotionId: 57103,
		programId: 469,
		name: 'Winter 2025',
		promoIdentifier: 'WINTER2025',
		type: 'LOYALTY',
		status: 'COMPLETED',
		issueLimit: 1,
		startDate: '2025-01-01T00:00:00Z',
		endDate: '2025-02-28T23:59:59Z',
	},
	{
		promotionId: 0,
		programId: 469,
		name: 'Autumn Draft',
		promoIdentifier: 'AUTUMN_DRAFT',
		type: 'LOYALTY_EARNING',
		status: 'DRAFT',
		issueLimit: 1,
		startDate: '2026-09-01T00:00:00Z',
		endDate: '2026-11-30T23:59:59Z',
	},
	{
		promotionId: 202188,
		programId: 2714,
		name: 'Gold Enrol',
		promoIdentifier: 'GOLD_ENROL',
		type: 'LOYALTY_EARNING',
		status: 'LIVE',
		issueLimit: 5,
		...YEAR_2026,
	},
	{
		promotionId: 202090,
		programId: 2714,
		name: 'Gold Direct',
		promoIdentifier: 'GOLD_DIRECT',
		type: 'LOYALTY',
		status: 'LIVE',
		issueLimit: 100,
		...YEAR_2026,
	},
];

const GENERATED_TYPES: readonly PromotionType[] = [
	'LOYALTY_EARNING',
	'LOYALTY',
	'ISSUE_AND_EARN',
	'DIRECT',
];

/** 32 more LIVE promotions in program 469 so every catalog endpoint needs several pages. */
const GENERATED: SeedPromotion[] = Array.from({ length: 32 }, (_, index) => {
	const n = index + 1;
	return {
		promotionId: 60000 + n,
		programId: 469,
		name: `Demo Offer ${String(n).padStart(2, '0')}`,
		promoIdentifier: `DEMO${String(n).padStart(2, '0')}`,
		type: GENERATED_TYPES[index % GENERATED_TYPES.length],
		status: 'LIVE',
		issueLimit: (n % 5) + 1,
		...YEAR_2026,
	};
});

export const PROMOTIONS: readonly SeedPromotion[] = [...NAMED, ...GENERATED];

const published = PROMOTIONS.filter((promotion) => promotion.status !== 'DRAFT');
const byId = new Map(published.map((promotion) => [promotion.promotionId, promotion]));
const byIdentifier = new Map(
	published.map((promotion) => [`${promotion.programId}:${promotion.promoIdentifier}`, promotion]),
);

/** Drafts are not published, so neither lookup finds them. */
export function findPromotionById(promotionId: number): SeedPromotion | undefined {
	return byId.get(promotionId);
}

export function findPromotionByIdentifier(
	programId: number,
	promoIdentifier: string,
): SeedPromotion | undefined {
	return byIdentifier.get(`${programId}:${promoIdentifier}`);
}

export function isEnrolAndIssue(type: PromotionType): boolean {
	return type === 'LOYALTY_EARNING' || type === 'ISSUE_AND_EARN';
}

export function isDirectIssue(type: PromotionType): boolean {
	return type === 'LOYALTY' || type === 'DIRECT';
}
