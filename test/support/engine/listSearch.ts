import './environment';

import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodeParameters, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import { createNodeTypes, packageNodes } from './nodeTypes';
import { additionalData } from './runWorkflow';

/**
 * Calls one of the Capillary node's list-search methods the way the editor does: in a real
 * LoadOptionsContext over a workflow holding the node with the given parameters.
 */
export async function searchList(
	credentials: TestCredentialsHelper,
	method: string,
	parameters: INodeParameters,
	{ filter, paginationToken }: { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult> {
	parameters = { authentication: 'oAuth', ...parameters };
	const authentication =
		parameters.authentication === 'basicAuth' ? 'capillaryBasicApi' : 'capillaryOAuthApi';
	const node = {
		id: 'c',
		name: 'Capillary',
		type: 'n8n-nodes-capillary.capillary',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
		credentials: { [authentication]: { id: '1', name: 'Sandbox' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: createNodeTypes(),
	});
	// The editor sends the node's current parameters with every list request.
	const data = { ...additionalData(credentials), currentNodeParameters: parameters };
	const context = new LoadOptionsContext(workflow, node, data, `parameters.${method}`);
	const capillary = packageNodes.find((n) => n.description.name === 'capillary') as INodeType;
	const search = capillary.methods?.listSearch?.[method];
	if (!search) throw new Error(`No list search ${method}`);
	return await search.call(context, filter, paginationToken);
}
