/**
 * One n8n version of `npm run test:n8n` (test-n8n.sh calls it once per version, after installing n8n
 * and the packed package): starts the Capillary sandbox, imports credentials pointing at it and the
 * example workflows with n8n's CLI, runs every scenario with `n8n execute --id ... --rawOutput`, and
 * checks the items on each output and what the sandbox applied.
 *
 *   tsx scripts/n8n/run-examples.ts --version V --node NODE --dir N8N_DIR --home USER_FOLDER --results FILE
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startSandbox } from '../../test/sandbox';
import { importFile, sandboxCredentials, workflowsToImport } from './fixtures';
import { parseRawOutput, runN8n, type N8nInstall } from './n8nProcess';
import { Expect, RunView, SCENARIOS } from './scenarios';

export interface ScenarioResult {
	version: string;
	key: string;
	pass: boolean;
	detail: string;
	failures: string[];
	ms: number;
}

function argument(name: string): string {
	const index = process.argv.indexOf(`--${name}`);
	const value = index >= 0 ? process.argv[index + 1] : undefined;
	if (!value) throw new Error(`missing --${name}`);
	return value;
}

async function main(): Promise<void> {
	const install: N8nInstall = {
		version: argument('version'),
		node: argument('node'),
		dir: argument('dir'),
		home: argument('home'),
	};
	const resultsFile = argument('results');
	const results: ScenarioResult[] = [];
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capillary-n8n-'));
	const sandbox = await startSandbox();
	try {
		const credentialsFile = path.join(work, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandbox), null, 2));
		await importFile(install, 'import:credentials', credentialsFile);
		const workflowsFile = path.join(work, 'workflows.json');
		fs.writeFileSync(workflowsFile, JSON.stringify(workflowsToImport(SCENARIOS), null, 2));
		await importFile(install, 'import:workflow', workflowsFile);
		console.log(
			`n8n ${install.version}: imported 2 credentials and ${workflowsToImport(SCENARIOS).length} workflows; sandbox at ${sandbox.url}`,
		);

		for (const scenario of SCENARIOS) {
			sandbox.reset();
			await scenario.before?.(sandbox);
			const result = await runN8n(install, [
				'execute',
				`--id=${scenario.workflowId}`,
				'--rawOutput',
			]);
			const expect = new Expect();
			let detail = '';
			try {
				if (result.timedOut) throw new Error('n8n execute timed out');
				const run = new RunView(
					parseRawOutput(result.stdout) as ConstructorParameters<typeof RunView>[0],
				);
				expect.that(result.code === 0, `n8n execute exited with ${String(result.code)}`);
				expect.that(run.error === undefined, `the execution failed: ${String(run.error)}`);
				for (const node of scenario.capillaryNodes ?? ['Capillary']) {
					expect.that(
						run.ran(node),
						`the Capillary node "${node}" did not run (ran: ${run.nodeNames().join(', ')})`,
					);
					expect.that(
						run.nodeError(node) === undefined,
						`the Capillary node "${node}" failed: ${String(run.nodeError(node))}`,
					);
				}
				await scenario.check(run, sandbox, expect);
				detail = scenario.describe(run);
			} catch (error) {
				const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-15).join('\n');
				expect.failures.push(
					`${error instanceof Error ? error.message : String(error)} (exit ${String(result.code)})\n${tail}`,
				);
			}
			const pass = expect.failures.length === 0;
			results.push({
				version: install.version,
				key: scenario.key,
				pass,
				detail,
				failures: expect.failures,
				ms: result.ms,
			});
			console.log(
				`  ${pass ? 'PASS' : 'FAIL'}  ${scenario.key.padEnd(64)} ${(result.ms / 1000).toFixed(1).padStart(5)} s  ${detail}`,
			);
			for (const failure of expect.failures)
				console.log(`        - ${failure.replace(/\n/g, '\n          ')}`);
		}
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.log(`  FAIL  setup: ${message}`);
		results.push({
			version: install.version,
			key: 'setup',
			pass: false,
			detail: '',
			failures: [message],
			ms: 0,
		});
	} finally {
		await sandbox.close();
		fs.rmSync(work, { recursive: true, force: true });
		fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
	}
	process.exitCode = results.every((r) => r.pass) ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exitCode = 1;
});
