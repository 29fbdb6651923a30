import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { describeListFailure } from './describeListFailure';
import type { CapillaryResponse } from '../transport/types';
import { ENDPOINTS } from '../transport/endpoints';
import { generateAccessToken } from '../transport/auth/accessToken';
import { resolveBaseUrl } from '../transport/auth/baseUrl';
import { basicAuthorization } from '../transport/auth/basicAuthorization';
import { redactSecrets, secretForms } from '../transport/redactSecrets';
import { networkCode, sendWithLegacyRequest, type SendJson } from '../transport/sendJson';
import { errorMessage } from '../helpers/errorMessage';

const TIMEOUT_MS = 20_000;

/**
 * The editor's "Test" button. Reads the programs list with the credential and tells apart what to
 * fix: the secret (401), the access rights (403), or the cluster/host (unreachable, 404, redirect).
 * The answer is read with the credential's secrets (and the headers sent) redacted from it.
 */
export async function capillaryOAuthApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const send = sendWithLegacyRequest(this);
	return await testWith(send, credential, async (data) => ({
		'X-CAP-API-OAUTH-TOKEN': (await generateAccessToken(send, data)).accessToken,
	}));
}

export async function capillaryBasicApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await testWith(sendWithLegacyRequest(this), credential, async (data) => ({
		Authorization: basicAuthorization(data),
	}));
}

async function testWith(
	send: SendJson,
	{ data = {} }: ICredentialsDecrypted,
	headersFor: (data: NonNullable<ICredentialsDecrypted['data']>) => Promise<Record<string, string>>,
): Promise<INodeCredentialTestResult> {
	let response: CapillaryResponse;
	try {
		const url = `${resolveBaseUrl(data)}${ENDPOINTS.programs}`;
		const headers = await headersFor(data);
		const answer = await send({ method: 'GET', url, headers, timeout: TIMEOUT_MS }).then(
			({ statusCode, body }): CapillaryResponse => ({ type: 'http', statusCode, body }),
			(error: unknown): CapillaryResponse => ({
				type: 'network',
				code: networkCode(error),
				message: 'no answer',
			}),
		);
		response = redactSecrets(answer, secretForms(data, Object.values(headers)));
	} catch (error) {
		return { status: 'Error', message: errorMessage(error) };
	}
	const failure = describeListFailure(response);
	if (failure) return { status: 'Error', message: failure };
	const programs = (response as { body: { data?: unknown } }).body.data;
	const count = Array.isArray(programs) ? ` (${programs.length} loyalty programs visible)` : '';
	return { status: 'OK', message: `Connected to Capillary${count}` };
}
