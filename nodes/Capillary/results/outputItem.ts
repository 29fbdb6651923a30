import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { nextStep, withNextStep } from './failureAdvice';
import type { ItemResult, Operation } from '../helpers/types';

const RESULT_FIELDS: ReadonlySet<string> = new Set([
	'status',
	'operation',
	'identifierName',
	'identifierValue',
	'identifierValueSent',
	'source',
	'programId',
	'promotionId',
	'promoIdentifier',
	'entityId',
	'issualId',
	'earnedId',
	'revokedIssualId',
	'revokedEarnIds',
	'verified',
	'verification',
	'resent',
	'warnings',
	'enrolled',
	'error',
	'duplicateOf',
	'requestId',
	'enrolRequestId',
	'customerId',
	'promotionCount',
	'promotions',
]);

/**
 * The output item for one input item: result fields over (optionally) the input's fields, paired to
 * the input by index. Fields without a value are left out. (Built up rather than pruned with
 * `delete`, which turns every item into a slow, three-times-larger dictionary object.)
 */
export function outputItem(
	operation: Operation,
	{ itemIndex, fields, result, enrolled, duplicateOf, input }: ItemResult,
): INodeExecutionData {
	const json: IDataObject = {};
	// Input fields that share a result field's name (say, from feeding the Failed output back in)
	// are left out, so that a stale earnedId or error can never pass for this run's.
	for (const key in input?.json) if (!RESULT_FIELDS.has(key)) json[key] = input.json[key];
	Object.assign(json, { status: result.status, operation }, fields);
	const set = (key: string, value: unknown) => {
		if (value !== undefined) json[key] = value as IDataObject[string];
	};
	set('entityId', result.entityId);
	set('issualId', result.issualId);
	set('earnedId', result.earnedId);
	set('revokedIssualId', result.revokedIssualId);
	set('revokedEarnIds', result.revokedEarnIds);
	// A lookup's answer has no per-customer warnings.
	if (operation !== 'getCustomerPromotions')
		set('warnings', result.warnings ?? (result.status === 'success' ? [] : undefined));
	// true: enrolled; false: certainly not; null: unknown.
	if (operation === 'enrolAndEarn') set('enrolled', enrolled);
	if (result.status === 'failed') {
		json.error = {
			...result.error,
			message: withNextStep(
				result.error.message,
				nextStep({ ...result.error, verified: result.verified }, operation),
			),
		} as IDataObject;
	}
	set('verified', result.verified);
	set('verification', result.verification);
	set('resent', result.resent);
	set('duplicateOf', duplicateOf);
	set('requestId', result.requestId);
	set('enrolRequestId', result.enrolRequestId);
	return input?.binary
		? { json, binary: input.binary, pairedItem: { item: itemIndex } }
		: { json, pairedItem: { item: itemIndex } };
}
