import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { FatalFailure } from '../helpers/types';
import type { CapillaryCredentialType, Connection } from './types';
import { resolveBaseUrl } from './auth/baseUrl';
import { isNotSentError } from './notSent';
import { errorMessage } from '../helpers/errorMessage';

export type ResolvedConnection = { connection: Connection } | { fatal: FatalFailure };

/**
 * The credential the Authentication parameter picks, and the API root it points at.
 * A credential that cannot be used is a failure of the whole run, not an exception: in a continue
 * mode, a thrown error would send the input items down the Success output.
 */
export async function resolveConnection(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	timeout: number,
): Promise<ResolvedConnection> {
	// Authentication takes no expression, so its stored value is its value.
	const authentication = context.getNode().parameters.authentication;
	const credentialType: CapillaryCredentialType =
		authentication === 'basicAuth' ? 'capillaryBasicApi' : 'capillaryOAuthApi';
	try {
		const credentials = await context.getCredentials(credentialType);
		const reference = context.getNode().credentials?.[credentialType];
		return {
			connection: {
				credentialType,
				credentialRef: { id: reference?.id ?? '', name: reference?.name ?? credentialType },
				credentials,
				baseUrl: resolveBaseUrl(credentials),
				timeout,
			},
		};
	} catch (error) {
		const reason = isNotSentError(error)
			? error.message
			: `The Capillary credential could not be loaded (${errorMessage(error)})`;
		return { fatal: { code: null, message: `${reason}. Fix the credential: nothing was sent` } };
	}
}
