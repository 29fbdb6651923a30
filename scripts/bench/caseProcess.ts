/**
 * One benchmark case in a fresh process, so that its CPU time and peak RSS are its own.
 * Arguments: the case as JSON, the sandbox URL, and optionally a .cpuprofile path for the run.
 * Runs the workflow once through the test bed (the node loaded from dist/), measures the run only,
 * and sends a CaseResultMessage to the benchmark.
 */
import '../../test/engine/environment';

import { performance } from 'perf_hooks';

import { sandboxCredentials } from '../../test/engine/capillaryWorkflow';
import { searchList } from '../../test/engine/listSearch';
import { runWorkflow, type WorkflowRun } from '../../test/engine/runWorkflow';
import type { CapillarySandbox } from '../../test/sandbox';
import { benchCustomers, benchWorkflow, engineBaselineWorkflow } from './benchWorkflows';
import type { CaseResultMessage } from './caseMessages';
import { CpuProfile } from './cpuProfile';
import { ENGINE_BASELINE_TYPE, engineBaselineNode } from './engineBaselineNode';
import { sendRawBatches } from './rawHttpSender';
import type { BenchCase, CaseMeasurement } from './types';

async function measure(benchCase: BenchCase, sandboxUrl: string, profileFile: string | undefined): Promise<CaseMeasurement> {
	const loadedRssKb = Math.round(process.memoryUsage().rss / 1024);
	const items = benchCustomers(benchCase.customers);
	// sandboxCredentials reads only the URL of the sandbox, which runs in the benchmark's sandbox process.
	const credentials = sandboxCredentials({ url: sandboxUrl } as CapillarySandbox);
	const baselineTypes = { [ENGINE_BASELINE_TYPE]: engineBaselineNode };
	if (benchCase.kind !== 'transport') {
		// Set up as a running n8n is, before the clock starts: the engine has run before (one
		// execution of a one-item workflow that sends nothing), and the credential holds its OAuth
		// token (fetched through the node's program picker, which sends no bulk request).
		await runWorkflow(engineBaselineWorkflow(items.slice(0, 1)), credentials, baselineTypes);
		if (benchCase.kind !== 'engine') await searchList(credentials, 'searchPrograms', {});
	}
	const prepared = benchCase.kind === 'transport' ? undefined : benchWorkflow(benchCase, items);
	const run = async (): Promise<{ outputCounts: number[]; error?: string }> => {
		if (benchCase.kind === 'transport') {
			return { outputCounts: await sendRawBatches(sandboxUrl, items, benchCase.batchSize, benchCase.parallelRequests) };
		}
		if (!prepared) throw new Error('No workflow prepared');
		const extraNodeTypes = benchCase.kind === 'engine' ? baselineTypes : undefined;
		return outcome(await runWorkflow(prepared.workflow, credentials, extraNodeTypes), prepared.measuredNode);
	};
	const profile = profileFile ? new CpuProfile() : undefined;
	await profile?.start();
	(globalThis as { gc?: () => void }).gc?.();

	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const { outputCounts, error } = await run();
	const ended = performance.now();
	const cpu = process.cpuUsage(cpuBefore);

	const maxRssKb = process.resourceUsage().maxRSS;
	if (profile && profileFile) await profile.stop(profileFile);
	return {
		startedAtMs: performance.timeOrigin + started,
		endedAtMs: performance.timeOrigin + ended,
		wallMs: ended - started,
		cpuUserMs: cpu.user / 1000,
		cpuSystemMs: cpu.system / 1000,
		maxRssKb,
		loadedRssKb,
		outputCounts,
		error,
	};
}

function outcome(run: WorkflowRun, measuredNode: string): { outputCounts: number[]; error?: string } {
	return { outputCounts: run.outputs(measuredNode).map((items) => items.length), error: run.error?.message };
}

async function main(): Promise<void> {
	const [caseJson, sandboxUrl, profileFile] = process.argv.slice(2);
	const measurement = await measure(JSON.parse(caseJson) as BenchCase, sandboxUrl, profileFile || undefined);
	const message: CaseResultMessage = { type: 'measured', measurement };
	process.send?.(message, () => process.exit(0));
}

process.once('disconnect', () => process.exit(1));
main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
