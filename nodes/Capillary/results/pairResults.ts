import { classifyFailure } from './classifyFailure';
import { readEntry, type EntryIds, type ResponseEntry } from './readEntry';
import { responseExcerpt } from './responseExcerpt';
import type {
	AppliedIds,
	BulkAction,
	CustomerError,
	CustomerRequest,
	CustomerResult,
	FatalFailure,
} from '../helpers/types';
import type { CapillaryResponse } from '../transport/types';

/** "Earn IDs passed are either invalid or already revoked". */
const EARN_IDS_INVALID = 8903;

/** Warning code for "promotion not issued due to config issues or customer exhausted limits". */
const NOT_ISSUED_WARNING = 8890;

export interface PairedBatch {
	/** One per customer sent, in the order sent. */
	results: CustomerResult[];
	fatal?: FatalFailure;
}

/**
 * Pairs a bulk response with the customers sent, by position: the API returns one entry per
 * customer in request order, and failed entries carry no identifier. When pairing itself is in
 * doubt (the array's length, or an `entityId` that names another customer), no entry can be
 * trusted and every customer is `unmatched`/`unknown`. An entry that cannot be read makes only its
 * own customer `unknown`. `null` counts as absent everywhere, as in Capillary's own answers.
 */
export function pairResults(
	action: BulkAction,
	customers: readonly CustomerRequest[],
	response: CapillaryResponse,
): PairedBatch {
	const requestId = response.type === 'http' ? response.requestId : undefined;
	const body = response.type === 'http' ? response.body : undefined;
	const entries = entriesOf(response);
	if (!entries) {
		const { error, fatal } = classifyFailure(response);
		const withBody =
			error.kind === 'unmatched' ? { ...error, response: responseExcerpt(body) } : error;
		return {
			results: customers.map(() => ({ status: 'failed', error: withBody, requestId })),
			fatal,
		};
	}
	const read = entries.map(readEntry);
	const mismatch = findMismatch(customers, read);
	if (mismatch) {
		const error: CustomerError = {
			kind: 'unmatched',
			code: null,
			message: mismatch,
			outcome: 'unknown',
			response: responseExcerpt(body),
		};
		return { results: customers.map(() => ({ status: 'failed', error, requestId })) };
	}
	return {
		results: read.map((entry, i) =>
			'malformed' in entry
				? malformedResult(i, entry.malformed, entries[i], requestId)
				: entryResult(action, entry, requestId, customers[i]),
		),
	};
}

/**
 * The failure that stops the run, known from the answer alone: only an answer without a
 * `response[]` has one, shared by all its customers (pairResults gives the same).
 */
export function fatalOf(response: CapillaryResponse): FatalFailure | undefined {
	return entriesOf(response) ? undefined : classifyFailure(response).fatal;
}

function entriesOf(response: CapillaryResponse): unknown[] | undefined {
	const body = response.type === 'http' ? response.body : undefined;
	const entries = (body as { response?: unknown } | null | undefined)?.response;
	return Array.isArray(entries) ? entries : undefined;
}

function findMismatch(
	customers: readonly CustomerRequest[],
	entries: ReturnType<typeof readEntry>[],
): string | undefined {
	if (entries.length !== customers.length) {
		return `Capillary answered ${entries.length} results for ${customers.length} customers sent: results cannot be paired, so any of them may have been applied`;
	}
	for (let i = 0; i < entries.length; i++) {
		const entry = entries[i];
		const customer = customers[i];
		const entityId = 'malformed' in entry ? undefined : entry.result?.entityId;
		if (
			customer.identifierName === 'id' &&
			entityId !== undefined &&
			String(entityId) !== customer.identifierValue
		) {
			return `Result ${i} is for customer ${String(entityId)}, but customer ${customer.identifierValue} was sent there: results cannot be paired, so any of them may have been applied`;
		}
		// Revoke Issue: an id revoked that this customer did not name is another's, or a wrong answer.
		const revoked = 'malformed' in entry ? undefined : entry.result?.revokedEarnIds;
		const foreign = customer.earnIds && revoked?.find((id) => !customer.earnIds!.includes(id));
		if (foreign) {
			return `Result ${i} reports revoking earned ID ${foreign}, but the customer sent there named only ${customer.earnIds!.join(', ')}: results cannot be paired, so any of them may have been applied`;
		}
	}
	return undefined;
}

