import { lookupCustomer } from '../seed/customers';
import { isEnrolAndIssue } from '../seed/promotions';
import type { SandboxState } from '../state/sandboxState';
import { VALID_SOURCES, type ErrorCode } from './codes';
import {
	failedEntry,
	limitReachedEntry,
	successEntry,
	type BulkEntry,
	type BulkResult,
} from './entries';
import type { BulkPlan } from './planBulkRequest';

export interface CustomerInput {
	identifierValue: string;
	source: string;
}

/** Reads one element of customers[]; undefined means 11013 (empty value or missing/unknown source). */
export function readCustomerInput(raw: unknown): CustomerInput | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const { identifierValue, source } = raw as Record<string, unknown>;
	const value = typeof identifierValue === 'number' ? String(identifierValue) : identifierValue;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (typeof source !== 'string' || !VALID_SOURCES.includes(source)) return undefined;
	return { identifierValue: value, source };
}

/**
 * Applies one customer of a valid plan and returns its response entry. Each applied ENROL or
 * EARN appends a ledger entry; a used-up issue limit answers warning 8890 and changes nothing.
 */
export function processCustomer(
	plan: BulkPlan,
	raw: unknown,
	state: SandboxState,
	requestId: string,
): BulkEntry {
	const input = readCustomerInput(raw);
	if (!input) return failedEntry(11013);
	const resolved = resolveCustomer(plan, input.identifierValue);
	if ('error' in resolved) return failedEntry(resolved.error);
	const { customerId } = resolved;

	const { promotion } = plan;
	const loyalty = state.loyalty;
	const result: BulkResult = {
		entityType: 'CUSTOMER',
		entityId: customerId,
		promotionId: promotion.promotionId,
		programId: promotion.programId,
	};
	const append = (issualId: string, earnedId?: string): void =>
		state.appendLedger({
			requestId,
			action: plan.action,
			programId: promotion.programId,
			promotionId: promotion.promotionId,
			customerId,
			identifierName: plan.identifierName,
			identifierValue: input.identifierValue,
			source: input.source,
			issualId,
			...(earnedId === undefined ? {} : { earnedId }),
		});

	if (plan.action === 'ENROL') {
		result.issualId = loyalty.enrol(promotion.promotionId, customerId, state.serverNow());
		append(result.issualId);
		return successEntry(result);
	}
	const enrolAndIssue = isEnrolAndIssue(promotion.type);
	const activeIssualId = loyalty.activeIssualId(promotion.promotionId, customerId);
	// Our assumption: EARN on Enrol & Issue without an active enrolment fails with 8896.
	if (enrolAndIssue && activeIssualId === undefined) return failedEntry(8896);
	if (loyalty.earnCount(promotion.promotionId, customerId) >= promotion.issueLimit) {
		if (activeIssualId !== undefined) result.issualId = activeIssualId;
		return limitReachedEntry(result);
	}
	result.issualId = activeIssualId ?? loyalty.newIssualId();
	result.earnedId = loyalty.recordEarn(
		promotion.promotionId,
		customerId,
		result.issualId,
		state.serverNow(),
	);
	append(result.issualId, result.earnedId);
	return successEntry(result);
}

export function resolveCustomer(
	plan: Pick<BulkPlan, 'identifierName'>,
	identifierValue: string,
): { customerId: number } | { error: ErrorCode } {
	if (plan.identifierName === 'id' && !/^\d+$/.test(identifierValue)) return { error: 8896 };
	const found = lookupCustomer(plan.identifierName, identifierValue);
	if (found.kind === 'userGroup') return { error: 8899 };
	if (found.kind === 'notFound') return { error: 8015 };
	return { customerId: found.customer.id };
}
