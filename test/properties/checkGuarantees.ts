import type { INodeExecutionData } from 'n8n-workflow';

import { DEMO, type LedgerEntry, type RequestRecord } from '../sandbox';
import { LOOKUP_PATH, type Scenario } from './scenario';

interface Outcome {
	json: Record<string, unknown>;
	item: number;
}

/** Revoke Issue: the earned IDs an item names, 'all' (Earned IDs empty), or undefined (not an id list). */
export type Named = string[] | 'all' | undefined;

/** What one run produced, and what the sandbox saw of it (this run's ledger entries and requests only). */
export interface RunRecord {
	outputs: { success: INodeExecutionData[]; failed: INodeExecutionData[]; threw: boolean };
	/** Revoke Issue: per input item, what its Earned IDs named. */
	named: Named[];
	/** What customers held before the run: the ledger of the set-up runs. */
	before: readonly LedgerEntry[];
	ledger: readonly LedgerEntry[];
	requests: readonly RequestRecord[];
	secrets: string[];
	/** Text the node gave besides its items (a thrown error's message). */
	otherText?: string;
}

type Action = LedgerEntry['action'];

/**
 * Node bugs this suite found (fixed; each has its regression test in regressions.test.ts): a broken
 * guarantee of one of these kinds is reported with its tag, so that a regression names its history.
 */
export const KNOWN_NODE_BUGS = {
	/**
	 * Verify Unknown Outcomes reads a revoke as applied when the lookup does not list the record: but
	 * the record may never have existed (a wrong Earned ID, a customer never enrolled or holding no
	 * issue), or another request revoked it. Success, verified: true, with nothing revoked.
	 */
	revokeVerifiedByAbsence: '[regression: revoke verified from an absent record]',
	/**
	 * Enrol and Issue with Resend Verified Not Applied: the resent enrolment's outcome is unknown
	 * again, the second lookup finds it, and the item is Success (enrolled: true, verified: true)
	 * without its issue step ever being sent: no earnedId, nothing issued, and no `resent` mark.
	 */
	resentEnrolmentNotIssued: '[regression: Enrol and Issue Success without its issue step]',
	/**
	 * Enrol and Issue, one customer in two items (by different identifiers): the enrolment the run was
	 * answered with for one item, whose issue step is held for the lookup, is taken by the other
	 * item's lookup for its own (RunRecords learns ids only from final results). Success with the
	 * other item's issualId, no enrolment by this item in the ledger.
	 */
	borrowedEnrolment: '[regression: another item’s enrolment taken for this item’s]',
	/**
	 * Get Customer Promotions: an Enrol & Issue promotion whose lookup answer lists an enrolment
	 * without its enrollmentId is Success with `enrolment` lacking `issualId` (an issue without its
	 * id fails the item as unmatched; the README says any missing field does).
	 */
	lookupEnrolmentWithoutId:
		'[regression: Get Customer Promotions passes an enrolment without its id]',
} as const;

/** Ledger key of one customer of one promotion, for one action. */
const keyOf = (
	action: string,
	promotionId: unknown,
	identifierName: unknown,
	identifierValue: unknown,
) => `${action}|${String(promotionId)}|${String(identifierName)}|${String(identifierValue)}`;

/** The id a ledger entry of this action made or revoked, as the output names it. */
const ledgerId = (e: LedgerEntry) => (e.action === 'EARN' ? e.earnedId : e.issualId);

interface Claim {
	item: number;
	/** Success: applied by this run. */
	sure: boolean;
	/** Outcome unknown: may have been applied. */
	maybe: boolean;
	notApplied: boolean;
	verified?: boolean;
	resent?: boolean;
	id?: string;
	requestId?: string;
}

const describe = (c: Claim) =>
	`item ${c.item} (${c.sure ? 'success' : c.maybe ? 'unknown' : 'not_applied'}${c.verified ? ', verified' : ''}${c.resent ? ', resent' : ''})`;

/**
 * The nothing-lost guarantee, checked against what the sandbox really applied. Returns the broken
 * promises (empty when every one holds).
 */
