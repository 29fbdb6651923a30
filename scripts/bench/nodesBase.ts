import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The environment variable naming n8n-nodes-base's folder; the benchmark sets it for its case processes. */
export const NODES_BASE_DIR_ENV = 'N8N_NODES_BASE_DIR';
export const HTTP_REQUEST_FILE = 'dist/nodes/HttpRequest/HttpRequest.node.js';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Where n8n-nodes-base (n8n's real HTTP Request node) comes from, of the version of the n8n-core
 * we run, in this order: $N8N_NODES_BASE_DIR; the n8n install `npm run test:n8n` leaves in the
 * cache ($CAPILLARY_N8N_CACHE, default ~/.cache/n8n-nodes-capillary: n8n-<version>/node_modules/
 * n8n-nodes-base); else n8n-nodes-base@<version> installed once into <cache>/n8n-nodes-base-<version>
 * by scripts/n8n/lib.sh's ensure_cached_package. Returns its folder, or why there is none.
 */
export function locateNodesBase(): { dir: string } | { unavailable: string } {
	const usable = (dir: string) => fs.existsSync(path.join(dir, HTTP_REQUEST_FILE));
	const named = process.env[NODES_BASE_DIR_ENV];
	if (named)
		return usable(named)
			? { dir: named }
			: { unavailable: `${NODES_BASE_DIR_ENV} has no ${HTTP_REQUEST_FILE}` };
	const version = n8nCoreVersion();
	const cache =
		process.env.CAPILLARY_N8N_CACHE || path.join(os.homedir(), '.cache/n8n-nodes-capillary');
	const fromN8n = path.join(cache, `n8n-${version}/node_modules/n8n-nodes-base`);
	if (usable(fromN8n)) return { dir: fromN8n };
	const installed = installIntoCache(version, path.join(cache, `n8n-nodes-base-${version}`));
	if ('unavailable' in installed) return installed;
	const dir = path.join(installed.dir, 'node_modules/n8n-nodes-base');
	return usable(dir)
		? { dir }
		: { unavailable: `n8n-nodes-base@${version} installed without ${HTTP_REQUEST_FILE}` };
}

function n8nCoreVersion(): string {
	const manifest = path.join(ROOT, 'node_modules/n8n-core/package.json');
	return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function installIntoCache(version: string, dir: string): { dir: string } | { unavailable: string } {
	console.log(`Installing n8n-nodes-base@${version} into ${dir} (once) …`);
	const installed = spawnSync(
		'bash',
		[
			'-c',
			'source "$1" && ensure_cached_package n8n-nodes-base "$2" "$3"',
			'bash',
			path.join(ROOT, 'scripts/n8n/lib.sh'),
			version,
			dir,
		],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	return installed.status === 0
		? { dir }
		: { unavailable: `n8n-nodes-base@${version} could not be installed (see above)` };
}
