import type { BulkAction, CustomerResult } from '../helpers/types';
import type { Decision } from './decideOutcome';

type Failed = Extract<CustomerResult, { status: 'failed' }>;

/**
 * The result of a customer whose request's outcome was unknown, once the lookup decided (or not):
 * Success, Failed `not_applied`, or still `unknown` with the reason. `verified` says which; the
 * first message is kept, so that what happened to the request stays visible.
 */
export function verifiedResult(
	action: BulkAction,
	original: Failed,
	decision: Decision,
): CustomerResult {
	const { error } = original;
	if ('undecided' in decision)
		return {
			...original,
			error: {
				...error,
				message: `${error.message}; the customer lookup could not decide: ${decision.undecided}`,
			},
			verified: false,
			verification: decision.undecided,
		};
	if (!decision.applied) {
		const named = appliedIdIn(action, original);
		if (named !== undefined) {
			const reason = `Capillary's answer named ${named}, which the lookup does not list`;
			return verifiedResult(action, original, { undecided: reason });
		}
		return {
			...original,
			error: {
				...error,
				outcome: 'not_applied',
				message: `${error.message}; checked with the customer lookup: ${decision.found}, so it was not applied`,
			},
			verified: true,
			verification: decision.found,
		};
	}
	const { found, issualId, earnedId, entityId } = decision;
	return {
		status: 'success',
		entityId: entityId ?? original.entityId,
		issualId: issualId ?? original.issualId,
		earnedId: earnedId ?? original.earnedId,
		warnings: original.warnings ?? [],
		requestId: original.requestId,
		enrolRequestId: original.enrolRequestId,
		sentRequest: original.sentRequest,
		// A resend whose own outcome was unknown: it was still sent twice.
		...(original.resent ? { resent: true } : {}),
		verified: true,
		verification: `The customer lookup shows ${found}: applied. Capillary's own answer was lost (${error.message})`,
	};
}

/** The id the bulk answer itself gave for what the request made, if it gave one. */
function appliedIdIn(action: BulkAction, result: Failed): string | undefined {
	if (action === 'ENROL') return result.issualId && `issualId ${result.issualId}`;
	if (action === 'EARN') return result.earnedId && `earnedId ${result.earnedId}`;
	return undefined;
}
