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

const ROOT = path.resolve(__dirname, '../../..');

interface PackageManifest {
	n8n: { nodes: string[]; credentials: string[] };
}

/** The node and credential classes of one copy of the package. */
export interface LoadedPackage {
	nodes: Array<INodeType | IVersionedNodeType>;
	credentials: ICredentialType[];
}

/**
 * The classes the `n8n` block of package.json lists, loaded as n8n loads them: each file's class
 * named after the file. `built` (the folder of an unpacked or built package): its built `.js`
 * files, as listed. Without it, the TypeScript source those files are built from (dist/….js read as
 * ….ts), compiled on load by ts-jest in tests and by tsx in scripts: what runs is what was edited,
 * never a stale build. CAPILLARY_PACKAGE_DIR names a built package for the default below (the
 * benchmark measures the build).
 */
export function loadPackage(built?: string): LoadedPackage {
	/* eslint-disable @typescript-eslint/no-require-imports -- files named at run time, loaded as n8n loads them */
	const manifest = require(path.join(built ?? ROOT, 'package.json')) as PackageManifest;
	const load = <T>(file: string): T => {
		const exported = (
			built
				? require(path.join(built, file))
				: require(path.join(ROOT, file.replace(/^dist\//, '').replace(/\.js$/, '.ts')))
		) as Record<string, new () => T>;
		/* eslint-enable @typescript-eslint/no-require-imports */
		const className = path.basename(file).split('.')[0];
		const Class = exported[className];
		if (!Class) throw new Error(`${file} does not export a class named ${className}`);
		return new Class();
	};
	return {
		nodes: manifest.n8n.nodes.map((file) => load<INodeType | IVersionedNodeType>(file)),
		credentials: manifest.n8n.credentials.map((file) => load<ICredentialType>(file)),
	};
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

/** The package the tests and scripts run: the source, or CAPILLARY_PACKAGE_DIR's build. */
export const { nodes: packageNodes, credentials: packageCredentials } = loadPackage(
	process.env.CAPILLARY_PACKAGE_DIR || undefined,
);

export function createNodeTypes(
	extra: Record<string, INodeType | IVersionedNodeType> = {},
	nodes: LoadedPackage['nodes'] = packageNodes,
): INodeTypes {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-base.manualTrigger': manualTrigger,
		'n8n-nodes-base.noOp': noOp,
		...extra,
	};
	for (const node of nodes) types[`n8n-nodes-capillary.${node.description.name}`] = node;
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
