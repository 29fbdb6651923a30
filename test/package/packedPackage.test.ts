import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { createNodeTypes, loadPackage, type LoadedPackage } from '../support/engine/nodeTypes';
import { runWorkflow, type WorkflowJson } from '../support/engine/runWorkflow';
import { useSandbox } from '../support/useSandbox';

/**
 * The one suite that runs what is published (every other engine suite runs the source): the package
 * as `npm pack` makes it from dist/ (`npm test` builds first), unpacked, and loaded as n8n loads an
 * installed community package: the files package.json's `n8n` block lists, each file's class named
 * after the file, the icons and the codex file beside them.
 */
const ROOT = path.resolve(__dirname, '../..');
const sandbox = useSandbox(undefined, { resetAfterEach: false });
let folder: string;
let unpacked: string;
let loaded: LoadedPackage;

beforeAll(() => {
	if (!fs.existsSync(path.join(ROOT, 'dist')))
		throw new Error('No dist/: build first (npm run build; npm test does)');
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'capillary-packed-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', folder], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	) as Array<{ filename: string }>;
	execFileSync('tar', ['-xzf', path.join(folder, filename), '-C', folder]);
	// n8n installs the package where n8n-workflow resolves: here, from this checkout's node_modules.
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
	unpacked = path.join(folder, 'package');
	loaded = loadPackage(unpacked);
}, 60_000);

afterAll(() => folder && fs.rmSync(folder, { recursive: true, force: true }));

test('holds every file n8n loads, and nothing of the source or the tests', () => {
	const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	const beside = ['capillary.svg', 'capillary.dark.svg', 'Capillary.node.json'].map((file) =>
		path.join('dist/nodes/Capillary', file),
	);
	for (const file of [...listed, ...beside])
		expect([file, fs.existsSync(path.join(unpacked, file))]).toEqual([file, true]);
	const files = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' });
	expect(files).not.toMatch(/\.ts$|\.map$|^\.\/(test|scripts|nodes|credentials)\//m);
});

test('n8n finds the node, its two credentials and their icons', () => {
	const [node] = loaded.nodes;
	expect(node.description.name).toBe('capillary');
	const credentialNames = loaded.credentials.map((type) => type.name);
	expect(credentialNames.sort()).toEqual(['capillaryBasicApi', 'capillaryOAuthApi']);
	const nodeCredentials = (node.description as { credentials?: Array<{ name: string }> })
		.credentials;
	expect(nodeCredentials?.map((credential) => credential.name).sort()).toEqual(credentialNames);
	const icons = [
		['dist/nodes/Capillary', node.description.icon],
		...loaded.credentials.map((type) => ['dist/credentials', type.icon] as const),
	] as const;
	for (const [folderOfFile, icon] of icons) {
		for (const file of Object.values(icon as Record<string, string>)) {
			const iconPath = path.join(unpacked, folderOfFile, file.replace(/^file:/, ''));
			expect([iconPath, fs.existsSync(iconPath)]).toEqual([iconPath, true]);
		}
	}
});

test('runs the main job’s example workflow in n8n’s engine', async () => {
	const file = path.join(ROOT, 'examples/enrol-and-issue-signups.json');
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson;
	const run = await runWorkflow(
		workflow,
		sandboxCredentials(sandbox, {}, loaded.credentials),
		undefined,
		{ nodeTypes: createNodeTypes({}, loaded.nodes) },
	);
	expect(run.error).toBeUndefined();
	const [success, failed] = run.outputs('Capillary');
	expect([success.length, failed.length]).toEqual([6, 4]);
	expect(sandbox.ledger.filter((entry) => entry.action === 'EARN')).toHaveLength(5);
});
