import './environment';

import { ExecuteContext } from 'n8n-core';
import type { INodeExecutionData, INodeType } from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { CAPILLARY, capillaryWorkflow, type CapillaryRunOptions } from './capillaryWorkflow';
import type { TestCredentialsHelper } from './credentialsHelper';
import { createNodeTypes, packageNodes } from './nodeTypes';
import { additionalData } from './runWorkflow';

/**
 * Runs the Capillary node's execute() in a real ExecuteContext whose execution cancel signal is
 * `signal`, and returns what it returned. Unlike a cancelled workflow, whose engine drops the
 * node's output, this shows the results a cancelled node hands back.
 */
export async function executeCapillary(
	credentials: TestCredentialsHelper,
	options: CapillaryRunOptions,
	signal: AbortSignal,
): Promise<INodeExecutionData[][]> {
	const context = capillaryContext(credentials, options, signal);
	const capillary = packageNodes.find((n) => n.description.name === 'capillary') as INodeType;
	return (await capillary.execute!.call(context)) as INodeExecutionData[][];
}

/** A real ExecuteContext of the Capillary node, for calling the node's own functions with it. */
export function capillaryContext(
	credentials: TestCredentialsHelper,
	options: CapillaryRunOptions,
	signal: AbortSignal = new AbortController().signal,
): ExecuteContext {
	const json = capillaryWorkflow(options);
	const node = json.nodes.find((n) => n.name === CAPILLARY)!;
	const workflow = new Workflow({
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: createNodeTypes(),
		settings: { executionOrder: 'v1' },
	});
	const items = options.items.map((item) => ({ json: item }));
	const inputData = { main: [items] };
	const executeData = { node, data: inputData, source: null };
	return new ExecuteContext(
		workflow,
		node,
		additionalData(credentials),
		'manual',
		createRunExecutionData(),
		0,
		items,
		inputData,
		executeData,
		[],
		signal,
	);
}
