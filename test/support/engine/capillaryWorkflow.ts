import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import type { CapillarySandbox } from '../../sandbox';
import { DEMO } from '../../sandbox';
import { TestCredentialsHelper } from './credentialsHelper';
import { runWorkflow, type WorkflowJson } from './runWorkflow';

export type AuthKind = 'oAuth' | 'basicAuth';
export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export const CAPILLARY = 'Capillary';
const TRIGGER = 'Sign-ups';

/** Credential data pointing at the sandbox, as a user would save it (custom cluster). */
export function sandboxCredentials(
	sandbox: CapillarySandbox,
	overrides: {
		oAuth?: ICredentialDataDecryptedObject;
		basicAuth?: ICredentialDataDecryptedObject;
	} = {},
	credentialTypes?: ICredentialType[],
): TestCredentialsHelper {
	const location = { cluster: 'custom', baseUrl: sandbox.url };
	return new TestCredentialsHelper(
		{
			capillaryOAuthApi: {
				...location,
				clientKey: DEMO.oauth.clientKey,
				clientSecret: DEMO.oauth.clientSecret,
				accessToken: '',
				...overrides.oAuth,
			},
			capillaryBasicApi: {
				...location,
				username: DEMO.basic.username,
				password: DEMO.basic.password,
				isMd5Hash: false,
				...overrides.basicAuth,
			},
		},
		credentialTypes,
	);
}

export interface CapillaryRunOptions {
	items: IDataObject[];
	parameters: INodeParameters;
	authentication?: AuthKind;
	onError?: OnError;
}

/** A workflow as n8n saves it: pinned items → Capillary. */
export function capillaryWorkflow({
	items,
	parameters,
	authentication = 'oAuth',
	onError,
}: CapillaryRunOptions): WorkflowJson {
	const credentialType = authentication === 'oAuth' ? 'capillaryOAuthApi' : 'capillaryBasicApi';
	return {
		nodes: [
			{
				id: 't',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'c',
				name: CAPILLARY,
				type: 'n8n-nodes-capillary.capillary',
				typeVersion: 1,
				position: [220, 0],
				parameters: { authentication, ...parameters },
				credentials: { [credentialType]: { id: '1', name: 'Sandbox' } },
				...(onError ? { onError } : {}),
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: CAPILLARY, type: 'main', index: 0 }]] } },
		pinData: { [TRIGGER]: items.map((json) => ({ json })) },
	};
}

export interface CapillaryRun {
	success: INodeExecutionData[];
	failed: INodeExecutionData[];
	/** The third output n8n adds under "Continue (using error output)". */
	errorOutput: INodeExecutionData[];
	error?: Error;
}

export async function runCapillary(
	credentials: TestCredentialsHelper,
	options: CapillaryRunOptions,
): Promise<CapillaryRun> {
	const run = await runWorkflow(capillaryWorkflow(options), credentials);
	const [success = [], failed = [], errorOutput = []] = run.outputs(CAPILLARY);
	return { success, failed, errorOutput, error: run.error };
}

/** Node parameters for a promotion by ID, with the identifier read from `$json[field]`. */
export function promotionParameters(
	operation: 'enrol' | 'earn' | 'enrolAndEarn',
	promotion: { programId: number; promotionId: number },
	identifierName: 'mobile' | 'email' | 'id' = 'mobile',
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'loyaltyPromotion',
		operation,
		programId: { __rl: true, mode: 'id', value: String(promotion.programId) },
		promotion: { __rl: true, mode: 'id', value: String(promotion.promotionId) },
		identifierName,
		identifierValue: `={{ $json.${identifierName} }}`,
		source: 'INSTORE',
		...extra,
	};
}

/**
 * `promotionParameters` with Verify Unknown Outcomes off: for tests that pin what the bulk answer
 * itself says (the lookup would otherwise turn many "unknown" outcomes into known ones).
 */
export function unverifiedParameters(
	...args: Parameters<typeof promotionParameters>
): INodeParameters {
	const parameters = promotionParameters(...args);
	const options = (parameters.options ?? {}) as INodeParameters;
	return { ...parameters, options: { verifyUnknownOutcomes: false, ...options } };
}

/** Node parameters for Get Customer Promotions, with the identifier read from `$json[field]`. */
export function lookupParameters(
	identifierName: 'mobile' | 'email' | 'id' = 'mobile',
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'loyaltyPromotion',
		operation: 'getCustomerPromotions',
		identifierName,
		identifierValue: `={{ $json.${identifierName} }}`,
		source: 'INSTORE',
		...extra,
	};
}
