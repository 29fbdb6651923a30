import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Starts a TypeScript script under tsx with an IPC channel; its stdout and stderr go to ours. */
export function spawnTsx(
	script: string,
	args: string[],
	{ nodeFlags = [], env = {} }: { nodeFlags?: string[]; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
	return spawn(TSX, [...nodeFlags, path.join(__dirname, script), ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
}

/**
 * The next IPC message the child sends that `accept` takes. Rejects if the child exits first, or
 * after `timeoutMs` (then the child is killed, by its own pid).
 */
export function nextMessage<T>(
	child: ChildProcess,
	accept: (message: unknown) => message is T,
	timeoutMs: number,
): Promise<T> {
	return new Promise((resolve, reject) => {
		const onMessage = (message: unknown) => {
			if (!accept(message)) return;
			cleanUp();
			resolve(message);
		};
		const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
			cleanUp();
			reject(
				new Error(`The child process ended (${signal ?? `exit code ${code}`}) before it answered`),
			);
		};
		const timer = setTimeout(() => {
			cleanUp();
			child.kill('SIGTERM');
			reject(
				new Error(
					`The child process did not answer within ${Math.round(timeoutMs / 1000)} s: stopped`,
				),
			);
		}, timeoutMs);
		const cleanUp = () => {
			clearTimeout(timer);
			child.off('message', onMessage);
			child.off('exit', onExit);
		};
		child.on('message', onMessage);
		child.on('exit', onExit);
	});
}

/** Resolves once the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}