function malformedResult(
	index: number,
	what: string,
	raw: unknown,
	requestId: string | undefined,
): CustomerResult {
	const message = `Result ${index} of Capillary's answer has ${what}: it cannot be told whether it was applied to this customer`;
	return {
		status: 'failed',
		error: {
			kind: 'unmatched',
			code: null,
			message,
			outcome: 'unknown',
			response: responseExcerpt(raw),
		},
		requestId,
	};
}

/** The id that shows the action happened: what it created, or what it revoked. */
function appliedIdOf(action: BulkAction, result: EntryIds | undefined): string | undefined {
	switch (action) {
		case 'ENROL':
			return result?.issualId;
		case 'EARN':
			return result?.earnedId;
		case 'REVOKE_ENROL':
			return result?.revokedIssualId ?? result?.issualId;
		case 'REVOKE_EARN':
			return result?.revokedEarnIds?.length ? result.revokedEarnIds.join(',') : undefined;
	}
}

/** What the bulk answer says of one customer, as the output item shows it. */
function idsOf(action: BulkAction, result: EntryIds | undefined): Partial<AppliedIds> {
	if (action === 'REVOKE_ENROL')
		return { entityId: result?.entityId, revokedIssualId: appliedIdOf(action, result) };
	if (action === 'REVOKE_EARN')
		return { entityId: result?.entityId, revokedEarnIds: result?.revokedEarnIds };
	return { entityId: result?.entityId, issualId: result?.issualId, earnedId: result?.earnedId };
}

const MISSING_ID: Record<Exclude<BulkAction, 'EARN'>, string> = {
	ENROL: 'The enrolment result carries no issualId',
	REVOKE_ENROL: 'The revoke result carries no revoked enrolment id (revokedIssualId or issualId)',
	REVOKE_EARN: 'The revoke result lists no revokedEarnIds',
};

function entryResult(
	action: BulkAction,
	entry: ResponseEntry,
	requestId: string | undefined,
	customer: CustomerRequest,
): CustomerResult {
	const { result, errors, warnings } = entry;
	const ids = idsOf(action, result);
	const appliedId = appliedIdOf(action, result);
	// An entry that refuses yet carries the id of what it was asked to create may have been applied.
	const failed = (
		error: Omit<CustomerError, 'outcome'>,
		outcome: CustomerError['outcome'] = appliedId === undefined ? 'not_applied' : 'unknown',
	): CustomerResult => ({
		status: 'failed',
		error: { ...error, outcome },
		...ids,
		warnings,
		requestId,
	});
	if (errors.length > 0) {
		// 8903 names no id: with several asked, the docs do not say whether the others were revoked.
		const several = (customer.earnIds?.length ?? 0) > 1;
		if (action === 'REVOKE_EARN' && errors[0].code === EARN_IDS_INVALID && several) {
			const message = `${errors[0].message.replace(/[.\s]+$/, '')}: Capillary does not say which of earned IDs ${customer.earnIds!.join(', ')}, nor whether it revoked the others`;
			return failed({ kind: 'rejected', code: errors[0].code, message }, 'unknown');
		}
		return failed({ kind: 'rejected', ...errors[0] });
	}
	const notIssued = entry.warningNotices.find((warning) => warning.code === NOT_ISSUED_WARNING);
	if (notIssued) return failed({ kind: 'rejected', ...notIssued });
	if (appliedId === undefined && action === 'EARN') {
		return failed({
			kind: 'rejected',
			code: NOT_ISSUED_WARNING,
			message: 'Promotion not issued: the result carries no earnedId',
		});
	}
	if (appliedId === undefined) {
		const message = `${MISSING_ID[action as keyof typeof MISSING_ID]}: it cannot be told whether it was applied`;
		const error: CustomerError = {
			kind: 'unmatched',
			code: null,
			message,
			outcome: 'unknown',
			response: responseExcerpt(entry),
		};
		return { status: 'failed', error, ...ids, warnings, requestId };
	}
	const notRevoked = customer.earnIds?.filter((id) => !result?.revokedEarnIds?.includes(id));
	if (action === 'REVOKE_EARN' && notRevoked?.length) {
		const error: CustomerError = {
			kind: 'unmatched',
			code: null,
			message: `Capillary reports revoking earned IDs ${appliedId.replace(/,/g, ', ')}, not ${notRevoked.join(', ')}, which were asked too: it cannot be told whether those were revoked`,
			outcome: 'unknown',
			response: responseExcerpt(entry),
		};
		return { status: 'failed', error, ...ids, warnings, requestId };
	}
	return { status: 'success', ...ids, warnings, requestId };
}
