import * as path from 'path';
import type { INode, IVersionedNodeType } from 'n8n-workflow';

import { HTTP_REQUEST_FILE, NODES_BASE_DIR_ENV } from './nodesBase';
import { bulkEarnBody } from './referenceBatches';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
export const HTTP_REQUEST = 'HTTP Request';

/** n8n's real HTTP Request node (a versioned node), from the n8n-nodes-base the benchmark located. */
export function loadHttpRequestNode(): IVersionedNodeType {
	const dir = process.env[NODES_BASE_DIR_ENV];
	if (!dir)
		throw new Error(`${NODES_BASE_DIR_ENV} is not set: the benchmark locates n8n-nodes-base`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a file named at run time, loaded as n8n loads it
	const exported = require(path.join(dir, HTTP_REQUEST_FILE)) as {
		HttpRequest: new () => IVersionedNodeType;
	};
	return new exported.HttpRequest();
}

/**
 * The HTTP Request node as a user would set it up to do what the node does for one customer: the
 * same POST to the same URL with the same JSON body (the identifier from `{{ $json.mobile }}`), and
 * the same Capillary OAuth credential (a predefined credential type).
 */
export function httpRequestNode(sandboxUrl: string): INode {
	const jsonBody = JSON.stringify(bulkEarnBody(['{{ $json.mobile }}']));
	return {
		id: 'h',
		name: HTTP_REQUEST,
		type: HTTP_REQUEST_TYPE,
		typeVersion: 4.2,
		position: [220, 0],
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}${ENDPOINTS.bulkEnrolAndEarn}`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'capillaryOAuthApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `=${jsonBody}`,
			options: {},
		},
		credentials: { capillaryOAuthApi: { id: '1', name: 'Sandbox' } },
	};
}
