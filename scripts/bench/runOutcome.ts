import type { WorkflowRun } from '../../test/support/engine/runWorkflow';

/** What a case's measured run produced: items per output of the measured node, or its error. */
export interface RunOutcome {
	outputCounts: number[];
	error?: string;
	/** One-item cases: the wall time of each execution, in order. */
	executionWallsMs?: number[];
}

export function outcome(run: WorkflowRun, measuredNode: string): RunOutcome {
	return {
		outputCounts: run.outputs(measuredNode).map((items) => items.length),
		error: run.error?.message,
	};
}
