import type { IExecuteFunctions } from 'n8n-workflow';

import type { BulkAction, CustomerGroup, CustomerRequest } from '../helpers/types';
import { ENDPOINTS } from './endpoints';
import { capillaryRequest } from './index';
import type { CapillaryResponse, Connection, RequestOptions } from './types';

/** ENROL and EARN go to enrolAndEarn; the revokes to revokeEnrolAndEarn (same body shape). */
const ENDPOINT_OF: Record<BulkAction, string> = {
	ENROL: ENDPOINTS.bulkEnrolAndEarn,
	EARN: ENDPOINTS.bulkEnrolAndEarn,
	REVOKE_ENROL: ENDPOINTS.bulkRevokeEnrolAndEarn,
	REVOKE_EARN: ENDPOINTS.bulkRevokeEnrolAndEarn,
};

/**
 * Sends one batch of a group to Capillary's bulk endpoint for `action`, in the body shape of its
 * reference pages. A Revoke Issue customer with earned IDs carries them as `earnIds` (integers, as
 * the docs' examples send them); without, Capillary revokes all of that customer's issues.
 */
export async function postBulkAction(
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
			path: ENDPOINT_OF[action],
			body: {
				type: 'CUSTOMER',
				bulkAction: action,
				promotionDetails: { programId: group.programId, ...group.promotion },
				identifierName: group.identifierName,
				customers: customers.map(({ identifierValue, source, earnIds }) =>
					action === 'REVOKE_EARN' && earnIds
						? { identifierValue, source, earnIds: earnIds.map(Number) }
						: { identifierValue, source },
				),
			},
		},
		options,
	);
}
