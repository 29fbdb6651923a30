import type { IExecuteFunctions } from 'n8n-workflow';

import type { CustomerRequest, CustomerResult, FatalFailure } from '../helpers/types';
import type { SentCustomer } from '../results/itemResults';
import type { SendJob } from '../bulk/runBulkOperation';
import type { Sender } from '../transport/retry/sendWithRetries';
import type { FollowUpResult } from '../bulk/sendCustomers';
import { verifyHeldResults, type HeldCustomer } from './verifyHeldResults';
import type { RunRecords } from './runRecords';

/** A request to send after verification, and how its result joins the verified one. */
export interface FollowUp {
	job: SendJob;
	merge(verified: CustomerResult, again: CustomerResult): CustomerResult;
}

/**
 * An operation's rule for a verified customer: a follow-up to send, or its final result. `send`:
 * the run may still send (no request failed for good); `resend`: Resend Verified Not Applied is on.
 */
export type FollowUpRule = (
	verified: CustomerResult,
	allowed: { send: boolean; resend: boolean; fatal?: FatalFailure; followUpDone?: boolean },
) => FollowUp | CustomerResult;

export interface Settling {
	context: IExecuteFunctions;
	sender: Sender;
	held: HeldCustomer[];
	records: RunRecords;
	concurrency: number;
	resend: boolean;
	fatal?: FatalFailure;
	followUp: FollowUpRule;
	/** Sends customers with `job`, in batches; each customer's result once, and whether its batch was sent. */
	sendFollowUps(
		job: SendJob,
		customers: CustomerRequest[],
	): Promise<{ results: FollowUpResult[]; fatal?: FatalFailure }>;
	finish(customer: CustomerRequest, sent: SentCustomer): void;
}

/**
 * After the run's requests: verifies the held customers, sends the follow-ups the operation's rule
 * asks for (a resend, or Enrol and Issue's issue step), verifies those whose outcome is unknown
 * again, and hands every customer's final result to `finish`. A follow-up is sent once, never
 * followed up itself. Returns a request-level failure of the follow-ups, if one stopped them.
 */
export async function settleUnknownOutcomes(settling: Settling): Promise<FatalFailure | undefined> {
	const { context, sender, held, records, concurrency, followUp, finish } = settling;
	const verified = await verifyHeldResults(context, sender, held, records, concurrency);
	// Nothing more leaves once the run stopped: a cancel during the wait or the lookups included.
	const stopped = !!settling.fatal || sender.shouldStop();
	const allowed = {
		send: !stopped,
		resend: settling.resend && !stopped,
		fatal: settling.fatal,
	};
	const pending = new Map<
		SendJob,
		Array<{ customer: CustomerRequest; sent: SentCustomer; merge: FollowUp['merge'] }>
	>();
	held.forEach(({ customer }, i) => {
		const next = followUp(verified[i].result, allowed);
		if ('job' in next) {
			const list = pending.get(next.job) ?? [];
			pending.set(next.job, [...list, { customer, sent: verified[i], merge: next.merge }]);
		} else finish(customer, { ...verified[i], result: next });
	});
	let fatal: FatalFailure | undefined;
	const again: HeldCustomer[] = [];
	for (const [job, list] of pending) {
		const byItem = new Map(list.map((entry) => [entry.customer.itemIndex, entry]));
		const sent = await settling.sendFollowUps(
			job,
			list.map((entry) => entry.customer),
		);
		fatal ??= sent.fatal;
		for (const [customer, outcome, batchSent] of sent.results) {
			const before = byItem.get(customer.itemIndex)!;
			const runStopped = sender.shouldStop() || !!sent.fatal;
			if (!batchSent || (runStopped && neverLeft(outcome.result))) {
				// The run stopped before it left: the verified result stands, as without the follow-up.
				const stoppedBy = sender.shouldStop() ? settling.fatal : (settling.fatal ?? sent.fatal);
				const result = followUp(before.sent.result, {
					send: false,
					resend: false,
					fatal: stoppedBy,
				});
				finish(customer, { ...before.sent, result: 'job' in result ? before.sent.result : result });
				continue;
			}
			const merged = before.merge(before.sent.result, outcome.result);
			const next = {
				...outcome,
				result: merged,
				enrolled: outcome.enrolled ?? before.sent.enrolled,
			};
			if (merged.status === 'failed' && merged.error.outcome === 'unknown' && merged.sentRequest)
				again.push({ customer, sent: next });
			else finish(customer, next);
		}
	}
	const reverified = await verifyHeldResults(context, sender, again, records, concurrency);
	// A follow-up is never followed up: the rule gives each its final result (Enrol and Issue: an
	// enrolment found only now is reported enrolled, its issue not sent).
	const last = { send: false, resend: false, fatal: settling.fatal ?? fatal, followUpDone: true };
	again.forEach(({ customer }, i) => {
		const next = followUp(reverified[i].result, last);
		finish(customer, { ...reverified[i], result: 'job' in next ? reverified[i].result : next });
	});
	return fatal;
}

/** A request that got no answer and certainly was not applied: once the run stopped, one that never left. */
function neverLeft(result: CustomerResult): boolean {
	return (
		result.status === 'failed' &&
		result.error.outcome === 'not_applied' &&
		result.error.kind === 'request_failed' &&
		result.requestId === undefined
	);
}

/** The rule of the one-action operations: resend, once, what the lookup showed not applied. */
export function resendRule(job: SendJob): FollowUpRule {
	return (verified, { resend }) =>
		resend && isVerifiedNotApplied(verified)
			? { job, merge: (_, again) => ({ ...again, resent: true }) }
			: verified;
}

export function isVerifiedNotApplied(result: CustomerResult): boolean {
	return (
		result.status === 'failed' && result.verified === true && result.error.outcome === 'not_applied'
	);
}
