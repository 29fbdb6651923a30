import type { INodeExecutionData } from 'n8n-workflow';

import type { LedgerEntry, RequestRecord } from '../sandbox';
import type { Scenario } from './scenario';

interface Outcome {
	json: Record<string, unknown>;
	item: number;
}

/** Ledger key of one customer of one promotion, for one action. */
const keyOf = (
	action: string,
	promotionId: unknown,
	identifierName: unknown,
	identifierValue: unknown,
) => `${action}|${String(promotionId)}|${String(identifierName)}|${String(identifierValue)}`;

/**
 * The nothing-lost guarantee, checked against what the sandbox really applied. Returns the broken
 * promises (empty when every one holds).
 */
export function checkGuarantees(
	scenario: Scenario,
	outputs: { success: INodeExecutionData[]; failed: INodeExecutionData[]; threw: boolean },
	ledger: readonly LedgerEntry[],
	requests: readonly RequestRecord[],
	secrets: string[],
): string[] {
	const problems: string[] = [];
	const all: Outcome[] = [...outputs.success, ...outputs.failed].map((i) => ({
		json: i.json as Record<string, unknown>,
		item: (i.pairedItem as { item: number }).item,
	}));

	// 1. Exactly one output item per input item (unless the node stopped the workflow, having applied nothing).
	if (outputs.threw) {
		if (ledger.length > 0)
			problems.push(`the node threw after the sandbox applied ${ledger.length} actions`);
	} else {
		const indexes = all.map((o) => o.item).sort((a, b) => a - b);
		if (indexes.length !== scenario.items.length || indexes.some((v, i) => v !== i)) {
			problems.push(
				`pairedItem indexes are not a permutation of 0..${scenario.items.length - 1}: ${indexes.length} items`,
			);
		}
	}

	// 2–4. Per customer and action: applied count between what Success claims and what may have happened.
	const applied = new Map<string, LedgerEntry[]>();
	for (const entry of ledger) {
		const key = keyOf(entry.action, entry.promotionId, entry.identifierName, entry.identifierValue);
		applied.set(key, [...(applied.get(key) ?? []), entry]);
	}
	const claimed = new Map<string, { sure: number; maybe: number; ids: string[] }>();
	const claim = (key: string, sure: boolean, maybe: boolean, id?: unknown) => {
		const c = claimed.get(key) ?? { sure: 0, maybe: 0, ids: [] };
		if (sure) c.sure++;
		if (maybe) c.maybe++;
		if (typeof id === 'string') c.ids.push(id);
		claimed.set(key, c);
	};
	for (const { json } of all) {
		if (json.duplicateOf !== undefined) continue;
		const error = json.error as { outcome?: string; kind?: string; step?: string } | undefined;
		const success = json.status === 'success';
		const unknown = error?.outcome === 'unknown';
		const key = (action: string) =>
			keyOf(
				action,
				json.promotionId,
				json.identifierName,
				json.identifierValueSent ?? json.identifierValue,
			);
		if (scenario.operation === 'enrol') claim(key('ENROL'), success, unknown, json.issualId);
		if (scenario.operation === 'earn') claim(key('EARN'), success, unknown, json.earnedId);
		if (scenario.operation === 'enrolAndEarn') {
			claim(key('ENROL'), json.enrolled === true, json.enrolled === null, json.issualId);
			claim(key('EARN'), success, unknown && json.enrolled === true, json.earnedId);
		}
		// An enrolled customer's failure is its issue step's: only that step may claim not_applied.
		if (error?.outcome === 'not_applied' && json.enrolled === true && error.step !== 'earn') {
			problems.push(
				`enrolled item ${String(json.identifierValue)} claims not_applied for its enrolment`,
			);
		}
	}
	const factor = scenario.options.retryUnknownOutcome ? Number(scenario.options.maxRetries) + 1 : 1;
	for (const key of new Set([...applied.keys(), ...claimed.keys()])) {
		const count = applied.get(key)?.length ?? 0;
		const c = claimed.get(key) ?? { sure: 0, maybe: 0, ids: [] };
		if (count < c.sure)
			problems.push(`${key}: Success claims ${c.sure} but the sandbox applied ${count}`);
		if (count > (c.sure + c.maybe) * factor)
			problems.push(
				`${key}: applied ${count} times, but only ${c.sure} success and ${c.maybe} unknown reported`,
			);
		const ledgerIds = new Set(
			(applied.get(key) ?? []).map((e) => (key.startsWith('EARN') ? e.earnedId : e.issualId)),
		);
		for (const id of c.ids)
			if (c.sure > 0 && !ledgerIds.has(id) && count > 0)
				problems.push(`${key}: id ${id} is not in the ledger`);
	}

	// 4b. With Deduplicate on, one customer (identifier type and value, emails without case) is applied once per action.
	if (scenario.options.deduplicate && !scenario.options.retryUnknownOutcome) {
		const perCustomer = new Map<string, number>();
		for (const e of ledger) {
			const value =
				e.identifierName === 'email' ? e.identifierValue.toLowerCase() : e.identifierValue;
			const key = keyOf(e.action, e.promotionId, e.identifierName, value);
			perCustomer.set(key, (perCustomer.get(key) ?? 0) + 1);
		}
		for (const [key, count] of perCustomer)
			if (count > 1) problems.push(`${key}: applied ${count} times with Deduplicate on`);
	}

	// 5. The rate limit held over every bulk request, and no secret leaked.
	const limit = Number(scenario.options.maxRequestsPerMinute);
	if (limit > 0) {
		const starts = requests.filter((r) => r.bulkAction).map((r) => r.at);
		const interval = 60_000 / limit;
		for (let i = 0; i < starts.length; i++) {
			for (let j = i + 1; j < starts.length; j++) {
				if (starts[j] - starts[i] < (j - i) * interval - 50)
					problems.push(`requests ${i}..${j} came faster than ${limit}/min`);
			}
		}
	}
	const text = JSON.stringify(outputs);
	for (const secret of secrets)
		if (secret && text.includes(secret)) problems.push('a secret appears in the output');
	return problems;
}
