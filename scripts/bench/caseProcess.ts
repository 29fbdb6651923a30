/**
 * One benchmark case in a fresh process, so that its CPU time and peak RSS are its own.
 * Arguments: the case as JSON, the sandbox URL, and optionally a .cpuprofile path for the run.
 * Warms up, waits for the benchmark's go, runs the workflow once through the test bed (one-item
 * cases: K one-item workflows, one after the other; the node loaded from dist/: runCase sets
 * CAPILLARY_PACKAGE_DIR), measures that run only, and sends a CaseResultMessage to the benchmark.
 */
import '../../test/support/engine/environment';

import { performance } from 'perf_hooks';

import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../../test/support/engine/capillaryWorkflow';
import { searchList } from '../../test/support/engine/listSearch';
import { createNodeTypes } from '../../test/support/engine/nodeTypes';
import { runWorkflow } from '../../test/support/engine/runWorkflow';
import type { CapillarySandbox } from '../../test/sandbox';
import { benchCustomers, benchWorkflow } from './benchWorkflows';
import { isStart, type CaseResultMessage, type WarmedUpMessage } from './caseMessages';
import { CpuProfile } from './cpuProfile';
import { ENGINE_BASELINE_TYPE, engineBaselineNode } from './engineBaselineNode';
import { HTTP_REQUEST_TYPE, loadHttpRequestNode } from './httpRequestNode';
import { prepareOneItemRuns } from './oneItemRuns';
import { sendRawBatches } from './rawHttpSender';
import { REQUEST_REFERENCE_TYPE, requestReferenceNode } from './requestReferenceNode';
import { outcome, type RunOutcome } from './runOutcome';
import type { BenchCase, CaseMeasurement } from './types';

/** Customers of the warm-up run (the per-item baseline sends one request each, so fewer; one-item: executions). */
const WARM_UP_CUSTOMERS = 1000;
const WARM_UP_PER_ITEM = 50;
const WARM_UP_ONE_ITEM = 10;

async function measure(
	benchCase: BenchCase,
	sandboxUrl: string,
	profileFile: string | undefined,
): Promise<CaseMeasurement> {
	const loadedRssKb = Math.round(process.memoryUsage().rss / 1024);
	const items = benchCustomers(benchCase.customers);
	// sandboxCredentials reads only the URL of the sandbox, which runs in the benchmark's sandbox process.
	const credentials = sandboxCredentials({ url: sandboxUrl } as CapillarySandbox);
	const benchNodeTypes = {
		[ENGINE_BASELINE_TYPE]: engineBaselineNode,
		[REQUEST_REFERENCE_TYPE]: requestReferenceNode,
	};
	const extraNodeTypes =
		benchCase.kind === 'engine' || benchCase.kind === 'requests' ? benchNodeTypes : undefined;
	// One-item cases: the same node types for the warm-up and the measured executions.
	const oneItemNodeTypes =
		benchCase.kind === 'oneItem'
			? createNodeTypes(
					benchCase.via === 'httpRequest'
						? { [HTTP_REQUEST_TYPE]: loadHttpRequestNode() }
						: undefined,
				)
			: undefined;
	/** The run of some customers, with its workflow built in advance. */
	const prepare = (customers: IDataObject[]): (() => Promise<RunOutcome>) => {
		if (benchCase.kind === 'oneItem')
			return prepareOneItemRuns(
				benchCase.via,
				customers,
				sandboxUrl,
				credentials,
				oneItemNodeTypes!,
			);
		if (benchCase.kind === 'transport') {
			const { batchSize, parallelRequests } = benchCase;
			return async () => ({
				outputCounts: await sendRawBatches(sandboxUrl, customers, batchSize, parallelRequests),
			});
		}
		const { workflow, measuredNode } = benchWorkflow(benchCase, customers);
		return async () =>
			outcome(await runWorkflow(workflow, credentials, extraNodeTypes), measuredNode);
	};
	// Set up as a running n8n is, before the clock starts: the same workflow has run before, on a
	// few customers (so the code is compiled and the credential holds its OAuth token). The
	// benchmark then resets the sandbox, so that the measured run starts from the seed.
	const warmUpCustomers =
		benchCase.kind === 'perItem'
			? WARM_UP_PER_ITEM
			: benchCase.kind === 'oneItem'
				? WARM_UP_ONE_ITEM
				: WARM_UP_CUSTOMERS;
	await prepare(items.slice(0, warmUpCustomers))();
	const run = prepare(items);
	await startSignal();
	// The reset sandbox forgot the token: the program picker (no bulk request) fetches a new one.
	if (benchCase.kind !== 'engine' && benchCase.kind !== 'transport')
		await searchList(credentials, 'searchPrograms', {});
	const profile = profileFile ? new CpuProfile() : undefined;
	await profile?.start();
	(globalThis as { gc?: () => void }).gc?.();

	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const { outputCounts, error, executionWallsMs } = await run();
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
		executionWallsMs,
	};
}

/** Resolves when the benchmark, told that this process has warmed up, says to start. */
function startSignal(): Promise<void> {
	return new Promise((resolve) => {
		const onMessage = (message: unknown) => {
			if (!isStart(message)) return;
			process.off('message', onMessage);
			resolve();
		};
		process.on('message', onMessage);
		const warmedUp: WarmedUpMessage = { type: 'warmedUp' };
		process.send?.(warmedUp);
	});
}

async function main(): Promise<void> {
	const [caseJson, sandboxUrl, profileFile] = process.argv.slice(2);
	const measurement = await measure(
		JSON.parse(caseJson) as BenchCase,
		sandboxUrl,
		profileFile || undefined,
	);
	const message: CaseResultMessage = { type: 'measured', measurement };
	process.send?.(message, () => process.exit(0));
}

process.once('disconnect', () => process.exit(1));
main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