export function checkGuarantees(scenario: Scenario, run: RunRecord): string[] {
	const { outputs, ledger, requests, secrets } = run;
	const { options, operation } = scenario;
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

	// 1b. Verification's marks appear only with their options, and say what the outcome says.
	for (const { json, item } of all) {
		const error = json.error as { outcome?: string } | undefined;
		if (json.verified !== undefined && !options.verifyUnknownOutcomes)
			problems.push(`item ${item} has verified without Verify Unknown Outcomes`);
		if (json.resent !== undefined && !options.resendVerifiedNotApplied)
			problems.push(`item ${item} has resent without Resend Verified Not Applied`);
		if (json.verified === true && json.status !== 'success' && error?.outcome !== 'not_applied')
			problems.push(`item ${item} is verified but its outcome is ${String(error?.outcome)}`);
		// Every customer whose outcome is still unknown was looked up (and the lookup could not decide).
		if (options.verifyUnknownOutcomes && error?.outcome === 'unknown' && json.verified !== false)
			problems.push(`item ${item}'s outcome is unknown, but it is not marked verified: false`);
		if (json.verified === false && error?.outcome !== 'unknown')
			problems.push(`item ${item} is verified: false but its outcome is ${String(error?.outcome)}`);
	}
	if (
		operation !== 'getCustomerPromotions' &&
		!options.verifyUnknownOutcomes &&
		requests.some((r) => r.path === LOOKUP_PATH)
	)
		problems.push('a customer was looked up with Verify Unknown Outcomes off');

	// 2–4. Per customer and action: what the ledger shows against what the items say.
	const claims = new Map<string, Claim[]>();
	const revokeEarns: Array<{ key: string; claim: Claim; named: Named; revoked?: string[] }> = [];
	for (const { json, item } of all) {
		if (json.duplicateOf !== undefined) continue;
		const error = json.error as { outcome?: string; kind?: string; step?: string } | undefined;
		const success = json.status === 'success';
		const unknown = error?.outcome === 'unknown';
		const key = (action: Action) =>
			keyOf(
				action,
				json.promotionId,
				json.identifierName,
				json.identifierValueSent ?? json.identifierValue,
			);
		const marks = {
			item,
			notApplied: error?.outcome === 'not_applied',
			verified: json.verified as boolean | undefined,
			resent: json.resent as boolean | undefined,
		};
		const claim = (action: Action, c: Omit<Claim, keyof typeof marks>) => {
			const list = claims.get(key(action)) ?? [];
			list.push({ ...marks, ...c });
			claims.set(key(action), list);
		};
		const text = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
		const requestId = text(json.requestId);
		if (operation === 'enrol')
			claim('ENROL', { sure: success, maybe: unknown, id: text(json.issualId), requestId });
		if (operation === 'earn')
			claim('EARN', { sure: success, maybe: unknown, id: text(json.earnedId), requestId });
		if (operation === 'enrolAndEarn') {
			const enrolled = json.enrolled;
			claim('ENROL', {
				sure: enrolled === true,
				maybe: enrolled === null,
				id: text(json.issualId),
				requestId: text(json.enrolRequestId) ?? (enrolled === true ? undefined : requestId),
			});
			// Success means enrolled and issued: one without an earnedId claims an issue it does not name.
			const issueless = success && json.earnedId === undefined;
			if (issueless)
				problems.push(
					(json.verified === true ? `${KNOWN_NODE_BUGS.resentEnrolmentNotIssued} ` : '') +
						`${key('EARN')}: item ${item} is Success without an earnedId`,
				);
			claim('EARN', {
				sure: success && !issueless,
				maybe: unknown && enrolled === true,
				id: text(json.earnedId),
				requestId: enrolled === true ? requestId : undefined,
			});
			// An enrolled customer's failure is its issue step's (an enrolment the lookup found is followed
			// by its issue step): only that step may fail, or claim not_applied.
			if (json.status !== 'success' && enrolled === true && error?.step !== 'earn') {
				problems.push(
					`enrolled item ${item} (${String(json.identifierValue)}) fails at step ${String(error?.step)}, outcome ${String(error?.outcome)}`,
				);
			}
		}
		if (operation === 'revokeEnrol')
			claim('REVOKE_ENROL', {
				sure: success,
				maybe: unknown,
				id: text(json.revokedIssualId),
				requestId,
			});
		if (operation === 'revokeEarn')
			revokeEarns.push({
				key: key('REVOKE_EARN'),
				claim: { ...marks, sure: success, maybe: unknown, requestId },
				named: run.named[item],
				revoked: Array.isArray(json.revokedEarnIds) ? json.revokedEarnIds.map(String) : undefined,
			});
	}

	const applied = new Map<string, LedgerEntry[]>();
	for (const entry of ledger) {
		const key = keyOf(entry.action, entry.promotionId, entry.identifierName, entry.identifierValue);
		applied.set(key, [...(applied.get(key) ?? []), entry]);
	}
	// A request with an unknown outcome may have been sent up to maxRetries + 1 times.
	const factor = options.retryUnknownOutcome ? Number(options.maxRetries) + 1 : 1;
	/** Every enrolment of this run by its issualId, whichever item's identifier made it. */
	const enrolmentKeys = new Map(
		ledger
			.filter((e) => e.action === 'ENROL')
			.map((e) => [
				e.issualId,
				keyOf(e.action, e.promotionId, e.identifierName, e.identifierValue),
			]),
	);
	const claimedIds = new Map<string, { claim: Claim; key: string }>();
	// A Success naming an enrolment this run made for another of the customer's identifiers.
	const borrowed = (c: Claim, key: string) =>
		operation === 'enrolAndEarn' &&
		key.startsWith('ENROL') &&
		c.id !== undefined &&
		(enrolmentKeys.get(c.id) ?? key) !== key;
	for (const key of new Set([...applied.keys(), ...claims.keys()])) {
		if (key.startsWith('REVOKE_EARN')) continue;
		const entries = applied.get(key) ?? [];
		const list = claims.get(key) ?? [];
		const sure = list.filter((c) => c.sure);
		const maybe = list.filter((c) => c.maybe);
		const count = entries.length;
		if (count < sure.length) {
			const tag =
				key.startsWith('REVOKE') && sure.length - count <= sure.filter((c) => c.verified).length
					? `${KNOWN_NODE_BUGS.revokeVerifiedByAbsence} `
					: sure.length - count <= sure.filter((c) => borrowed(c, key)).length
						? `${KNOWN_NODE_BUGS.borrowedEnrolment} `
						: '';
			problems.push(
				`${tag}${key}: ${sure.length} Success (${sure.map(describe).join(', ')}) but the ledger shows ${count}`,
			);
		}
		if (count > (sure.length + maybe.length) * factor) {
			const notApplied = list.filter((c) => c.notApplied);
			problems.push(
				`${key}: applied ${count} times, but only ${sure.length} success and ${maybe.length} unknown reported` +
					(notApplied.length > 0 ? `; not_applied: ${notApplied.map(describe).join(', ')}` : '') +
					(list.some((c) => c.resent) ? ' (with a resend)' : ''),
			);
		}
		// Every Success names what the ledger shows it made (a verified one, the record the lookup found).
		const ledgerIds = new Set(entries.map(ledgerId));
		for (const c of sure) {
			if (c.id === undefined) {
				if (c.verified && !key.startsWith('REVOKE'))
					problems.push(`${key}: verified Success ${describe(c)} names no id`);
				continue;
			}
			if (!ledgerIds.has(c.id))
				problems.push(
					(borrowed(c, key) ? `${KNOWN_NODE_BUGS.borrowedEnrolment} ` : '') +
						`${key}: ${describe(c)} names id ${c.id}, which is not in the ledger`,
				);
			// One enrolment, issue or revoke is one item's, whichever identifier the items give.
			const action = key.slice(0, key.indexOf('|'));
			const other = claimedIds.get(`${action}|${c.id}`);
			if (other)
				problems.push(
					(borrowed(c, key) || borrowed(other.claim, other.key)
						? `${KNOWN_NODE_BUGS.borrowedEnrolment} `
						: '') +
						`${action} ${c.id} is claimed by two Success items: ${describe(other.claim)} and ${describe(c)}`,
				);
			claimedIds.set(`${action}|${c.id}`, { claim: c, key });
		}
		// Within one answered request: what it applied for this customer, its items report.
		const byRequest = new Map<string, number>();
		for (const e of entries) byRequest.set(e.requestId, (byRequest.get(e.requestId) ?? 0) + 1);
		for (const [requestId, n] of byRequest) {
			const own = list.filter((c) => c.requestId === requestId);
			const reported = own.filter((c) => c.sure || c.maybe).length;
			if (own.length > 0 && n > reported)
				problems.push(
					`${key}: request ${requestId} applied it ${n} times, but its items report ${own.map(describe).join(', ')}`,
				);
		}
	}
	checkRevokeEarns(revokeEarns, applied, problems);
	if (operation === 'getCustomerPromotions') checkLookups(scenario, all, run, problems);

	// 4b. With Deduplicate on, one customer (identifier type and value, emails without case) is applied once per action.
	if (options.deduplicate && !options.retryUnknownOutcome && operation !== 'revokeEarn') {
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

	// 5. The rate limit held over every bulk request and lookup, and no secret leaked.
	const limit = Number(options.maxRequestsPerMinute);
	if (limit > 0) {
		const starts = requests.filter((r) => r.bulkAction || r.path === LOOKUP_PATH).map((r) => r.at);
		const interval = 60_000 / limit;
		for (let i = 0; i < starts.length; i++) {
			for (let j = i + 1; j < starts.length; j++) {
				if (starts[j] - starts[i] < (j - i) * interval - 50)
					problems.push(`requests ${i}..${j} came faster than ${limit}/min`);
			}
		}
	}
	const text = JSON.stringify(outputs) + (run.otherText ?? '');
	for (const secret of secrets)
		if (secret && text.includes(secret)) problems.push('a secret appears in the output');
	return problems;
}

/**
 * Revoke Issue, issue by issue (one ledger entry per issue revoked, one item may revoke several):
 * every issue a Success names (in `revokedEarnIds`, or, verified, the ids the item named) was revoked
 * by this run, by that item's request, and is named once; a verified "revoke all" is backed by an
 * issue revoked; and every issue revoked is reported by a Success or an unknown outcome.
 */
function checkRevokeEarns(
	items: Array<{ key: string; claim: Claim; named: Named; revoked?: string[] }>,
	applied: ReadonlyMap<string, LedgerEntry[]>,
	problems: string[],
) {
	const keys = new Set([
		...items.map((i) => i.key),
		...[...applied.keys()].filter((k) => k.startsWith('REVOKE_EARN')),
	]);
	for (const key of keys) {
		const revokedBy = new Map((applied.get(key) ?? []).map((e) => [e.earnedId!, e.requestId]));
		const mine = items.filter((i) => i.key === key);
		const claimedBy = new Map<string, Claim>();
		const claimId = (id: string, c: Claim) => {
			const other = claimedBy.get(id);
			const known = (...claims: Claim[]) =>
				claims.some((x) => x.verified) ? `${KNOWN_NODE_BUGS.revokeVerifiedByAbsence} ` : '';
			if (other)
				problems.push(
					`${known(c, other)}${key}: issue ${id} is claimed revoked by ${describe(other)} and ${describe(c)}`,
				);
			claimedBy.set(id, c);
			if (!revokedBy.has(id))
				problems.push(
					`${known(c)}${key}: ${describe(c)} says issue ${id} is revoked, but the ledger shows no REVOKE_EARN of it by this run`,
				);
		};
		const verifiedAll: Claim[] = [];
		for (const { claim, named, revoked } of mine) {
			if (!claim.sure) continue;
			if (revoked !== undefined) {
				for (const id of revoked) {
					claimId(id, claim);
					const by = revokedBy.get(id);
					if (by !== undefined && claim.requestId !== undefined && by !== claim.requestId)
						problems.push(
							`${key}: ${describe(claim)} of request ${claim.requestId} names issue ${id}, revoked by request ${by}`,
						);
				}
				if (
					Array.isArray(named) &&
					[...new Set(named)].sort().join() !== [...revoked].sort().join()
				)
					problems.push(
						`${key}: ${describe(claim)} named ${named.join(', ')} but revokedEarnIds is ${revoked.join(', ')}`,
					);
			} else if (Array.isArray(named)) {
				if (!claim.verified) problems.push(`${key}: ${describe(claim)} has no revokedEarnIds`);
				for (const id of new Set(named)) claimId(id, claim);
			} else if (named === 'all') {
				if (!claim.verified) problems.push(`${key}: ${describe(claim)} has no revokedEarnIds`);
				verifiedAll.push(claim);
			} else problems.push(`${key}: ${describe(claim)} named no valid Earned IDs`);
		}
		const unclaimed = [...revokedBy.keys()].filter((id) => !claimedBy.has(id));
		for (const claim of verifiedAll)
			if (unclaimed.length === 0)
				problems.push(
					`${KNOWN_NODE_BUGS.revokeVerifiedByAbsence} ${key}: ${describe(claim)} says the customer's issues are revoked, but the ledger shows no REVOKE_EARN by this run left to back it`,
				);
		const maybeAll = mine.some((i) => i.claim.maybe && i.named === 'all');
		const maybeIds = new Set(
			mine.flatMap((i) => (i.claim.maybe && Array.isArray(i.named) ? i.named : [])),
		);
		for (const id of unclaimed) {
			if (verifiedAll.length > 0 || maybeAll || maybeIds.has(id)) continue;
			const notApplied = mine.filter((i) => i.claim.notApplied).map((i) => describe(i.claim));
			problems.push(
				`${key}: issue ${id} was revoked by this run (request ${revokedBy.get(id)}), but no item reports it as success or unknown` +
					(notApplied.length > 0 ? `; not_applied: ${notApplied.join(', ')}` : ''),
			);
		}
	}
}

/**
 * Get Customer Promotions changes nothing, fails only as not applied, and shows each customer what
 * the sandbox holds for it: per promotion, exactly the issues listed (active ones; all, when the
 * sandbox lists revoked records too) and, for Enrol & Issue, a listed enrolment; nothing the customer
 * holds of a promotion the filters select is left out (missing data never passes for "none").
 */
function checkLookups(
	scenario: Scenario,
	all: readonly Outcome[],
	run: RunRecord,
	problems: string[],
) {
	if (run.ledger.length > 0)
		problems.push(`Get Customer Promotions: the sandbox applied ${run.ledger.length} actions`);
	const showsRevoked = scenario.variant === 'showsRevoked';
	const revoked = new Set(
		run.before
			.filter((e) => e.action === 'REVOKE_EARN' || e.action === 'REVOKE_ENROL')
			.map((e) => `${e.action}|${e.action === 'REVOKE_EARN' ? e.earnedId : e.issualId}`),
	);
	const held = (customerId: number, promotionId: number) => {
		const of = (action: Action) =>
			run.before.filter(
				(e) => e.action === action && e.customerId === customerId && e.promotionId === promotionId,
			);
		const issues = of('EARN')
			.filter((e) => showsRevoked || !revoked.has(`REVOKE_EARN|${e.earnedId}`))
			.map((e) => e.earnedId!);
		const enrolments = of('ENROL');
		const active = enrolments.at(-1);
		const listed = enrolments
			.filter(
				(e) =>
					showsRevoked ||
					(!revoked.has(`REVOKE_ENROL|${e.issualId}`) &&
						(e === active ||
							of('EARN').some((x) => x.issualId === e.issualId && issues.includes(x.earnedId!)))),
			)
			.map((e) => e.issualId);
		return { issues, enrolments: listed };
	};
	const sameSet = (a: readonly string[], b: readonly string[]) =>
		[...new Set(a)].sort().join() === [...new Set(b)].sort().join();
	for (const { json, item } of all) {
		const error = json.error as { outcome?: string } | undefined;
		if (json.status !== 'success') {
			if (error?.outcome !== 'not_applied')
				problems.push(`lookup item ${item} failed with outcome ${String(error?.outcome)}`);
			continue;
		}
		const k = scenario.customerOf[item];
		const own = k === undefined ? undefined : DEMO.customer(k).id;
		// An answer without customerId is no reason to fail: the item then names none.
		const customerId = json.customerId === undefined ? own : Number(json.customerId);
		if (customerId === undefined) continue;
		if (own !== undefined && customerId !== own)
			problems.push(`lookup item ${item} names customer ${customerId}, not ${own}`);
		const promotions = (json.promotions ?? []) as Array<Record<string, unknown>>;
		const shown = new Set(promotions.map((p) => Number(p.promotionId)));
		for (const p of promotions) {
			const expected = held(customerId, Number(p.promotionId));
			const label = `lookup item ${item}, customer ${customerId}, promotion ${String(p.promotionId)}`;
			if (Array.isArray(p.issues)) {
				const ids = (p.issues as Array<{ earnedId?: unknown }>).map((i) => String(i.earnedId));
				if (!sameSet(ids, expected.issues))
					problems.push(
						`${label}: issues ${ids.join(', ')}, but it holds ${expected.issues.join(', ')}`,
					);
			}
			if (p.enrolment !== undefined) {
				const enrolment = p.enrolment as { issualId?: unknown } | null;
				const ok =
					enrolment === null
						? expected.enrolments.length === 0
						: expected.enrolments.includes(String(enrolment.issualId));
				if (!ok)
					problems.push(
						(enrolment !== null && enrolment.issualId === undefined
							? `${KNOWN_NODE_BUGS.lookupEnrolmentWithoutId} `
							: '') +
							`${label}: enrolment ${JSON.stringify(enrolment)}, but the listed ones are ${expected.enrolments.join(', ') || 'none'}`,
					);
			}
		}
		// What the customer holds of a promotion the item's filters select is shown.
		const program = scenario.items[item].program;
		const promo = scenario.items[item].promo;
		for (const { promotionId, programId } of [
			...new Map(
				run.before
					.filter((e) => e.customerId === customerId)
					.map((e) => [e.promotionId, { promotionId: e.promotionId, programId: e.programId }]),
			).values(),
		]) {
			if (program !== '' && Number(program) !== programId) continue;
			if (promo !== '' && Number(promo) !== promotionId) continue;
			const expected = held(customerId, promotionId);
			if ((expected.issues.length > 0 || expected.enrolments.length > 0) && !shown.has(promotionId))
				problems.push(
					`lookup item ${item}, customer ${customerId}: Success without promotion ${promotionId}, which it holds`,
				);
		}
	}
}
