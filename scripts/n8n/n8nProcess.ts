/**
 * Runs the real n8n CLI (a cached install, see lib.sh) as child processes: one-shot commands
 * (`import:credentials`, `import:workflow`, `execute`) and the server (`n8n start`).
 * Every child gets its own process group, so that n8n's task-runner children end with it.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';

export interface N8nInstall {
	version: string;
	/** The Node binary that runs this n8n (Node 24 for 2.x). */
	node: string;
	/** The n8n install directory (holds node_modules/n8n). */
	dir: string;
	/** N8N_USER_FOLDER: its .n8n/nodes holds the installed community package. */
	home: string;
}

export interface CommandResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	timedOut: boolean;
}

const running = new Set<ChildProcess>();

/** Ends every child this process started, and their children. */
export function killAll(): void {
	for (const child of running) killGroup(child, 'SIGKILL');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		killAll();
		process.exit(130);
	});
}
process.once('exit', killAll);

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

export function n8nMajor(install: N8nInstall): number {
	return Number(install.version.split('.')[0]);
}

/** The environment every n8n command gets: isolated from ~/.n8n, quiet, offline. */
export function n8nEnv(install: N8nInstall, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const key of Object.keys(env))
		if (key.startsWith('N8N_') || key.startsWith('DB_')) delete env[key];
	return {
		...env,
		N8N_USER_FOLDER: install.home,
		// `execute --rawOutput` prints the run through the logger: below "info" it prints nothing.
		N8N_LOG_LEVEL: 'info',
		N8N_ENCRYPTION_KEY: 'capillary-n8n-test-encryption-key',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		// n8n 1.123's default "vm" expression engine needs isolated-vm 6, which has builds for
		// Node 22 and 24 only: on Node 20, n8n 1.x must use its legacy engine or it does not start.
		...(n8nMajor(install) === 1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
		...extra,
	};
}

function n8nArgs(install: N8nInstall, args: readonly string[]): string[] {
	return [`${install.dir}/node_modules/n8n/bin/n8n`, ...args];
}

/** Runs one n8n command to its end (killed after timeoutMs). */
export async function runN8n(
	install: N8nInstall,
	args: readonly string[],
	options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<CommandResult> {
	const brokerPort = await freePort();
	const started = Date.now();
	const child = spawn(install.node, n8nArgs(install, args), {
		env: n8nEnv(install, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...options.env }),
		cwd: install.home,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		killGroup(child, 'SIGTERM');
		setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
	}, options.timeoutMs ?? 180_000);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
		child.once('close', (c, s) => resolve([c, s]));
		child.once('error', (error) => {
			stderr += String(error);
			resolve([null, null]);
		});
	});
	clearTimeout(timer);
	killGroup(child, 'SIGKILL'); // a task runner left behind
	running.delete(child);
	return { code, signal, stdout, stderr, ms: Date.now() - started, timedOut };
}

export interface N8nServer {
	url: string;
	logFile: string;
	stop(): Promise<void>;
}

/**
 * Starts `n8n start` on a free loopback port and waits until /healthz answers. `env` is added to the
 * environment (queue mode: the database and Redis settings).
 */
export async function startN8nServer(
	install: N8nInstall,
	logFile: string,
	timeoutMs = 180_000,
	env: Record<string, string> = {},
): Promise<N8nServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	return await startN8nProcess(
		install,
		['start'],
		logFile,
		`${url}/healthz/readiness`,
		url,
		timeoutMs,
		{
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_EDITOR_BASE_URL: url,
			WEBHOOK_URL: `${url}/`,
			N8N_PUSH_BACKEND: 'websocket',
			// n8n 2.x refreshes an MCP server list from api.n8n.io, which this machine cannot reach.
			...(n8nMajor(install) >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
			...env,
		},
	);
}

/**
 * Starts `n8n worker` (queue mode; `env` says where the database and Redis are) and waits until its
 * health server, on a free loopback port, says it is ready. `url` is that health server's.
 */
export async function startN8nWorker(
	install: N8nInstall,
	logFile: string,
	env: Record<string, string>,
	concurrency: number,
	timeoutMs = 180_000,
): Promise<N8nServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	return await startN8nProcess(
		install,
		['worker', `--concurrency=${concurrency}`],
		logFile,
		`${url}/healthz/readiness`,
		url,
		timeoutMs,
		{
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_DISABLED_MODULES: 'mcp-registry',
			...env,
		},
	);
}

async function startN8nProcess(
	install: N8nInstall,
	args: readonly string[],
	logFile: string,
	readyUrl: string,
	url: string,
	timeoutMs: number,
	env: Record<string, string>,
): Promise<N8nServer> {
	const brokerPort = await freePort();
	const log = fs.openSync(logFile, 'w');
	const child = spawn(install.node, n8nArgs(install, args), {
		env: n8nEnv(install, { N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
		cwd: install.home,
		detached: true,
		stdio: ['ignore', log, log],
	});
	running.add(child);
	const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
	const stop = async (): Promise<void> => {
		killGroup(child, 'SIGTERM');
		const killer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
		await exited;
		clearTimeout(killer);
		killGroup(child, 'SIGKILL');
		running.delete(child);
		fs.closeSync(log);
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) break;
		try {
			const response = await fetch(readyUrl);
			if (response.ok) return { url, logFile, stop };
		} catch {
			// not listening yet
		}
		await sleep(1000);
	}
	await stop();
	const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
	throw new Error(`n8n ${install.version} ${args[0]} did not become ready at ${url}:\n${tail}`);
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The JSON that `n8n execute --rawOutput` printed (stdout may carry log lines before it). */
export function parseRawOutput(stdout: string): unknown {
	const start = stdout.search(/^\{/m);
	if (start < 0) throw new Error('n8n printed no execution JSON');
	return JSON.parse(stdout.slice(start)) as unknown;
}
