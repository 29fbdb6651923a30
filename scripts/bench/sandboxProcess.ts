/**
 * The Capillary sandbox in a process of its own, so that its CPU is not counted as the node's.
 * Started by the benchmark; answers SandboxCommands over IPC (`reset` sets the case's latency) and
 * stops on `stop` or when the benchmark goes away.
 */
import { startSandbox, type CapillarySandbox } from '../../test/sandbox';
import type { SandboxCommand, SandboxReply } from './sandboxMessages';
import type { SandboxStats } from './types';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

async function main(): Promise<void> {
	const sandbox = await startSandbox();
	const reply = (message: SandboxReply) => process.send?.(message);
	const stop = () => {
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('message', (command: SandboxCommand) => {
		if (command.type === 'reset') {
			sandbox.reset();
			sandbox.setLatency(command.latency.ms, command.latency.jitter);
			reply({ type: 'resetDone' });
		} else if (command.type === 'stats') reply({ type: 'stats', stats: statsOf(sandbox) });
		else if (command.type === 'stop') stop();
	});
	process.once('disconnect', stop);
	process.once('SIGTERM', stop);
	reply({ type: 'ready', url: sandbox.url });
}

function statsOf(sandbox: CapillarySandbox): SandboxStats {
	const bulk = sandbox.requests.filter((request) => request.path === ENDPOINTS.bulkEnrolAndEarn);
	const statuses: Record<string, number> = {};
	for (const request of bulk)
		statuses[String(request.status)] = (statuses[String(request.status)] ?? 0) + 1;
	return {
		bulkRequests: bulk.length,
		customersSent: bulk.reduce((sum, request) => sum + (request.customerCount ?? 0), 0),
		tokenRequests: sandbox.requests.filter((request) => request.path === ENDPOINTS.sessionGenerate)
			.length,
		statuses,
		ledgerEntries: sandbox.ledger.length,
		bulkArrivalsMs: bulk.map((request) => request.arrivedAtMs),
		bulkLatenciesMs: bulk.map((request) => request.latencyMs),
	};
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
