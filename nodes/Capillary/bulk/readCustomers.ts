import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeParameterValueType,
} from 'n8n-workflow';

import {
	mapCustomer,
	ParameterError,
	unreadableItem,
	type MappedCustomer,
	type RawCustomer,
} from './mapCustomer';
import type { InvalidItem } from '../helpers/types';
import { errorMessage } from '../helpers/errorMessage';

/**
 * Evaluates the customer parameters of each item, one item at a time, so that full batches can be
 * sent while later items are read. n8n charges ~60 µs per expression evaluation per item, so: a
 * parameter holding no expression is evaluated once, and the plain `{{ $json.field }}` reads the
 * item's field directly when n8n would return it unchanged.
 */
export function readCustomers(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	{ earnedIds = false }: { earnedIds?: boolean } = {},
): Generator<MappedCustomer> {
	return mapItems(context, items, mapCustomer, { earnedIds });
}

/** Reads each item's parameters (as `readCustomers` says) and validates them with `map`. */
export function* mapItems<T>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	map: (raw: RawCustomer) => T | InvalidItem,
	{ earnedIds: readsEarnedIds = false }: { earnedIds?: boolean } = {},
): Generator<T | InvalidItem> {
	const read = (name: string) => itemParameterReader(context, name, items);
	const programId = read('programId');
	const promotion = read('promotion');
	const identifierName = read('identifierName');
	const identifierValue = read('identifierValue');
	const source = read('source');
	const earnedIds = readsEarnedIds ? earnedIdsReader(context, items) : () => undefined;
	const promotionMode = promotionModeOf(context);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			yield map({
				itemIndex,
				programId: programId(itemIndex),
				promotionMode,
				promotionValue: promotion(itemIndex),
				identifierName: identifierName(itemIndex),
				identifierValue: identifierValue(itemIndex),
				source: source(itemIndex),
				earnedIds: earnedIds(itemIndex),
			});
		} catch (error) {
			yield unreadableItem(itemIndex, error);
		}
	}
}

/**
 * Earned IDs left empty revoke ALL of a customer's issues; an expression that gave nothing (a blank
 * cell, a missing field) must not: its value is read as null, which the item's check refuses.
 */
function earnedIdsReader(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): (itemIndex: number) => unknown {
	const read = itemParameterReader(context, 'earnedIds', items);
	if (!holdsExpression(context.getNode().parameters.earnedIds)) return read;
	return (itemIndex) => {
		const value = read(itemIndex);
		return value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
	};
}

/**
 * Reads one parameter per item (its value, or a ParameterError saying why its expression failed),
 * evaluating a constant once, and reading `{{ $json.field }}` straight from the item.
 */
function itemParameterReader(
	context: IExecuteFunctions,
	name: string,
	items: INodeExecutionData[],
): (itemIndex: number) => unknown {
	const evaluate = (itemIndex: number) => {
		try {
			return context.getNodeParameter(name, itemIndex, '', { extractValue: true });
		} catch (error) {
			return new ParameterError(errorMessage(error));
		}
	};
	const raw = context.getNode().parameters[name];
	const match = typeof raw === 'string' ? JSON_FIELD.exec(raw) : null;
	const field = match?.[1] ?? match?.[2] ?? match?.[3];
	if (field !== undefined)
		return (itemIndex) => plainField(items[itemIndex].json, field) ?? evaluate(itemIndex);
	if (holdsExpression(raw)) return evaluate;
	const value = evaluate(0);
	return () => value;
}

/** `={{ $json.phone }}` or `={{ $json["phone"] }}`: what users write most, and what n8n evaluates at ~60 µs an item. */
const JSON_FIELD =
	/^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"'\\]+)"|'([^"'\\]+)')\s*\])\s*\}\}$/;

/**
 * The field's value when n8n's expression would give it back unchanged: a string, number or
 * boolean the item holds itself. Anything else (missing, null, objects) goes to n8n to evaluate.
 */
function plainField(json: IDataObject, field: string): string | number | boolean | undefined {
	const descriptor = Object.getOwnPropertyDescriptor(json, field);
	// Only a plain data property: a getter could throw or differ from what n8n's deep copy holds.
	const value: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
		? value
		: undefined;
}

function holdsExpression(raw: NodeParameterValueType | undefined): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (raw && typeof raw === 'object' && !Array.isArray(raw))
		return Object.values(raw).some((v) => holdsExpression(v as NodeParameterValueType));
	return false;
}

/** The Promotion parameter's mode: `list`, `id` or `promoIdentifier` (the same for every item). */
function promotionModeOf(context: IExecuteFunctions): string {
	const raw = context.getNode().parameters.promotion as { mode?: unknown } | undefined;
	return typeof raw?.mode === 'string' ? raw.mode : 'id';
}
