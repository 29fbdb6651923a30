import { numericCode } from './capillaryCode';

/** A per-customer error or warning of a bulk answer, as the node keeps it. */
export interface Notice {
	code: number | string | null;
	message: string;
}

/** The ids a result carries; `revokedIssualId` also takes the `issualId` key the revoke page's example uses. */
export interface EntryIds {
	entityId?: number;
	issualId?: string;
	earnedId?: string;
	revokedIssualId?: string;
	revokedEarnIds?: string[];
}

/** One entry of a bulk answer's `response[]`, read: `null` counts as absent, blank ids as none. */
export interface ResponseEntry {
	result?: EntryIds;
	errors: Notice[];
	/** As Capillary sent them (nulls left out), for the output item. */
	warnings: unknown[];
	warningNotices: Notice[];
}

/** Longest Capillary message kept: a hostile answer must not bloat every item. */
const MAX_MESSAGE_CHARS = 500;

/** Reads one entry; what contradicts the reference page's types comes back as `malformed`. */
export function readEntry(raw: unknown): ResponseEntry | { malformed: string } {
	if (!isObject(raw)) return { malformed: 'an entry that is not an object' };
	const errors = listOf(raw.errors);
	const warnings = listOf(raw.warnings);
	if (!errors) return { malformed: 'errors that are not a list' };
	if (!warnings) return { malformed: 'warnings that are not a list' };
	const result = raw.result ?? undefined;
	if (result !== undefined && !isObject(result))
		return { malformed: 'a result that is not an object' };
	if (result === undefined && errors.length === 0)
		return { malformed: 'neither a result nor an error' };
	const ids: NonNullable<ResponseEntry['result']> = {};
	if (result) {
		const entityId = result.entityId ?? undefined;
		if (entityId !== undefined && !(typeof entityId === 'number' || typeof entityId === 'string'))
			return { malformed: 'an entityId of the wrong type' };
		const entityNumber = Number(entityId);
		if (entityId !== undefined && entityId !== '' && Number.isFinite(entityNumber))
			ids.entityId = entityNumber;
		for (const field of ['issualId', 'earnedId', 'revokedIssualId'] as const) {
			const value = result[field] ?? undefined;
			if (value === undefined) continue;
			if (!isId(value)) return { malformed: `an ${field} of the wrong type` };
			if (typeof value === 'number' && !Number.isSafeInteger(value))
				return { malformed: `an ${field} that is not a whole number JSON can hold exactly` };
			if (String(value).trim() !== '') ids[field] = String(value).trim();
		}
		const revoked = result.revokedEarnIds ?? undefined;
		if (revoked !== undefined) {
			// Earned IDs are positive whole numbers: a blank, a fraction or a rounded number names none.
			if (!Array.isArray(revoked) || !revoked.every(isEarnedId))
				return { malformed: 'revokedEarnIds that are not a list of earned IDs' };
			ids.revokedEarnIds = revoked.map((id) => String(id).trim().replace(/^0+/, ''));
		}
	}
	return {
		...(result ? { result: ids } : {}),
		errors: errors.map(describeNotice),
		warnings,
		warningNotices: warnings.map(describeNotice),
	};
}

/** A code and a message from whatever Capillary put in an error or warning. */
function describeNotice(value: unknown): Notice {
	const { code, message } = (isObject(value) ? value : {}) as { code?: unknown; message?: unknown };
	return {
		code: numericCode(code) ?? (typeof code === 'string' ? code : null),
		message:
			typeof message === 'string' && message.trim() !== ''
				? message.slice(0, MAX_MESSAGE_CHARS)
				: 'Capillary rejected this customer without a message',
	};
}

function isId(value: unknown): value is string | number {
	return typeof value === 'string' || typeof value === 'number';
}

function isEarnedId(value: unknown): boolean {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0;
	return typeof value === 'string' && /^\d+$/.test(value.trim()) && /[1-9]/.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list without its nulls; `null` or absent is an empty list; anything else is not a list. */
function listOf(value: unknown): unknown[] | undefined {
	if (value === undefined || value === null) return [];
	return Array.isArray(value)
		? value.filter((item) => item !== null && item !== undefined)
		: undefined;
}
