import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ItemResult, Operation } from './types';

/**
 * The output item for one input item: result fields over (optionally) the input's fields,
 * paired to the input by index. `undefined` fields are left out.
 */
export function outputItem(
	operation: Operation,
	{ itemIndex, fields, result, enrolled, duplicateOf }: ItemResult,
	input: IDataObject | undefined,
): INodeExecutionData {
	const { status, entityId, issualId, earnedId, warnings, requestId, enrolRequestId } = result;
	const json: IDataObject = {
		...input,
		status,
		operation,
		...fields,
		entityId,
		issualId,
		earnedId,
		warnings: warnings ?? (status === 'success' ? [] : undefined),
		// true: enrolled; false: certainly not; null: unknown.
		enrolled: operation === 'enrolAndEarn' ? enrolled : undefined,
		error: result.status === 'failed' ? { ...result.error } : undefined,
		duplicateOf,
		requestId,
		enrolRequestId,
	};
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return { json, pairedItem: { item: itemIndex } };
}
