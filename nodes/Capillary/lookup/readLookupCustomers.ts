import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { InvalidItem, PromotionRef } from '../helpers/types';
import { mapItems } from '../bulk/readCustomers';
import {
	invalidItem,
	positiveInteger,
	promotionRef,
	readIdentity,
	toText,
	unevaluatedField,
	type Identity,
	type RawCustomer,
} from '../bulk/mapCustomer';

/** One input item of Get Customer Promotions, read and validated: ready to look up. */
export interface LookupRequest extends Identity {
	itemIndex: number;
	/** Only this program's promotions; absent: every program's. */
	programId?: number;
	/** Only this promotion; absent: all of them. */
	promotion?: PromotionRef;
}

export type MappedLookup = { valid: true; customer: LookupRequest } | InvalidItem;

/**
 * Evaluates each item's parameters, one item at a time, as the bulk operations do (same fast
 * paths, same identifier checks). Program and Promotion are optional filters here.
 */
export function readLookupCustomers(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): Generator<MappedLookup> {
	return mapItems(context, items, mapLookupCustomer);
}

/** Validates one item's values; an invalid item's message names the item and the field. */
export function mapLookupCustomer(raw: RawCustomer): MappedLookup {
	const invalid = (field: string, problem: string) =>
		invalidItem(raw.itemIndex, givenFields(raw), field, problem);
	const unevaluated = unevaluatedField(raw);
	if (unevaluated) return invalid(unevaluated.field, unevaluated.problem);
	const programText = toText(raw.programId);
	const programId = positiveInteger(raw.programId);
	if (programText !== '' && programId === undefined)
		return invalid('Program ID', `"${programText}" is not a positive whole number`);
	const promotionText = toText(raw.promotionValue);
	const promotion =
		promotionText === '' ? undefined : promotionRef(raw.promotionMode, raw.promotionValue);
	if (typeof promotion === 'string') return invalid(promotion, `"${promotionText}" is not valid`);
	const identity = readIdentity(raw);
	if ('problem' in identity) return invalid(identity.field, identity.problem);
	return {
		valid: true,
		customer: {
			itemIndex: raw.itemIndex,
			...identity,
			...(programId === undefined ? {} : { programId }),
			...(promotion === undefined ? {} : { promotion }),
		},
	};
}

/** The values of an invalid item, for its output: the filters only when given. */
function givenFields(raw: RawCustomer): IDataObject {
	const fields: IDataObject = {
		identifierName: toText(raw.identifierName),
		identifierValue: toText(raw.identifierValue),
		source: toText(raw.source),
	};
	const program = toText(raw.programId);
	if (program !== '') fields.programId = positiveInteger(raw.programId) ?? program;
	const promotion = toText(raw.promotionValue);
	if (promotion !== '' && raw.promotionMode === 'promoIdentifier')
		fields.promoIdentifier = promotion;
	else if (promotion !== '') fields.promotionId = positiveInteger(raw.promotionValue) ?? promotion;
	return fields;
}
