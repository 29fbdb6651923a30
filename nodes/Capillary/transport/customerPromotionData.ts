import type { IExecuteFunctions } from 'n8n-workflow';

import type { IdentifierName } from '../helpers/types';
import { ENDPOINTS } from './endpoints';
import { capillaryRequest } from './index';
import type { CapillaryResponse, Connection, RequestOptions } from './types';

export interface PromotionDataQuery {
	identifierName: IdentifierName;
	identifierValue: string;
	source: string;
	/** Only this program's promotions (`programs`). */
	programId?: number;
	/** Start index of the page, and its size (≤ 100). */
	offset: number;
	limit: number;
}

/** One page of `GET v2/customers/lookup/promotionData`: a customer's loyalty promotions. */
export async function getCustomerPromotionData(
	context: IExecuteFunctions,
	connection: Connection,
	{ programId, ...query }: PromotionDataQuery,
	options: RequestOptions = {},
): Promise<CapillaryResponse> {
	return await capillaryRequest(
		context,
		connection,
		{
			method: 'GET',
			path: ENDPOINTS.customerPromotionData,
			qs: { ...query, ...(programId === undefined ? {} : { programs: String(programId) }) },
		},
		options,
	);
}
