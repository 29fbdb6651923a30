/** The fields of a `v3/promotions` entry's metadata that the picker shows. */
export interface ListedPromotion {
	name?: unknown;
	programId?: unknown;
	promotionId?: unknown;
	promoIdentifier?: unknown;
	promotionType?: unknown;
	status?: unknown;
}

/** Capillary's backend promotion types, by what the UI calls them. */
const TYPE_NAMES: Record<string, string> = {
	LOYALTY_EARNING: 'Enrol & Issue',
	ISSUE_AND_EARN: 'Enrol & Issue',
	LOYALTY: 'Direct Issue',
	DIRECT: 'Direct Issue',
	GENERIC: 'Generic',
};

function promotionTypeName(type: unknown): string {
	return TYPE_NAMES[String(type)] ?? String(type ?? 'Unknown type');
}

/** e.g. "Welcome bonus · Enrol & Issue · LIVE · 57099" */
export function promotionLabel(promotion: ListedPromotion): string {
	const name =
		typeof promotion.name === 'string' && promotion.name !== '' ? promotion.name : 'Promotion';
	return `${name} · ${promotionTypeName(promotion.promotionType)} · ${String(promotion.status ?? '')} · ${String(promotion.promotionId)}`;
}
