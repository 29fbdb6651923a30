import * as path from 'path';

import { isCaseResult, isWarmedUp, type StartMessage } from './caseMessages';
import { caseName } from './caseName';
import type { SandboxControl } from './sandboxControl';
import { exited, nextMessage, spawnTsx } from './tsxChild';
import type { BenchCase, CaseMeasurement, SandboxStats } from './types';

export interface CaseRunSettings {
	sandbox: SandboxControl;
	timeoutMs: number;
	/** Node.js flags for the child; --expose-gc is always given, so each run starts from a collected heap. */
	nodeFlags: string[];
	/** Directory for a .cpuprofile of each case's run, if profiling. */
	profileDir?: string;
}

/**
 * Runs one case in a fresh child process, against the sandbox at the case's latency. The child
 * warms up first (as a running n8n has run workflows before); the sandbox is then reset, so that
 * the measured run starts from the seed and from the first of the jittered latencies.
 */
export async function runCase(
	benchCase: BenchCase,
	{ sandbox, timeoutMs, nodeFlags, profileDir }: CaseRunSettings,
): Promise<{ measurement: CaseMeasurement; sandbox?: SandboxStats }> {
	await sandbox.reset(benchCase.latency);
	const profileFile = profileDir ? path.join(profileDir, `${caseName(benchCase)}.cpuprofile`) : '';
	const child = spawnTsx('caseProcess.ts', [JSON.stringify(benchCase), sandbox.url, profileFile], {
		nodeFlags: ['--expose-gc', ...nodeFlags],
		// The benchmark measures the build (`npm run bench` builds first), not the source under tsx.
		env: { CAPILLARY_PACKAGE_DIR: path.resolve(__dirname, '../..') },
	});
	try {
		await nextMessage(child, isWarmedUp, timeoutMs);
		await sandbox.reset(benchCase.latency);
		const start: StartMessage = { type: 'start' };
		child.send(start);
		const { measurement } = await nextMessage(child, isCaseResult, timeoutMs);
		await exited(child);
		return {
			measurement,
			sandbox: benchCase.kind === 'engine' ? undefined : await sandbox.stats(),
		};
	} finally {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
	}
}

/** Runs a case `repeat` times and keeps the run with the shortest wall time; also returns every wall time. */
export async function runFastestOf(
	repeat: number,
	benchCase: BenchCase,
	settings: CaseRunSettings,
): Promise<{ fastest: Awaited<ReturnType<typeof runCase>>; wallTimesMs: number[] }> {
	let fastest: Awaited<ReturnType<typeof runCase>> | undefined;
	const wallTimesMs: number[] = [];
	for (let run = 0; run < repeat; run++) {
		const result = await runCase(benchCase, settings);
		wallTimesMs.push(result.measurement.wallMs);
		if (!fastest || result.measurement.wallMs < fastest.measurement.wallMs) fastest = result;
	}
	return { fastest: fastest!, wallTimesMs };
}
