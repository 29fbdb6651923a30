import type { IExecuteFunctions } from 'n8n-workflow';

import type { CustomerRequest, CustomerResult } from '../helpers/types';
import { mapConcurrently } from '../helpers/mapConcurrently';
import { firstApiError } from '../results/classifyFailure';
import {
	fetchCustomerPromotions,
	type CustomerPromotions,
} from '../lookup/fetchCustomerPromotions';
import type { SentCustomer } from '../results/itemResults';
import type { Sender } from '../transport/retry/sendWithRetries';
import { waitUnlessStopped } from '../transport/retry/waitUnlessStopped';
import { decideOutcome, type Decision } from './decideOutcome';
import { namedIds, RunRecords } from './runRecords';
import { verifiedResult } from './verifiedResult';

/** A customer whose request's outcome is unknown, held back from the output until it is looked up. */
export interface HeldCustomer {
	customer: CustomerRequest;
	sent: SentCustomer;
}

type Unknown = Extract<CustomerResult, { status: 'failed' }> &
	Required<Pick<CustomerResult, 'sentRequest'>>;

/**
 * For each held customer, why a record found may be another held request's: one of the same action
 * for the same Capillary customer, or one whose customer the lookup could not name.
 */
function heldRivals(
	held: readonly HeldCustomer[],
	lookups: readonly CustomerPromotions[],
): (i: number) => string | undefined {
	const actionOf = (i: number) => (held[i].sent.result as Unknown).sentRequest.action;
	const customerOf = (i: number) => {
		const lookup = lookups[i];
		return lookup.found ? lookup.customerId : undefined;
	};
	// A customer Capillary does not know (8015) is nobody's: its request can have made no record.
	const keyOf = (i: number) =>
		`${actionOf(i)}\u0000${customerOf(i) ?? (isNoSuchCustomer(lookups[i]) ? 'none' : '?')}`;
	const count = new Map<string, number>();
	const add = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
	held.forEach((_, i) => add(keyOf(i)));
	return (i) => {
		const own = customerOf(i);
		if ((count.get(keyOf(i)) ?? 0) > 1)
			return 'another request of this run for the same customer has an unknown outcome too';
		if (own !== undefined && count.has(`${actionOf(i)}\u0000?`))
			return 'another request of this run has an unknown outcome, and its customer could not be looked up';
		return undefined;
	};
}

/** Lookups that got no answer in a row (after their retries) before the others are given up. */
const MAX_FAILED_IN_A_ROW = 3;

/** Capillary's answer that no customer has this identifier ("Customer not found", 8015). */
function isNoSuchCustomer(lookup: CustomerPromotions): boolean {
	if (lookup.found || lookup.response?.type !== 'http') return false;
	const { statusCode, body } = lookup.response;
	return statusCode >= 400 && statusCode < 500 && firstApiError(body)?.code === CUSTOMER_NOT_FOUND;
}

const CUSTOMER_NOT_FOUND = 8015;

/** The longest wait before the lookups, for a request Capillary may still be processing. */
const MAX_SETTLE_MS = 10_000;

/**
 * Verify Unknown Outcomes, once the run's requests have all ended: unless Capillary answered each
 * of them itself, waits as long as the Timeout (at most 10 s) so that a request it is still
 * working on can finish; looks each held customer up (at most `concurrency` at once, through the
 * shared pacer, retried as reads are; once 3 in a row failed, the rest are not looked up); and
 * decides its outcome (`decideOutcome`). Two held requests of one action for the same Capillary
 * customer and promotion cannot tell their records apart: both stay unknown.
 */
export async function verifyHeldResults(
	context: IExecuteFunctions,
	sender: Sender,
	held: readonly HeldCustomer[],
	records: RunRecords,
	concurrency: number,
): Promise<SentCustomer[]> {
	if (held.length === 0) return [];
	// A gateway's 5xx, a timeout or a reset may leave Capillary still working on the request.
	const mayBeRunning = held.some(({ sent }) => !(sent.result as Unknown).sentRequest.answered);
	const settle = mayBeRunning ? Math.min(sender.connection.timeout, MAX_SETTLE_MS) : 0;
	const stopped = await waitUnlessStopped(settle, sender.shouldStop);
	let failedInARow = 0;
	const lookups = await mapConcurrently(
		held,
		concurrency,
		async ({ customer }): Promise<CustomerPromotions> => {
			if (stopped || sender.shouldStop())
				return { found: false, reason: 'the run stopped before the lookup' };
			// Each failed lookup took up to (Max Retries + 1) Timeouts: the rest would only fail too.
			if (failedInARow >= MAX_FAILED_IN_A_ROW)
				return {
					found: false,
					reason: `not looked up, as the ${MAX_FAILED_IN_A_ROW} lookups before it failed`,
				};
			const lookup = await fetchCustomerPromotions(context, sender, customer);
			failedInARow = !lookup.found && lookup.response ? failedInARow + 1 : 0;
			return lookup;
		},
	);
	const rivals = heldRivals(held, lookups);
	// Every customer a lookup named, with the identifier it was looked up by: two values of one
	// identifier type named as one customer show that a lookup answered for someone else.
	const identities = new RunRecords();
	for (const [i, lookup] of lookups.entries())
		if (lookup.found && lookup.customerId !== undefined)
			identities.noteIdentity(lookup.customerId, held[i].customer);
	const heldIds = held.flatMap(({ sent }) => namedIds(sent.result));
	return held.map(({ customer, sent }, i) => {
		const result = sent.result as Unknown;
		const { action, sentAt } = result.sentRequest;
		const lookup = lookups[i];
		const customerId = lookup.found ? lookup.customerId : undefined;
		// Records this run's answers named: those of results already out, and those other held
		// results carry (Enrol and Issue's enrolment, before its issue step's outcome is known).
		const own = new Set(namedIds(result));
		const otherIds = new Set([
			...(customerId === undefined ? [] : records.idsFor(customerId)),
			...heldIds.filter((id) => !own.has(id)),
		]);
		let decision: Decision = decideOutcome({ action, customer, sentAt, otherIds }, lookup);
		if (
			customerId !== undefined &&
			(records.knownOtherwise(customerId, customer) ||
				identities.knownOtherwise(customerId, customer))
		)
			decision = {
				undecided: `the lookup answered for customer ${customerId}, whom this run also reached by another ${customer.identifierName}: one of those answers was for someone else`,
			};
		// A record found may be another request's of this run that could not be told apart from this one.
		const rival = records.blind
			? 'another request of this run was answered without naming its customer'
			: customerId !== undefined && records.mayHoldUnnamed(customerId, customer, identities)
				? 'another request of this run for the same customer was resent after an attempt that may have applied, so a record of it may be unnamed'
				: rivals(i);
		if ('applied' in decision && decision.applied && rival) decision = { undecided: rival };
		const verified = verifiedResult(action, result, decision);
		const enrolled =
			action === 'ENROL'
				? verified.status === 'success'
					? true
					: verified.error.outcome === 'not_applied'
						? false
						: null
				: sent.enrolled;
		return { ...sent, result: verified, enrolled };
	});
}
