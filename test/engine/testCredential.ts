import type { IExecuteFunctions, IHttpRequestOptions, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import { createNodeTypes } from './nodeTypes';
import { runWorkflow } from './runWorkflow';

const PROBE = 'Credential test';

/** Sends what it is given with the credential applied, as the editor's "Test" button does. */
const credentialProbe: INodeType = {
	description: {
		displayName: 'Credential probe',
		name: 'credentialProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only: sends a credential type’s test request',
		defaults: { name: PROBE },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'capillaryOAuthApi' }, { name: 'capillaryBasicApi' }],
		properties: [
			{ displayName: 'Credential Type', name: 'credentialType', type: 'string', default: '' },
			{ displayName: 'Request', name: 'request', type: 'string', default: '{}' },
		],
	},
	async execute(this: IExecuteFunctions) {
		const credentialType = this.getNodeParameter('credentialType', 0) as string;
		const request = JSON.parse(this.getNodeParameter('request', 0) as string) as IHttpRequestOptions;
		const response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, { ...request, json: true });
		return [[{ json: { response } }]];
	},
};

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * What n8n's credential test does for a credential with `test.request`: forces preAuthentication
 * (a fresh token), resolves the request's `={{ $credentials… }}` expressions, applies the credential,
 * sends the request, and reports the error message on failure.
 */
export async function testCredential(credentials: TestCredentialsHelper, credentialType: string): Promise<CredentialTestResult> {
	const type = credentials.type(credentialType);
	const test = type.test?.request;
	if (!test) throw new Error(`${credentialType} has no test request`);
	const data = credentials.store.get(credentialType)!;
	if ('accessToken' in data) credentials.store.set(credentialType, { ...data, accessToken: '' });

	const node = { id: 'p', name: PROBE, type: 'test.credentialProbe', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const expressions = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: createNodeTypes({ 'test.credentialProbe': credentialProbe }) }).expression;
	const resolve = (value: unknown) =>
		typeof value === 'string' && value.startsWith('=')
			? expressions.getParameterValue(value, null, 0, 0, PROBE, [], 'internal', { $credentials: data } as never)
			: value;
	const request = { ...test, method: test.method ?? 'GET', baseURL: resolve(test.baseURL), url: resolve(test.url) };

	const run = await runWorkflow(
		{
			nodes: [
				{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ ...node, parameters: { credentialType, request: JSON.stringify(request) }, credentials: { [credentialType]: { id: '1', name: 'under test' } } },
			],
			connections: { Start: { main: [[{ node: PROBE, type: 'main', index: 0 }]] } },
		},
		credentials,
		{ 'test.credentialProbe': credentialProbe },
	);
	return run.error
		? { status: 'Error', message: run.error.message }
		: { status: 'OK', message: 'Connection tested successfully' };
}
