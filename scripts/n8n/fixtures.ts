/** What both scripts import into n8n: credentials pointing at the sandbox, and the example workflows. */
import { DEMO, type CapillarySandbox } from '../../test/sandbox';
import { runN8n, type N8nInstall } from './n8nProcess';
import { readExample, type Scenario, type WorkflowJson } from './scenarios';

/** Credentials for the sandbox, in the format of `n8n import:credentials` (data in clear: n8n encrypts it). */
export function sandboxCredentials(sandbox: CapillarySandbox) {
	return [
		{
			id: 'capillary-sandbox',
			name: 'Capillary sandbox',
			type: 'capillaryOAuthApi',
			data: {
				cluster: 'custom',
				baseUrl: sandbox.url,
				clientKey: DEMO.oauth.clientKey,
				clientSecret: DEMO.oauth.clientSecret,
			},
		},
		{
			id: 'capillary-sandbox-till',
			name: 'Capillary sandbox (till)',
			type: 'capillaryBasicApi',
			data: {
				cluster: 'custom',
				baseUrl: sandbox.url,
				username: DEMO.basic.username,
				password: DEMO.basic.password,
				isMd5Hash: false,
			},
		},
	];
}

/** The workflows the scenarios need, each once, with the id it is imported under. */
export function workflowsToImport(scenarios: readonly Scenario[]): WorkflowJson[] {
	const byId = new Map<string, WorkflowJson>();
	for (const scenario of scenarios) {
		if (byId.has(scenario.workflowId)) continue;
		const example = readExample(scenario.file);
		const workflow = scenario.transform ? scenario.transform(example) : example;
		// `active: false`: n8n before about 1.9x refuses a workflow without it (NOT NULL constraint).
		byId.set(scenario.workflowId, { active: false, ...workflow, id: scenario.workflowId });
	}
	return [...byId.values()];
}

/** Runs `n8n import:credentials` or `n8n import:workflow` on a file (`env`: e.g. the database to import into). */
export async function importFile(
	install: N8nInstall,
	command: string,
	file: string,
	env: Record<string, string> = {},
): Promise<void> {
	const result = await runN8n(install, [command, `--input=${file}`], { env });
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.code !== 0 || !/Successfully imported/.test(output)) {
		throw new Error(
			`n8n ${command} failed (exit ${String(result.code)}):\n${output.trim().split('\n').slice(-20).join('\n')}`,
		);
	}
}
