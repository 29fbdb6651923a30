import { ERROR_MESSAGES, LIMIT_WARNING, type ErrorCode } from './codes';

/** One element of response[]: a result, or errors alone (failed entries carry no identifier). */
export interface BulkResult {
	entityType: 'CUSTOMER';
	entityId: number;
	promotionId: number;
	programId: number;
	issualId?: string;
	earnedId?: string;
}

export type BulkEntry =
	| { result: BulkResult; errors: []; warnings: (typeof LIMIT_WARNING)[] }
	| { errors: { status: false; code: ErrorCode; message: string }[]; warnings: [] };

export function failedEntry(code: ErrorCode): BulkEntry {
	return { errors: [{ status: false, code, message: ERROR_MESSAGES[code] }], warnings: [] };
}

export function successEntry(result: BulkResult): BulkEntry {
	return { result, errors: [], warnings: [] };
}

/** Capillary answers a result with warning 8890 and no earnedId when the issue limit is used up. */
export function limitReachedEntry(result: BulkResult): BulkEntry {
	return { result, errors: [], warnings: [LIMIT_WARNING] };
}
