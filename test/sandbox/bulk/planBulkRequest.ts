import { findProgram } from '../seed/programs';
import {
	findPromotionById,
	findPromotionByIdentifier,
	isDirectIssue,
	isEnrolAndIssue,
	type SeedPromotion,
} from '../seed/promotions';
import type { IdentifierName } from '../types';
import { IDENTIFIER_NAMES, type ErrorCode } from './codes';

export type BulkAction = 'ENROL' | 'EARN';

export interface BulkPlan<Action extends string = BulkAction> {
	action: Action;
	promotion: SeedPromotion;
	identifierName: IdentifierName;
	/** Which of the two the request named the promotion by (promotionId when it gave both). */
	promotionKey: 'promotionId' | 'promoIdentifier';
}

/** Whether a promotion takes a bulkAction: false gives 8902. */
export type ActionSupport<Action extends string> = (
	action: unknown,
	promotion: SeedPromotion,
) => action is Action;

/**
 * The checks that depend on the request alone. Capillary reports them per customer (every entry
 * gets the same error), so this returns the code instead of failing the request. Order of checks:
 * 8901 type, 8881 missing ids, 1101 program, 8874 promotion, 8892 not LIVE, 8902 action, 11013 identifierName.
 */
export function planBulkRequest(body: Record<string, unknown>): BulkPlan | ErrorCode {
	return planRequest(body, isSupported);
}

/** The same checks for a bulk endpoint whose actions `supports` knows (the revoke endpoint's, say). */
export function planRequest<Action extends string>(
	body: Record<string, unknown>,
	supports: ActionSupport<Action>,
): BulkPlan<Action> | ErrorCode {
	if (body.type !== 'CUSTOMER') return 8901;
	const details = isRecord(body.promotionDetails) ? body.promotionDetails : {};
	if (
		isBlank(details.programId) ||
		(isBlank(details.promotionId) && isBlank(details.promoIdentifier))
	)
		return 8881;
	const programId = asInteger(details.programId);
	if (programId === undefined || !findProgram(programId)) return 1101;
	const promotion = findPromotion(programId, details.promotionId, details.promoIdentifier);
	if (!promotion) return 8874;
	if (promotion.status !== 'LIVE') return 8892;
	const action = body.bulkAction;
	if (!supports(action, promotion)) return 8902;
	const identifierName = body.identifierName;
	if (!IDENTIFIER_NAMES.some((name) => name === identifierName)) return 11013;
	return {
		action,
		promotion,
		identifierName: identifierName as IdentifierName,
		promotionKey: isBlank(details.promotionId) ? 'promoIdentifier' : 'promotionId',
	};
}

/** promotionId wins when both are given, but a promoIdentifier that contradicts it is an error. */
function findPromotion(
	programId: number,
	promotionId: unknown,
	promoIdentifier: unknown,
): SeedPromotion | undefined {
	const promotion = isBlank(promotionId)
		? findPromotionByIdentifier(programId, String(promoIdentifier))
		: findPromotionById(asInteger(promotionId) ?? -1);
	if (!promotion || promotion.programId !== programId) return undefined;
	if (!isBlank(promoIdentifier) && promotion.promoIdentifier !== promoIdentifier) return undefined;
	return promotion;
}

function isSupported(action: unknown, promotion: SeedPromotion): action is BulkAction {
	if (action === 'ENROL') return isEnrolAndIssue(promotion.type);
	if (action === 'EARN') return isEnrolAndIssue(promotion.type) || isDirectIssue(promotion.type);
	return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Integers may arrive as JSON numbers or digit strings (Capillary's Java backend coerces both). */
export function asInteger(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
	if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
	return undefined;
}
