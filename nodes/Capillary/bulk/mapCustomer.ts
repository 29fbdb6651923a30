import type { IDataObject } from 'n8n-workflow';

import { SOURCES } from '../descriptions/sources';
import type { CustomerRequest, IdentifierName, InvalidItem, PromotionRef } from '../helpers/types';
import { IDENTIFIER_NAMES, readIdentifier } from './validateIdentifier';
import { errorMessage } from '../helpers/errorMessage';

/** The parameter values of one item, as n8n evaluated them. */
export interface RawCustomer {
	itemIndex: number;
	programId: unknown;
	promotionMode: string;
	promotionValue: unknown;
	identifierName: unknown;
	identifierValue: unknown;
	source: unknown;
	/** Revoke Issue only: the Earned IDs parameter's value. */
	earnedIds?: unknown;
}

/** A parameter whose expression failed for this item; its message says why. */
export class ParameterError {
	constructor(readonly message: string) {}
}

const FIELD_LABELS = [
	['programId', 'Program ID'],
	['promotionValue', 'Promotion'],
	['identifierName', 'Identifier Type'],
	['identifierValue', 'Identifier Value'],
	['source', 'Source'],
	['earnedIds', 'Earned IDs'],
] as const;

export type MappedCustomer = { valid: true; customer: CustomerRequest } | InvalidItem;

/** An item whose values could not be read at all: Failed, never sent. */
export function unreadableItem(itemIndex: number, error: unknown): InvalidItem {
	const reason = errorMessage(error);
	return {
		valid: false,
		itemIndex,
		fields: {},
		message: `Item ${itemIndex}: could not be read (${reason})`,
	};
}

/** An item refused for one field: its message names the item and the field; never sent. */
export function invalidItem(
	itemIndex: number,
	fields: IDataObject,
	field: string,
	problem: string,
): InvalidItem {
	return { valid: false, itemIndex, fields, message: `Item ${itemIndex}: ${field} ${problem}` };
}

/** Validates one item's values; an invalid item's message names the item and the field. */
export function mapCustomer(raw: RawCustomer): MappedCustomer {
	const invalid = (field: string, problem: string) =>
		invalidItem(raw.itemIndex, givenFields(raw), field, problem);
	const unevaluated = unevaluatedField(raw);
	if (unevaluated) return invalid(unevaluated.field, unevaluated.problem);
	const programId = positiveInteger(raw.programId);
	if (programId === undefined) {
		const given = toText(raw.programId);
		return invalid(
			'Program ID',
			given === '' ? 'is empty: no program chosen' : `"${given}" is not a positive whole number`,
		);
	}
	const promotion = promotionRef(raw.promotionMode, raw.promotionValue);
	if (typeof promotion === 'string') return invalid(promotion, describe(raw.promotionValue));
	const identity = readIdentity(raw);
	if ('problem' in identity) return invalid(identity.field, identity.problem);
	const earnIds = readEarnedIds(raw.earnedIds);
	if (typeof earnIds === 'string') return invalid('Earned IDs', earnIds);
	return {
		valid: true,
		customer: {
			itemIndex: raw.itemIndex,
			programId,
			promotion,
			...identity,
			...(earnIds ? { earnIds } : {}),
		},
	};
}

/** Who the customer is, as every operation reads it; or the field that is wrong, and why. */
export type Identity = Pick<
	CustomerRequest,
	'identifierName' | 'identifierValue' | 'givenValue' | 'source'
>;

/** The Identifier Type, Identifier Value (a mobile as its digits) and Source of one item. */
export function readIdentity(
	raw: Pick<RawCustomer, 'identifierName' | 'identifierValue' | 'source'>,
): Identity | { field: string; problem: string } {
	if (!IDENTIFIER_NAMES.includes(raw.identifierName as IdentifierName)) {
		return {
			field: 'Identifier Type',
			problem: `"${toText(raw.identifierName)}" is not one of mobile, email, id`,
		};
	}
	const identifierName = raw.identifierName as IdentifierName;
	const identifierValue = toText(raw.identifierValue);
	const identifier = readIdentifier(identifierName, identifierValue);
	if ('problem' in identifier)
		return { field: `Identifier Value (${identifierName})`, problem: identifier.problem };
	if (!SOURCES.includes(raw.source as string)) {
		return {
			field: 'Source',
			problem: `"${toText(raw.source)}" is not one of ${SOURCES.join(', ')}`,
		};
	}
	return {
		identifierName,
		identifierValue: identifier.value,
		...(identifier.value === identifierValue ? {} : { givenValue: identifierValue }),
		source: raw.source as string,
	};
}

