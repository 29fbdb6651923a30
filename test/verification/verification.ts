/**
 * Shared by the engine tests of Verify Unknown Outcomes: the faults that leave a bulk request's
 * outcome unknown, the lookup's failures, and the one check every run must pass: each item's claim
 * agrees with what the sandbox's ledger shows was applied.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEMO, type CapillarySandbox, type Fault, type LedgerEntry } from '../sandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
	type AuthKind,
	type CapillaryRun,
} from '../support/engine/capillaryWorkflow';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

/** Direct Issue (issue limit 100): Issue. Enrol & Issue (issue limit 5): Enrol, Enrol and Issue. */
export const { goldDirect, goldEnrol } = DEMO.promotions;

/** Small Timeout (so the settle wait is 1 s), one lookup retry, short retry waits. */
export const FAST = { timeout: 1000, maxRetries: 1, maxRetryWait: 20, parallelRequests: 2 };

export type Operation = 'earn' | 'enrol' | 'enrolAndEarn' | 'revokeEarn' | 'revokeEnrol';
export type Claim = 'applied' | 'not_applied' | 'unknown';

const PROMOTION: Record<Operation, { programId: number; promotionId: number }> = {
	earn: goldDirect,
	enrol: goldEnrol,
	enrolAndEarn: goldEnrol,
	revokeEarn: goldDirect,
	revokeEnrol: goldEnrol,
};

/** Node parameters for `operation` (its promotion above), by mobile, with FAST and `options`. */
export function parametersFor(
	operation: Operation,
	options: INodeParameters = {},
	extra: INodeParameters = {},
): INodeParameters {
	return {
		...promotionParameters('earn', PROMOTION[operation], 'mobile', {
			options: { ...FAST, ...options },
			...extra,
		}),
		operation,
	};
}

export const customers = (from: number, count: number) =>
	Array.from({ length: count }, (_, k) => DEMO.customer(from + k));
export const mobilesOf = (list: ReturnType<typeof customers>) =>
	list.map((c) => ({ mobile: c.mobile }));

export async function run(
	sandbox: CapillarySandbox,
	items: IDataObject[],
	parameters: INodeParameters,
	authentication: AuthKind = 'oAuth',
): Promise<CapillaryRun> {
	return await runCapillary(sandboxCredentials(sandbox), { items, parameters, authentication });
}

/** A fault aimed at the lookup path (times: every lookup of the run unless told). */
export const onLookup = (fault: Fault, times = 1000): Fault => ({
	...fault,
	path: ENDPOINTS.customerPromotionData,
	times,
});

export const lookups = (sandbox: CapillarySandbox) =>
	sandbox.requests.filter((r) => r.path === ENDPOINTS.customerPromotionData);
export const bulkRequests = (sandbox: CapillarySandbox) =>
	sandbox.requests.filter(
		(r) => r.path === ENDPOINTS.bulkEnrolAndEarn || r.path === ENDPOINTS.bulkRevokeEnrolAndEarn,
	);

/** The faults on the bulk path that leave a request's outcome unknown, and whether it was applied. */
export const UNKNOWN_FAULTS: Array<[string, Fault, boolean]> = [
	['a hang past the Timeout after applying', { type: 'hang', afterApplying: true }, true],
	['a hang past the Timeout before applying', { type: 'hang', afterApplying: false }, false],
	['a reset after applying', { type: 'reset', afterApplying: true }, true],
	['a reset before applying', { type: 'reset', afterApplying: false }, false],
	['a 502 after applying', { type: 'status', status: 502, afterApplying: true }, true],
	['a 502 before applying', { type: 'status', status: 502, afterApplying: false }, false],
	['a 504 after applying', { type: 'status', status: 504, afterApplying: true }, true],
	['a 504 before applying', { type: 'status', status: 504, afterApplying: false }, false],
	['a cut-off answer (malformed)', { type: 'malformed' }, true],
	['an answer short of one result', { type: 'short', drop: 1 }, true],
];

