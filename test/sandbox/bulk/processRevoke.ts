/**
 * One customer of a revokeEnrolAndEarn request. Where the docs are silent the choice is ours:
 * - `source` is checked as enrolAndEarn checks it (11013 when missing or unknown), but without regard
 *   to case, since every example on the revoke page sends "instore".
 * - REVOKE_EARN revokes the customer's active issues of the promotion: all of them when `earnIds` is
 *   absent, null or empty; else exactly those listed (integers or digit strings; repeats count once).
 *   If any listed id is not an active issue of this customer in this promotion (unknown, someone
 *   else's, already revoked, not an integer), the customer fails with 8903 and nothing is revoked.
 *   No active issue at all when earnIds is absent: 2305 (the code revokeDirectEarn documents).
 * - REVOKE_ENROL ignores `earnIds` (the docs do not say what it does there). No active enrolment:
 *   2305. Issues still active under the enrolment: 8896 (the docs state the order rule, "issual must
 *   be revoked before unenrolment", but give no code; 8896 is the sandbox's code for a refused
 *   action, as for EARN without an enrolment).
 * - A revoke does not give the issue limit back.
 * - The result names the promotion as the request did (promotionId, or promoIdentifier when only
 *   that was sent), as the docs' examples do; revokedEarnIds are integers, as in the examples; the
 *   revoked enrolment is "issualId": "<string>" as in the docs' only example, or, with the option
 *   revokeEnrolIdKey 'revokedIssualId', "revokedIssualId": <integer> as their table lists it.
 */
import type { SandboxState } from '../state/sandboxState';
import type { EarnRecord } from '../state/loyaltyState';
import { REVOKE_ERROR_MESSAGES, VALID_SOURCES, type RevokeErrorCode } from './codes';
import { asInteger, type BulkPlan } from './planBulkRequest';
import { resolveCustomer } from './processCustomer';

export type RevokeAction = 'REVOKE_ENROL' | 'REVOKE_EARN';
export type RevokePlan = BulkPlan<RevokeAction>;

export interface RevokeResult {
	entityType: 'CUSTOMER';
	entityId: number;
	promotionId?: number;
	promoIdentifier?: string;
	programId: number;
	issualId?: string;
	revokedIssualId?: number;
	revokedEarnIds?: number[];
}

export type RevokeEntry =
	| { result: RevokeResult; errors: []; warnings: [] }
	| { errors: { status: false; code: number; message: string }[]; warnings: [] };

export function revokeFailure(code: RevokeErrorCode): RevokeEntry {
	return { errors: [{ status: false, code, message: REVOKE_ERROR_MESSAGES[code] }], warnings: [] };
}

interface RevokeInput {
	identifierValue: string;
	source: string;
	earnIds: unknown;
}

function readRevokeInput(raw: unknown): RevokeInput | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const { identifierValue, source, earnIds } = raw as Record<string, unknown>;
	const value = typeof identifierValue === 'number' ? String(identifierValue) : identifierValue;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (typeof source !== 'string' || !VALID_SOURCES.includes(source.toUpperCase())) return undefined;
	return { identifierValue: value, source, earnIds };
}

export function processRevoke(
	plan: RevokePlan,
	raw: unknown,
	state: SandboxState,
	requestId: string,
): RevokeEntry {
	const input = readRevokeInput(raw);
	if (!input) return revokeFailure(11013);
	const resolved = resolveCustomer(plan, input.identifierValue);
	if ('error' in resolved) return revokeFailure(resolved.error);
	const { customerId } = resolved;
	const { promotion } = plan;
	const loyalty = state.loyalty;
	const record = (action: RevokeAction, issualId: string, earnedId?: string): void =>
		state.appendLedger({
			requestId,
			action,
			programId: promotion.programId,
			promotionId: promotion.promotionId,
			customerId,
			identifierName: plan.identifierName,
			identifierValue: input.identifierValue,
			source: input.source,
			issualId,
			...(earnedId === undefined ? {} : { earnedId }),
		});
	const result: RevokeResult = {
		entityType: 'CUSTOMER',
		entityId: customerId,
		...(plan.promotionKey === 'promotionId'
			? { promotionId: promotion.promotionId }
			: { promoIdentifier: promotion.promoIdentifier ?? '' }),
		programId: promotion.programId,
	};

	const active = loyalty.activeEarns(promotion.promotionId, customerId);
	if (plan.action === 'REVOKE_EARN') {
		const chosen = chooseEarns(active, input.earnIds);
		if (typeof chosen === 'number') return revokeFailure(chosen);
		for (const earn of chosen) {
			loyalty.revokeEarn(earn);
			record('REVOKE_EARN', earn.issualId, earn.earnedId);
		}
		result.revokedEarnIds = chosen.map((earn) => Number(earn.earnedId));
		return { result, errors: [], warnings: [] };
	}

	const issualId = loyalty.activeIssualId(promotion.promotionId, customerId);
	if (issualId === undefined) return revokeFailure(2305);
	if (active.some((earn) => earn.issualId === issualId)) return revokeFailure(8896);
	loyalty.revokeEnrolment(promotion.promotionId, customerId);
	record('REVOKE_ENROL', issualId);
	if (state.settings.revokeEnrolIdKey === 'revokedIssualId')
		result.revokedIssualId = Number(issualId);
	else result.issualId = issualId;
	return { result, errors: [], warnings: [] };
}

/** The active issues to revoke, or the code that refuses the customer. */
function chooseEarns(active: EarnRecord[], earnIds: unknown): EarnRecord[] | 2305 | 8903 {
	if (earnIds === undefined || earnIds === null || (Array.isArray(earnIds) && earnIds.length === 0))
		return active.length > 0 ? active : 2305;
	if (!Array.isArray(earnIds)) return 8903;
	const wanted = new Set<string>();
	for (const id of earnIds) {
		const n = asInteger(id);
		if (n === undefined) return 8903;
		wanted.add(String(n));
	}
	const chosen = active.filter((earn) => wanted.has(earn.earnedId));
	return chosen.length === wanted.size ? chosen : 8903;
}
