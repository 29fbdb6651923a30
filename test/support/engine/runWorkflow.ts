import './environment';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IConnections,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IPinData,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import { createNodeTypes } from './nodeTypes';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
}

export interface WorkflowRun {
	run: IRun;
	/** A node's items per output index, from its last run; [] for outputs that emitted nothing. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** The error the execution stopped with, if any. */
	error: IRun['data']['resultData']['error'];
}

let packageNodeTypes: INodeTypes | undefined;

/**
 * Runs a workflow, as n8n saves it, through n8n-core's WorkflowExecute in-process.
 * The first node without inputs starts it; pinned data on any node replaces that node's run.
 */
export async function runWorkflow(
	json: WorkflowJson,
	credentials: TestCredentialsHelper,
	extraNodeTypes?: Record<string, INodeType | IVersionedNodeType>,
	{
		onStart,
		nodeTypes = extraNodeTypes
			? createNodeTypes(extraNodeTypes)
			: (packageNodeTypes ??= createNodeTypes()),
	}: {
		onStart?: (cancel: () => void) => void;
		/** The node types to run with (the package's source, and `extraNodeTypes`, by default). */
		nodeTypes?: INodeTypes;
	} = {},
): Promise<WorkflowRun> {
	const workflow = new Workflow({
		id: 'test',
		name: json.name ?? 'test',
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes,
		pinData: json.pinData,
		settings: { executionOrder: 'v1' },
	});
	const startNode = json.nodes.find((node) => !hasIncomingConnection(json.connections, node.name));
	if (!startNode) throw new Error('The workflow has no start node');

	let finished: IRun | undefined;
	const hooks = new ExecutionLifecycleHooks(
		'manual',
		'test-execution',
		json as unknown as IWorkflowBase,
	);
	hooks.addHandler('workflowExecuteAfter', (run) => {
		finished = run;
	});
	const runData = createRunExecutionData({
		resultData: { pinData: json.pinData },
		executionData: {
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData(credentials, hooks), 'manual', runData);
	const running = execution.processRunExecutionData(workflow);
	onStart?.(() => running.cancel());
	const run = await running.catch((error: unknown) => {
		if (running.isCanceled) return undefined;
		throw error;
	});
	const result = finished ?? run;
	if (!result) throw new Error('The execution was cancelled before it reported a result');
	return {
		run: result,
		error: result.data.resultData.error,
		outputs(nodeName) {
			const taskRuns = result.data.resultData.runData[nodeName];
			const main = taskRuns?.[taskRuns.length - 1]?.data?.main ?? [];
			return main.map((items) => items ?? []);
		},
	};
}

function hasIncomingConnection(connections: IConnections, nodeName: string): boolean {
	return Object.values(connections).some((byType) =>
		Object.values(byType).some((outputs) =>
			outputs.some((targets) => (targets ?? []).some((target) => target.node === nodeName)),
		),
	);
}

export function additionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}