/**
 * A request applied whose answer is cut off, and one Capillary failed (500) before applying: both
 * unknown, and both answered by Capillary itself, so verification looks up at once (no settle wait).
 * UNKNOWN_FAULTS has the others.
 */
export const APPLIED: Fault = { type: 'malformed' };
export const NOT_APPLIED: Fault = { type: 'status', status: 500, afterApplying: false };

const ACTION: Record<Operation, LedgerEntry['action']> = {
	earn: 'EARN',
	enrol: 'ENROL',
	enrolAndEarn: 'ENROL',
	revokeEarn: 'REVOKE_EARN',
	revokeEnrol: 'REVOKE_ENROL',
};

/** Ledger entries of `action` for one customer. */
export const ledgerOf = (
	sandbox: CapillarySandbox,
	action: LedgerEntry['action'],
	customerId?: number,
) =>
	sandbox.ledger.filter(
		(e) => e.action === action && (customerId === undefined || e.customerId === customerId),
	);

/** The sandbox customer an item names (rule customers: mobile 9190…, customer<k>@example.com, or id), or -1. */
const customerIdOf = (item: INodeExecutionData): number => {
	const value = String(item.json.identifierValueSent ?? item.json.identifierValue);
	const k = /^9190(\d{8})$/.exec(value)?.[1] ?? /^customer(\d+)@example\.com$/.exec(value)?.[1];
	if (k !== undefined) return DEMO.customer(Number(k)).id;
	if (/^\d{7}$/.test(value)) return Number(value);
	return -1; // no such customer (8015): the ledger holds nothing for it
};

export const errorOf = (item: INodeExecutionData) =>
	(item.json.error ?? {}) as Record<string, unknown>;

/** A Failed item's message ends with a next step: a sentence that starts upper case and ends with a full stop. */
export const ADVICE_AT_END = /\. [A-Z][^]*\.$/;

/**
 * The claim each item makes, in input order, after checking it against the ledger: Success with
 * verified true only for a customer the ledger shows applied, with the ledger's id; Failed
 * not_applied only for one the ledger shows not applied; anything else unknown, verified false,
 * with `verification` saying why (also in the message). `operation` says which ledger action counts (Enrol and Issue: the
 * step the item's error names, or the enrolment for a Success). Only for runs that send each
 * customer once (no resend): the ledger then holds at most one entry per customer and action.
 */
export function claimsOf(
	sandbox: CapillarySandbox,
	result: CapillaryRun,
	operation: Operation,
): Claim[] {
	const items = [...result.success, ...result.failed].sort(
		(a, b) => (a.pairedItem as { item: number }).item - (b.pairedItem as { item: number }).item,
	);
	return items.map((item) => {
		const customerId = customerIdOf(item);
		const error = errorOf(item);
		const step = error.step === 'earn' ? 'EARN' : ACTION[operation];
		const applied = ledgerOf(sandbox, step, customerId);
		const label = `item ${JSON.stringify(item.json)} against ledger ${JSON.stringify(applied)}`;
		if (item.json.status === 'success') {
			if (item.json.verified !== true) return 'applied'; // Capillary's own answer said so
			expect({ label, applied: applied.length }).toEqual({ label, applied: 1 });
			if (step === 'EARN') expect(item.json.earnedId).toBe(applied[0].earnedId);
			if (step === 'ENROL') expect(item.json.issualId).toBe(applied[0].issualId);
			expect(item.json.entityId).toBe(customerId);
			expect(item.json.verification).toMatch(/^The customer lookup shows .*: applied\./);
			return 'applied';
		}
		expect(String(error.message)).toMatch(ADVICE_AT_END);
		if (error.outcome === 'not_applied') {
			expect({ label, applied: applied.length }).toEqual({ label, applied: 0 });
			return 'not_applied';
		}
		expect(error.outcome).toBe('unknown');
		expect(item.json.verified).toBe(false);
		expect(item.json.verification).toEqual(expect.any(String));
		expect(String(error.message)).toContain(
			`the customer lookup could not decide: ${String(item.json.verification)}`,
		);
		return 'unknown';
	});
}
