import type { IDataObject } from 'n8n-workflow';

import { DEMO, type CapillarySandbox, type LedgerEntry } from '../sandbox';
import { runCapillary, sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { checkGuarantees, type Named } from './checkGuarantees';
import {
	HELD_PROMOTIONS,
	isEnrolAndIssue,
	scenarioParameters,
	type EarnedChoice,
	type Operation,
	type Scenario,
} from './scenario';

/** What the scenarios produced, per operation and outcome (printed with PROPERTY_STATS=1). */
export const STATS = new Map<string, number>();

function tally(s: Scenario, outputs: IDataObject[]) {
	const add = (key: string) => STATS.set(key, (STATS.get(key) ?? 0) + 1);
	add(`${s.operation} scenarios`);
	for (const json of outputs) {
		const error = json.error as IDataObject | undefined;
		const outcome = json.status === 'success' ? 'success' : String(error?.outcome);
		const marks = `${json.verified === undefined ? '' : ` verified=${String(json.verified)}`}${json.resent ? ' resent' : ''}`;
		add(`${s.operation} ${outcome}${marks}`);
	}
}

/** An earned ID no customer holds (the sandbox's ids start at 500001 and count up). */
const NEVER_ISSUED = '999999';

/**
 * Runs one scenario: makes the customers' holdings, runs the node with the scenario's faults, and
 * checks the guarantees. Returns the broken ones, with what is needed to see why.
 */
export async function runScenario(sandbox: CapillarySandbox, s: Scenario): Promise<string[]> {
	sandbox.reset();
	const credentials = sandboxCredentials(sandbox);
	// What customers hold is made before the run: two hours before it, on the sandbox's clock. (The
	// lookup dates to the second: an enrolment of the same second as a request is its own.)
	sandbox.setClockOffset(s.clockOffsetSeconds - 7200);
	const setupProblem = await makeHoldings(sandbox, s);
	if (setupProblem) return [setupProblem];
	const held = holdingsIn(sandbox.ledger);
	const items = s.items.map((item, i) =>
		s.operation === 'revokeEarn' ? withIds(item, s.earned[i], s.customerOf[i], held) : item,
	);
	const named = items.map((item) => namedIds(item.ids));

	sandbox.setClockOffset(s.clockOffsetSeconds);
	const ledgerBefore = sandbox.ledger.length;
	const requestsBefore = sandbox.requests.length;
	for (const fault of [...s.faults, ...s.lookupFaults]) sandbox.injectFault(fault);
	const run = await runCapillary(credentials, {
		items,
		parameters: scenarioParameters(s),
		authentication: s.authentication,
		onError: 'continueRegularOutput',
	});
	const token = String(credentials.store.get('capillaryOAuthApi')?.accessToken ?? '');
	const problems = checkGuarantees(
		{ ...s, items },
		{
			outputs: { success: run.success, failed: run.failed, threw: run.error !== undefined },
			named,
			before: sandbox.ledger.slice(0, ledgerBefore),
			ledger: sandbox.ledger.slice(ledgerBefore),
			requests: sandbox.requests.slice(requestsBefore),
			secrets: [DEMO.oauth.clientSecret, DEMO.basic.passwordMd5, DEMO.basic.password, token],
			otherText: run.error?.message,
		},
	);
	if (run.error) problems.push(`the node threw in a continue mode: ${run.error.message}`);
	tally(
		s,
		[...run.success, ...run.failed].map((i) => i.json),
	);
	if (problems.length > 0 && s.operation === 'revokeEarn')
		problems.push(`(Earned IDs per item: ${JSON.stringify(items.map((i) => i.ids ?? null))})`);
	return problems;
}

/**
 * Enrols, issues and revokes as the scenario's holdings say (and enrols preEnrolled in Welcome 10),
 * with nothing injected: Enrol, then Issue (Deduplicate off: one issue per item), then Revoke Issue
 * (all of the customer's issues), then Revoke Enrolment. Returns a problem if a step stopped.
 */
async function makeHoldings(sandbox: CapillarySandbox, s: Scenario): Promise<string | undefined> {
	const credentials = sandboxCredentials(sandbox);
	const item = (k: number, promotion: { programId: number; promotionId: number }) => ({
		kind: 'mobile',
		value: DEMO.customer(k).mobile,
		source: 'INSTORE',
		program: promotion.programId,
		promo: promotion.promotionId,
		ids: '',
	});
	const { welcome } = DEMO.promotions;
	const held = s.holdings.map((h) => ({ ...h, at: HELD_PROMOTIONS[h.promotion] }));
	const steps: Array<[Operation, IDataObject[]]> = [
		[
			'enrol',
			[
				...s.preEnrolled.map((k) => item(k, welcome)),
				...held.filter((h) => isEnrolAndIssue(h.at)).map((h) => item(h.customer, h.at)),
			],
		],
		['earn', held.flatMap((h) => Array.from({ length: h.issues }, () => item(h.customer, h.at)))],
		['revokeEarn', held.filter((h) => h.revoked !== 'none').map((h) => item(h.customer, h.at))],
		[
			'revokeEnrol',
			held
				.filter((h) => h.revoked === 'all' && isEnrolAndIssue(h.at))
				.map((h) => item(h.customer, h.at)),
		],
	];
	for (const [operation, items] of steps) {
		if (items.length === 0) continue;
		const run = await runCapillary(credentials, {
			items,
			parameters: scenarioParameters({ operation, options: { deduplicate: operation !== 'earn' } }),
		});
		if (run.error) return `setting up the holdings (${operation}) failed: ${run.error.message}`;
	}
	return undefined;
}

/** Per customer and promotion, the issues made before the run: active, and revoked. */
interface Held {
	active(customerId: number, promotionId: number): string[];
	revoked(customerId: number, promotionId: number): string[];
	activeOfOthers(customerId: number, promotionId: number): string[];
	anyRevoked(): string[];
}

function holdingsIn(ledger: readonly LedgerEntry[]): Held {
	const revokedIds = new Set(
		ledger.filter((e) => e.action === 'REVOKE_EARN').map((e) => e.earnedId!),
	);
	const earns = ledger.filter((e) => e.action === 'EARN');
	const of = (customerId: number, promotionId: number) =>
		earns.filter((e) => e.customerId === customerId && e.promotionId === promotionId);
	return {
		active: (c, p) =>
			of(c, p)
				.map((e) => e.earnedId!)
				.filter((id) => !revokedIds.has(id)),
		revoked: (c, p) =>
			of(c, p)
				.map((e) => e.earnedId!)
				.filter((id) => revokedIds.has(id)),
		activeOfOthers: (c, p) =>
			earns
				.filter((e) => e.customerId !== c && e.promotionId === p && !revokedIds.has(e.earnedId!))
				.map((e) => e.earnedId!),
		anyRevoked: () => [...revokedIds],
	};
}

/** The item with Earned IDs (`ids`) as `choice` says, from what its customer holds. */
function withIds(
	item: IDataObject,
	choice: EarnedChoice,
	k: number | undefined,
	held: Held,
): IDataObject {
	const customerId = k === undefined ? -1 : DEMO.customer(k).id;
	const promotionId = Number(item.promo);
	const active = held.active(customerId, promotionId);
	const revoked = held.revoked(customerId, promotionId);
	const ids = ((): unknown => {
		switch (choice) {
			case 'all':
				return '';
			case 'own':
				return active.length > 0 ? active.join(', ') : (revoked[0] ?? NEVER_ISSUED);
			case 'ownSome':
				return active.length > 0
					? active.slice(0, Math.ceil(active.length / 2)).join(',')
					: NEVER_ISSUED;
			case 'ownArray': // numbers; an empty list names nothing (refused, not "revoke all")
				return active.map(Number);
			case 'never':
				return NEVER_ISSUED;
			case 'other':
				return held.activeOfOthers(customerId, promotionId)[0] ?? NEVER_ISSUED;
			case 'revoked':
				return revoked[0] ?? held.anyRevoked()[0] ?? NEVER_ISSUED;
			case 'ownPlusWrong':
				return [...active, NEVER_ISSUED].join(' , ');
			case 'missing':
				return undefined;
			case 'malformed':
				return 'abc';
		}
	})();
	return ids === undefined ? item : { ...item, ids: ids as IDataObject[string] };
}

/** What an Earned IDs value names, read as the README describes it (the node's reading is not reused). */
function namedIds(value: unknown): Named {
	if (value === '') return 'all';
	const parts = Array.isArray(value)
		? value.map(String)
		: typeof value === 'number'
			? [String(value)]
			: typeof value === 'string'
				? value.split(/[\s,;]+/).filter((p) => p !== '')
				: [];
	if (parts.length === 0 || parts.some((p) => !/^[1-9]\d{0,14}$/.test(p))) return undefined;
	return [...new Set(parts)];
}
