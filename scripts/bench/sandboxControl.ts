import type { ChildProcess } from 'child_process';

import type { SandboxCommand } from './sandboxMessages';
import { isSandboxReply } from './sandboxMessages';
import { exited, nextMessage, spawnTsx } from './tsxChild';
import type { Latency, SandboxStats } from './types';

const ANSWER_TIMEOUT_MS = 60_000;

/** The benchmark's handle on the sandbox process. */
export class SandboxControl {
	private constructor(
		private readonly child: ChildProcess,
		readonly url: string,
	) {}

	/** The sandbox answers at once until the first reset() sets a case's latency. */
	static async start(): Promise<SandboxControl> {
		const child = spawnTsx('sandboxProcess.ts', []);
		try {
			const { url } = await nextMessage(child, isSandboxReply('ready'), ANSWER_TIMEOUT_MS);
			return new SandboxControl(child, url);
		} catch (error) {
			child.kill('SIGTERM');
			throw error;
		}
	}

	/**
	 * Forgets every request, ledger entry and token, so that each case starts from the seed, and
	 * sets the case's latency (the jittered latencies' sequence starts again from its first draw).
	 */
	async reset(latency: Latency): Promise<void> {
		const answered = nextMessage(this.child, isSandboxReply('resetDone'), ANSWER_TIMEOUT_MS);
		this.send({ type: 'reset', latency });
		await answered;
	}

	async stats(): Promise<SandboxStats> {
		const answered = nextMessage(this.child, isSandboxReply('stats'), ANSWER_TIMEOUT_MS);
		this.send({ type: 'stats' });
		return (await answered).stats;
	}

	async stop(): Promise<void> {
		if (this.child.connected) this.send({ type: 'stop' });
		else this.child.kill('SIGTERM');
		await exited(this.child);
	}

	private send(command: SandboxCommand): void {
		this.child.send(command);
	}
}
