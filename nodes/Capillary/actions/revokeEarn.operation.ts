import type {
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ResultSink } from '../helpers/types';
import { runBulkOperation, type OperationOutcome } from '../bulk/runBulkOperation';
import { bulkActionJob } from '../bulk/applyBulkAction';

export const option: INodePropertyOptions = {
	name: 'Revoke Issue',
	value: 'revokeEarn',
	action: 'Revoke issued promotions from customers',
	description:
		'Revoke issues of a promotion from customers (bulkAction REVOKE_EARN): the Earned IDs given, or all of the customer’s issues of the promotion. Changes customer state.',
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	emit: ResultSink,
): Promise<OperationOutcome> {
	return await runBulkOperation(
		missingEarnedIdsAsNull(this),
		items,
		bulkActionJob('REVOKE_EARN'),
		emit,
		{ earnedIds: true },
	);
}

/**
 * n8n gives '' for Earned IDs left empty, which revokes ALL of the customer's issues, but `undefined`
 * for an expression that found nothing (`{{ $json.earnedId }}` on an item without one). That must
 * not revoke all: it is read as null, which mapCustomer refuses for the item.
 */
function missingEarnedIdsAsNull(context: IExecuteFunctions): IExecuteFunctions {
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallbackValue?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown => {
		const value = context.getNodeParameter(name, itemIndex, fallbackValue as never, options);
		return name === 'earnedIds' && value === undefined ? null : value;
	};
	return new Proxy(context, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
		},
	});
}
