import * as os from 'os';

export interface MachineDescription {
	cpuModel: string;
	/** What `nproc` prints: the CPUs this process may run on. */
	cpus: number;
	memoryGb: number;
	node: string;
	os: string;
	/** 1, 5 and 15 minute load averages when the benchmark started. */
	loadAverage: number[];
}

export function describeMachine(): MachineDescription {
	return {
		cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
		cpus: os.availableParallelism(),
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
	};
}

export function formatMachine(machine: MachineDescription): string {
	return `${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`;
}