/** The first parameter whose expression failed for this item, and why. */
export function unevaluatedField(
	raw: Partial<RawCustomer>,
): { field: string; problem: string } | undefined {
	const unevaluated = FIELD_LABELS.find(([key]) => raw[key] instanceof ParameterError);
	if (!unevaluated) return undefined;
	const [key, field] = unevaluated;
	return { field, problem: `could not be evaluated: ${(raw[key] as ParameterError).message}` };
}

/** The values of an invalid item, for its output: numbers where they are numbers, the text as given otherwise. */
function givenFields(raw: RawCustomer): IDataObject {
	return {
		identifierName: toText(raw.identifierName),
		identifierValue: toText(raw.identifierValue),
		source: toText(raw.source),
		programId: positiveInteger(raw.programId) ?? toText(raw.programId),
		...(raw.promotionMode === 'promoIdentifier'
			? { promoIdentifier: toText(raw.promotionValue) }
			: { promotionId: positiveInteger(raw.promotionValue) ?? toText(raw.promotionValue) }),
	};
}

/** Most earned IDs one item may name: a hostile expression must not build a huge request. */
const MAX_EARNED_IDS = 1000;

/**
 * Earned IDs as a list, a single id, or text ("959, 960", "[959, 960]"): the distinct ids, sorted
 * (positive whole numbers, as digits). Blank text (the field left empty) means none were named:
 * Capillary then revokes ALL of the customer's issues; `undefined`, the operation reads no Earned IDs.
 * What names no id otherwise (null, an empty list: an expression that found nothing) must not revoke
 * all, and is a problem, as is anything else that is not ids: the item's message says which.
 */
export function readEarnedIds(value: unknown): string[] | undefined | string {
	if (value === undefined) return undefined;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	let parts: unknown[];
	if (Array.isArray(value)) parts = value;
	else if (typeof value === 'number') parts = [value];
	else if (typeof value === 'string')
		parts = value
			.replace(/^\s*\[|\]\s*$/g, '')
			.split(/[\s,;]+/)
			.filter((part) => part !== '');
	else if (value === null) parts = [];
	else return `must be a list of earned IDs, got ${describeGiven(value)}`;
	if (parts.length === 0)
		return `names no earned ID (got ${describeGiven(value)}): to revoke ALL of the customer’s issues of this promotion, leave Earned IDs empty`;
	if (parts.length > MAX_EARNED_IDS)
		return `names ${parts.length} ids; at most ${MAX_EARNED_IDS} per item`;
	const ids = new Set<string>();
	for (const part of parts) {
		const id = positiveInteger(typeof part === 'string' ? part.replace(/^"|"$/g, '') : part);
		if (id === undefined || typeof part === 'boolean')
			return `holds ${describeGiven(part)}, which is not an earned ID (a positive whole number of up to 15 digits)`;
		ids.add(String(id));
	}
	return [...ids].sort((a, b) => Number(a) - Number(b));
}

function describeGiven(value: unknown): string {
	const text = typeof value === 'string' ? `"${value}"` : toText(value) || String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function promotionRef(mode: string, value: unknown): PromotionRef | string {
	if (mode === 'promoIdentifier') {
		const promoIdentifier = toText(value);
		return promoIdentifier === '' || promoIdentifier.length > 255
			? 'Promotion Identifier'
			: { promoIdentifier };
	}
	const promotionId = positiveInteger(value);
	return promotionId === undefined ? 'Promotion ID' : { promotionId };
}

export function positiveInteger(value: unknown): number | undefined {
	const text = toText(value);
	if (!/^\d{1,15}$/.test(text)) return undefined;
	const number = Number(text);
	return number > 0 ? number : undefined;
}

function describe(value: unknown): string {
	const text = toText(value);
	return text === '' ? 'is empty: no promotion chosen' : `"${text}" is not valid`;
}

export function toText(value: unknown): string {
	if (value === undefined || value === null || value instanceof ParameterError) return '';
	return (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
}
