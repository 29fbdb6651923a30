/**
 * The main job: runs examples/enrol-and-issue-signups.json through n8n's real engine, in-process,
 * against the Capillary sandbox, and prints where every sign-up went.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeExecutionData } from 'n8n-workflow';

import { sandboxCredentials } from '../test/support/engine/capillaryWorkflow';
import { runWorkflow, type WorkflowJson } from '../test/support/engine/runWorkflow';
import { startSandbox } from '../test/sandbox';

const EXAMPLE = path.resolve(__dirname, '../examples/enrol-and-issue-signups.json');

async function main() {
	const sandbox = await startSandbox();
	try {
		const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as WorkflowJson;
		console.log(`Workflow: ${workflow.name}`);
		console.log(`Capillary sandbox: ${sandbox.url}\n`);
		const started = Date.now();
		const run = await runWorkflow(workflow, sandboxCredentials(sandbox));
		if (run.error) throw run.error;
		const [success = [], failed = []] = run.outputs('Capillary');
		printTable([
			...success.map((i) => ['Success', i] as const),
			...failed.map((i) => ['Failed', i] as const),
		]);
		const requests = sandbox.requests.filter((r) => r.bulkAction).length;
		const count = (action: string) => sandbox.ledger.filter((e) => e.action === action).length;
		console.log(
			`\n${success.length + failed.length} items: ${success.length} on Success, ${failed.length} on Failed. ` +
				`${requests} bulk requests; the sandbox applied ${count('ENROL')} enrolments and ${count('EARN')} issues ` +
				`in ${Date.now() - started} ms.`,
		);
	} finally {
		await sandbox.close();
	}
}

function printTable(rows: ReadonlyArray<readonly [string, INodeExecutionData]>) {
	const ordered = [...rows].sort((a, b) => itemOf(a[1]) - itemOf(b[1]));
	const table = ordered.map(([output, item]) => {
		const { json } = item;
		const error = json.error as { kind: string; code: unknown; message: string } | undefined;
		return [
			String(itemOf(item)),
			String(json.name ?? ''),
			`${String(json.identifierName ?? '')} ${String(json.identifierValue ?? '')}`.trim(),
			output,
			error
				? `${error.kind}${error.code === null ? '' : ` ${String(error.code)}`}: ${error.message}`
				: `issualId ${String(json.issualId)}, earnedId ${String(json.earnedId)}${json.duplicateOf !== undefined ? ` (duplicate of item ${String(json.duplicateOf)})` : ''}`,
		];
	});
	const header = ['item', 'name', 'customer', 'output', 'ids or error'];
	const widths = header.map((h, c) =>
		Math.max(h.length, ...table.map((r) => Math.min(r[c].length, 40))),
	);
	const line = (cells: string[]) =>
		cells
			.map((cell, c) => (c === cells.length - 1 ? cell : cell.slice(0, 40).padEnd(widths[c])))
			.join('  ');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of table) console.log(line(row));
}

function itemOf(item: INodeExecutionData): number {
	const paired = item.pairedItem as { item: number } | undefined;
	return paired?.item ?? 0;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
