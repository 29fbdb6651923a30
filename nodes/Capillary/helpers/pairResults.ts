import { classifyFailure } from './classifyFailure';
import type { BatchResponse, BulkAction, CustomerRequest, CustomerResult, FatalFailure } from './types';

/** Warning code for "promotion not issued due to config issues or customer exhausted limits". */
export const NOT_ISSUED_WARNING = 8890;

export interface PairedBatch {
	/** One per customer sent, in the order sent. */
	results: CustomerResult[];
	fatal?: FatalFailure;
	transient: boolean;
}

interface ResponseEntry {
	result?: { entityId?: unknown; issualId?: unknown; earnedId?: unknown };
	errors?: unknown;
	warnings?: unknown;
}

/**
 * Pairs a bulk response with the customers sent, by position: the API returns one entry per
 * customer in request order, and failed entries carry no identifier. When the array's length or an
 * `entityId` does not match, no entry can be trusted and every customer is `unmatched`/`unknown`.
 */
export function pairResults(action: BulkAction, customers: readonly CustomerRequest[], response: BatchResponse): PairedBatch {
	const entries = response.type === 'http' ? responseEntries(response.body) : undefined;
	if (!entries) {
		const { error, fatal, transient } = classifyFailure(response);
		const requestId = response.type === 'http' ? response.requestId : undefined;
		return { results: customers.map(() => ({ status: 'failed', error, requestId })), fatal, transient };
	}
	const requestId = response.type === 'http' ? response.requestId : undefined;
	const mismatch = findMismatch(customers, entries);
	if (mismatch) {
		const error = { kind: 'unmatched' as const, code: null, message: mismatch, outcome: 'unknown' as const, response: (response as { body: unknown }).body };
		return { results: customers.map(() => ({ status: 'failed', error, requestId })), transient: false };
	}
	return { results: entries.map((entry) => entryResult(action, entry as ResponseEntry, requestId)), transient: false };
}

function responseEntries(body: unknown): unknown[] | undefined {
	const entries = (body as { response?: unknown } | null | undefined)?.response;
	return Array.isArray(entries) ? entries : undefined;
}

function findMismatch(customers: readonly CustomerRequest[], entries: unknown[]): string | undefined {
	if (entries.length !== customers.length) {
		return `Capillary answered ${entries.length} results for ${customers.length} customers sent: results cannot be paired, so any of them may have been applied`;
	}
	for (let i = 0; i < entries.length; i++) {
		const entry = entries[i] as ResponseEntry | null;
		if (!entry || typeof entry !== 'object' || (entry.result === undefined && !Array.isArray(entry.errors))) {
			return `Result ${i} of the response is neither a result nor an error: results cannot be trusted`;
		}
		const customer = customers[i];
		const entityId = entry.result?.entityId;
		if (customer.identifierName === 'id' && entityId !== undefined && String(entityId) !== customer.identifierValue) {
			return `Result ${i} is for customer ${String(entityId)}, but customer ${customer.identifierValue} was sent there: results cannot be paired`;
		}
	}
	return undefined;
}

function entryResult(action: BulkAction, entry: ResponseEntry, requestId: string | undefined): CustomerResult {
	const warnings = Array.isArray(entry.warnings) ? entry.warnings : [];
	const ids = appliedIds(entry.result);
	const errors = Array.isArray(entry.errors) ? entry.errors : [];
	if (errors.length > 0) {
		const { code, message } = describeError(errors[0]);
		const maybeApplied = action === 'ENROL' ? ids.issualId !== undefined : ids.earnedId !== undefined;
		const outcome = maybeApplied ? 'unknown' : 'not_applied';
		return { status: 'failed', error: { kind: 'rejected', code, message, outcome }, ...ids, warnings, requestId };
	}
	const notIssued = warnings.map(describeError).find((warning) => warning.code === NOT_ISSUED_WARNING);
	if (notIssued || (action === 'EARN' && ids.earnedId === undefined)) {
		const message = notIssued?.message || 'Promotion not issued: the result carries no earnedId';
		return {
			status: 'failed',
			error: { kind: 'rejected', code: NOT_ISSUED_WARNING, message, outcome: 'not_applied' },
			...ids,
			warnings,
			requestId,
		};
	}
	if (action === 'ENROL' && ids.issualId === undefined) {
		const error = { kind: 'unmatched' as const, code: null, message: 'The enrolment result carries no issualId', outcome: 'unknown' as const, response: entry };
		return { status: 'failed', error, ...ids, warnings, requestId };
	}
	return { status: 'success', ...ids, warnings, requestId };
}

function appliedIds(result: ResponseEntry['result']) {
	const id = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
	const entityId = Number(result?.entityId);
	return {
		entityId: Number.isFinite(entityId) && result?.entityId !== undefined ? entityId : undefined,
		issualId: id(result?.issualId),
		earnedId: id(result?.earnedId),
	};
}

function describeError(value: unknown): { code: number | string | null; message: string } {
	const { code, message } = (value ?? {}) as { code?: unknown; message?: unknown };
	return {
		code: typeof code === 'number' || typeof code === 'string' ? code : null,
		message: typeof message === 'string' ? message.slice(0, 500) : 'Capillary rejected this customer without a message',
	};
}
