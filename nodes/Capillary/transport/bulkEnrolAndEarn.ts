import type { IExecuteFunctions } from 'n8n-workflow';

import type { BulkAction, CustomerGroup, CustomerRequest } from '../helpers/types';
import { ENDPOINTS } from './endpoints';
import { capillaryRequest } from './index';
import type { CapillaryResponse, Connection, RequestOptions } from './types';

/** Sends one batch of a group to `POST v2/promotion/bulk/enrolAndEarn`, in the body shape of Capillary's reference page. */
export async function postBulkEnrolAndEarn(
	context: IExecuteFunctions,
	connection: Connection,
	action: BulkAction,
	group: CustomerGroup,
	customers: readonly CustomerRequest[],
	options: RequestOptions = {},
): Promise<CapillaryResponse> {
	return await capillaryRequest(
		context,
		connection,
		{
			method: 'POST',
			path: ENDPOINTS.bulkEnrolAndEarn,
			body: {
				type: 'CUSTOMER',
				bulkAction: action,
				promotionDetails: { programId: group.programId, ...group.promotion },
				identifierName: group.identifierName,
				customers: customers.map(({ identifierValue, source }) => ({ identifierValue, source })),
			},
		},
		options,
	);
}
