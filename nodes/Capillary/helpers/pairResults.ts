import { classifyFailure } from './classifyFailure';
import { responseExcerpt } from './responseExcerpt';
import type { BatchResponse, BulkAction, CustomerError, CustomerRequest, CustomerResult, FatalFailure } from './types';

/** Warning code for "promotion not issued due to config issues or customer exhausted limits". */
export const NOT_ISSUED_WARNING = 8890;

export interface PairedBatch {
	/** One per customer sent, in the order sent. */
	results: CustomerResult[];
	fatal?: FatalFailure;
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
	const requestId = response.type === 'http' ? response.requestId : undefined;
	const body = response.type === 'http' ? response.body : undefined;
	const entries = (body as { response?: unknown } | null | undefined)?.response;
	if (!Array.isArray(entries)) {
		const { error, fatal } = classifyFailure(response);
		const withBody = error.kind === 'unmatched' ? { ...error, response: responseExcerpt(body) } : error;
		return { results: customers.map(() => ({ status: 'failed', error: withBody, requestId })), fatal };
	}
	const mismatch = findMismatch(customers, entries);
	if (mismatch) {
		const error: CustomerError = { kind: 'unmatched', code: null, message: mismatch, outcome: 'unknown', response: responseExcerpt(body) };
		return { results: customers.map(() => ({ status: 'failed', error, requestId })) };
	}
	return { results: entries.map((entry) => entryResult(action, entry as ResponseEntry, requestId)) };
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
		const malformed = malformedField(entry);
		if (malformed) return `Result ${i} has a malformed ${malformed}: results cannot be trusted`;
		const customer = customers[i];
		const entityId = entry.result?.entityId;
		if (customer.identifierName === 'id' && entityId !== undefined && String(entityId) !== customer.identifierValue) {
			return `Result ${i} is for customer ${String(entityId)}, but customer ${customer.identifierValue} was sent there: results cannot be paired`;
		}
	}
	return undefined;
}

const isId = (value: unknown) => value === undefined || typeof value === 'string' || typeof value === 'number';
const isList = (value: unknown) => value === undefined || value === null || Array.isArray(value);

/** The first field whose type contradicts the reference page, if any. */
function malformedField({ result, errors, warnings }: ResponseEntry): string | undefined {
	if (result !== undefined && (result === null || typeof result !== 'object' || Array.isArray(result))) return 'result';
	if (!isList(errors)) return 'errors';
	if (!isList(warnings)) return 'warnings';
	for (const field of ['entityId', 'issualId', 'earnedId'] as const) if (!isId(result?.[field])) return field;
	return undefined;
}

function entryResult(action: BulkAction, entry: ResponseEntry, requestId: string | undefined): CustomerResult {
	const warnings = Array.isArray(entry.warnings) ? entry.warnings : [];
	const ids = appliedIds(entry.result);
	const appliedId = action === 'ENROL' ? ids.issualId : ids.earnedId;
	const failed = (error: Omit<CustomerError, 'outcome'>): CustomerResult => ({
		status: 'failed',
		// An entry that refuses yet carries the id of what it was asked to create may have been applied.
		error: { ...error, outcome: appliedId === undefined ? 'not_applied' : 'unknown' },
		...ids,
		warnings,
		requestId,
	});
	const errors = Array.isArray(entry.errors) ? entry.errors : [];
	if (errors.length > 0) return failed({ kind: 'rejected', ...describe(errors[0]) });
	const notIssued = warnings.map(describe).find((warning) => warning.code === NOT_ISSUED_WARNING);
	if (notIssued) return failed({ kind: 'rejected', ...notIssued });
	if (appliedId === undefined && action === 'EARN') {
		return failed({ kind: 'rejected', code: NOT_ISSUED_WARNING, message: 'Promotion not issued: the result carries no earnedId' });
	}
	if (appliedId === undefined) {
		const message = 'The enrolment result carries no issualId: it cannot be told whether it was applied';
		const error: CustomerError = { kind: 'unmatched', code: null, message, outcome: 'unknown', response: responseExcerpt(entry) };
		return { status: 'failed', error, ...ids, warnings, requestId };
	}
	return { status: 'success', ...ids, warnings, requestId };
}

function appliedIds(result: ResponseEntry['result']) {
	const id = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
	const entityId = typeof result?.entityId === 'number' || typeof result?.entityId === 'string' ? Number(result.entityId) : NaN;
	return {
		entityId: Number.isFinite(entityId) ? entityId : undefined,
		issualId: id(result?.issualId),
		earnedId: id(result?.earnedId),
	};
}

function describe(value: unknown): { code: number | string | null; message: string } {
	const { code, message } = (value ?? {}) as { code?: unknown; message?: unknown };
	return {
		code: typeof code === 'number' || typeof code === 'string' ? code : null,
		message: typeof message === 'string' ? message.slice(0, 500) : 'Capillary rejected this customer without a message',
	};
}
