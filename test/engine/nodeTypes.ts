import * as path from 'path';
import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '../..');

interface PackageManifest {
	n8n: { nodes: string[]; credentials: string[] };
}

/** Loads the built package the way n8n does: the files listed in package.json's `n8n` block. */
function loadPackageClasses<T>(kind: 'nodes' | 'credentials'): T[] {
	/* eslint-disable @typescript-eslint/no-require-imports -- files named at run time, loaded as n8n loads them */
	const manifest = require(path.join(ROOT, 'package.json')) as PackageManifest;
	return manifest.n8n[kind].map((file) => {
		const exported = require(path.join(ROOT, file)) as Record<string, new () => T>;
		/* eslint-enable @typescript-eslint/no-require-imports */
		const className = path.basename(file).split('.')[0];
		const Class = exported[className];
		if (!Class) throw new Error(`${file} does not export a class named ${className}`);
		return new Class();
	});
}

/** Stand-ins for the two core nodes our example workflows use around the Capillary node. */
const manualTrigger: INodeType = {
	description: {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test stand-in for n8n-nodes-base.manualTrigger',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [[{ json: {} }]];
	},
};

const noOp: INodeType = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Test stand-in for n8n-nodes-base.noOp',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		return [this.getInputData()];
	},
};

export const packageNodes = loadPackageClasses<INodeType | IVersionedNodeType>('nodes');
export const packageCredentials = loadPackageClasses<ICredentialType>('credentials');

export function createNodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': manualTrigger,
		'n8n-nodes-base.noOp': noOp,
		...extra,
	};
	for (const node of packageNodes) types[`n8n-nodes-capillary.${node.description.name}`] = node;
	return {
		getByName: (name) => known(types, name),
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(known(types, name), version),
		getKnownTypes: () => Object.fromEntries(Object.keys(types).map((t) => [t, {}])) as IDataObject,
	};
}

function known(types: Record<string, INodeType | IVersionedNodeType>, name: string) {
	const type = types[name];
	if (!type) throw new Error(`Unknown node type ${name}`);
	return type;
}
