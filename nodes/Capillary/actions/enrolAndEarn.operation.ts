import type { IExecuteFunctions, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { CustomerResult, ResultSink } from '../helpers/types';
import { runBulkOperation, type OperationOutcome, type SendJob } from '../bulk/runBulkOperation';
import { applyBulkAction, bulkActionJob } from '../bulk/applyBulkAction';
import { isVerifiedNotApplied, type FollowUpRule } from '../verification/settleUnknownOutcomes';

export const option: INodePropertyOptions = {
	name: 'Enrol and Issue',
	value: 'enrolAndEarn',
	action: 'Enrol customers in a promotion and issue it',
	description:
		'Enrol customers in an Enrol & Issue promotion, then issue it to those whose enrolment succeeded. Changes customer state.',
};

/** ENROL a batch, then EARN for the customers whose enrolment succeeded, before the next batch. */
const enrolThenEarn: SendJob = async (context, sender, { group, customers }, records) => {
	const enrol = await applyBulkAction(context, sender, 'ENROL', group, customers, records);
	const results = enrol.results.map(enrolStep);
	const enrolled = enrol.results.map((r) =>
		r.status === 'success' ? true : r.error.outcome === 'unknown' ? null : false,
	);
	const toEarn = customers.flatMap((_, i) => (enrolled[i] === true ? [i] : []));
	if (toEarn.length === 0 || enrol.fatal) return { results, enrolled, fatal: enrol.fatal };

	const earn = await applyBulkAction(
		context,
		sender,
		'EARN',
		group,
		toEarn.map((i) => customers[i]),
		records,
	);
	toEarn.forEach((i, k) => (results[i] = mergeSteps(enrol.results[i], earn.results[k])));
	return { results, enrolled, fatal: earn.fatal };
};

function enrolStep(result: CustomerResult): CustomerResult {
	return result.status === 'success'
		? result
		: { ...result, error: { ...result.error, step: 'enrol' } };
}

/**
 * One result for both steps. A customer enrolled whose issue failed keeps its enrolment (`issualId`);
 * its error is the issue step's own (`step: 'earn'`), so that its outcome says whether the issue
 * may have happened, and the advice never asks for a second issue that may double-issue.
 */
function mergeSteps(enrol: CustomerResult, earn: CustomerResult): CustomerResult {
	const merged = {
		...earn,
		entityId: earn.entityId ?? enrol.entityId,
		issualId: enrol.issualId,
		warnings: [...(enrol.warnings ?? []), ...(earn.warnings ?? [])],
		enrolRequestId: enrol.requestId,
	};
	if (merged.status === 'success') return merged;
	const message = `Enrolled (issualId ${enrol.issualId}), but the issue failed: ${merged.error.message}`;
	return { ...merged, error: { ...merged.error, message, step: 'earn' } };
}

const earnOnly = bulkActionJob('EARN');

/**
 * After Verify Unknown Outcomes: an enrolment the lookup found is followed by its issue step (never
 * sent before, so not a resend); with Resend Verified Not Applied, a step the lookup showed not
 * applied is sent again: the enrolment with its issue, or the issue alone.
 */
const afterVerification: FollowUpRule = (verified, { send, resend, fatal, followUpDone }) => {
	const step = verified.sentRequest?.action;
	if (verified.status === 'success' && step === 'ENROL') {
		if (send) return { job: earnOnly, merge: issueAfterVerifiedEnrolment };
		const why = followUpDone
			? 'the customer lookup found the enrolment only after it was sent again, and nothing is sent a third time'
			: `the run stopped (${fatal?.message ?? 'cancelled'}) before the issue step`;
		const message = `Not issued: ${why}`;
		const notIssued = mergeSteps(verified, {
			status: 'failed',
			error: { kind: 'request_failed', code: fatal?.code ?? null, message, outcome: 'not_applied' },
		});
		return verified.resent ? { ...notIssued, resent: true } : notIssued;
	}
	if (!resend || !isVerifiedNotApplied(verified)) return verified;
	if (step === 'ENROL')
		return { job: enrolThenEarn, merge: (_, again) => ({ ...again, resent: true }) };
	return {
		job: earnOnly,
		merge: (before, again) => ({
			...mergeSteps(
				{
					status: 'success',
					entityId: before.entityId,
					issualId: before.issualId,
					warnings: [],
					requestId: before.enrolRequestId,
				},
				again,
			),
			resent: true,
		}),
	};
};

/**
 * The issue step after an enrolment the lookup found: a Success keeps what the lookup showed of the
 * enrolment (`verified`, `verification`); a failed issue speaks for itself.
 */
function issueAfterVerifiedEnrolment(enrol: CustomerResult, earn: CustomerResult): CustomerResult {
	const merged = mergeSteps(enrol, earn);
	return merged.status === 'success'
		? { ...merged, verified: enrol.verified, verification: enrol.verification }
		: merged;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runBulkOperation(this, items, enrolThenEarn, emit, { followUp: afterVerification });
}
