import { lookupCustomer } from '../seed/customers';
import { isEnrolAndIssue } from '../seed/promotions';
import type { SandboxState } from '../state/sandboxState';
import type { LedgerEntry } from '../types';
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
		appendLedger(state, { requestId, plan, customerId, input, issualId, earnedId });

	if (plan.action === 'ENROL') {
		result.issualId = loyalty.enrol(promotion.promotionId, customerId);
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
	result.earnedId = loyalty.recordEarn(promotion.promotionId, customerId);
	append(result.issualId, result.earnedId);
	return successEntry(result);
}

function resolveCustomer(
	plan: BulkPlan,
	identifierValue: string,
): { customerId: number } | { error: ErrorCode } {
	if (plan.identifierName === 'id' && !/^\d+$/.test(identifierValue)) return { error: 8896 };
	const found = lookupCustomer(plan.identifierName, identifierValue);
	if (found.kind === 'userGroup') return { error: 8899 };
	if (found.kind === 'notFound') return { error: 8015 };
	return { customerId: found.customer.id };
}

interface Applied {
	requestId: string;
	plan: BulkPlan;
	customerId: number;
	input: CustomerInput;
	issualId: string;
	earnedId?: string;
}

function appendLedger(state: SandboxState, applied: Applied): void {
	const entry: LedgerEntry = {
		seq: state.ledger.length + 1,
		at: Date.now(),
		requestId: applied.requestId,
		action: applied.plan.action,
		programId: applied.plan.promotion.programId,
		promotionId: applied.plan.promotion.promotionId,
		customerId: applied.customerId,
		identifierName: applied.plan.identifierName,
		identifierValue: applied.input.identifierValue,
		source: applied.input.source,
		issualId: applied.issualId,
	};
	if (applied.earnedId !== undefined) entry.earnedId = applied.earnedId;
	state.ledger.push(entry);
}
