import * as fs from 'fs';
import * as path from 'path';

import type { MachineDescription } from './machine';
import type { BenchOptions } from './options';
import type { BenchRow, TargetCheck } from './types';

const RESULTS_DIR = path.resolve(__dirname, '../../bench-results');

export interface BenchReport {
	startedAt: string;
	machine: MachineDescription;
	options: BenchOptions;
	rows: BenchRow[];
	targets: TargetCheck[];
}

/** Writes bench-results/bench-<date>.json and bench-results/latest.json; returns the dated file's path. */
export function writeResults(report: BenchReport): string {
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
	const file = path.join(RESULTS_DIR, `bench-${stamp}.json`);
	const text = `${JSON.stringify(report, null, '\t')}\n`;
	fs.writeFileSync(file, text);
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), text);
	return file;
}
