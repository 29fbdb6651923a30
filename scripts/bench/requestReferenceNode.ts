import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resolveBaseUrl } from '../../nodes/Capillary/transport/auth/baseUrl';
import { postInBatches } from './referenceBatches';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

export const REQUEST_REFERENCE_TYPE = 'n8n-nodes-bench.requestReference';
const CREDENTIAL_TYPE = 'capillaryOAuthApi';

/**
 * The n8n request reference: the node's batches (same bodies, same options, the credential passed
 * once, as the node does) sent through n8n's request helper by a node that does nothing else: no
 * validation, pairing or output items. What n8n's own request path costs. Outputs: [issued, not issued].
 */
export const requestReferenceNode: INodeType = {
	description: {
		displayName: 'Request Reference',
		name: 'requestReference',
		group: ['transform'],
		version: 1,
		description: "Benchmark-only: posts the items in batches through n8n's request helper",
		defaults: { name: 'Request Reference' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{ displayName: 'Batch Size', name: 'batchSize', type: 'number', default: 100 },
			{ displayName: 'Parallel Requests', name: 'parallelRequests', type: 'number', default: 1 },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const batchSize = this.getNodeParameter('batchSize', 0) as number;
		const parallelRequests = this.getNodeParameter('parallelRequests', 0) as number;
		const data = await this.getCredentials(CREDENTIAL_TYPE);
		const credentialsDecrypted = { id: '1', name: 'Sandbox', type: CREDENTIAL_TYPE, data };
		const url = `${resolveBaseUrl(data)}${ENDPOINTS.bulkEnrolAndEarn}`;
		const send = async (body: IDataObject) => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{
					method: 'POST',
					url,
					headers: { 'Content-Type': 'application/json' },
					body,
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					timeout: 60_000,
				},
				{ credentialsDecrypted },
			)) as { body?: unknown };
			return response.body;
		};
		const issued = await postInBatches(
			items.map((item) => String(item.json.mobile)),
			batchSize,
			parallelRequests,
			send,
		);
		return [items.slice(0, issued), items.slice(issued)];
	},
};
