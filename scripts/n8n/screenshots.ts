/**
 * `npm run screenshots` (screenshots.sh installs n8n 2.x, the packed package, Chromium and
 * playwright-core first): starts the Capillary sandbox and `n8n start`, creates the owner account
 * through n8n's REST API, imports the sandbox credentials and the example workflows, and captures the
 * editor in headless Chromium into docs/images/.
 *
 *   tsx scripts/n8n/screenshots.ts --version V --node NODE --dir N8N_DIR --home USER_FOLDER --playwright DIR --out DIR
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startSandbox, type CapillarySandbox } from '../../test/sandbox';
import { importFile, sandboxCredentials } from './fixtures';
import { startN8nServer, type N8nInstall, type N8nServer } from './n8nProcess';
import { readExample } from './scenarios';

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Capillary-demo-2026',
};
const VIEWPORT = { width: 1440, height: 900 };
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Imported under these ids, so that the editor can open them by URL. */
const WORKFLOWS = {
	signups: ['enrol-and-issue-signups.json', 'capSignupsDemo'],
	webhook: ['webhook-signup-enrol-and-issue.json', 'capWebhookSignup'],
	backfill: ['backfill-issue-from-spreadsheet.json', 'capBackfillSheet'],
	alert: ['failed-customers-alert.json', 'capFailedAlert'],
} as const;

function argument(name: string): string {
	const index = process.argv.indexOf(`--${name}`);
	const value = index >= 0 ? process.argv[index + 1] : undefined;
	if (!value) throw new Error(`missing --${name}`);
	return value;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- playwright-core is loaded from the cache, untyped */
type Page = any;

interface Shot {
	file: string;
	what: string;
	take: (page: Page, url: string) => Promise<void>;
}

async function openWorkflow(page: Page, url: string, id: string): Promise<void> {
	await page.goto(`${url}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	await page.waitForTimeout(1000);
}

async function openCapillaryNode(page: Page): Promise<void> {
	await page.locator('[data-test-id="canvas-node"][data-node-name="Capillary"]').dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor();
	await page.waitForTimeout(1000);
}

async function openCredential(page: Page, url: string, id: string): Promise<void> {
	await page.goto(`${url}/home/credentials/${id}`);
	await page.locator('[data-test-id="editCredential-modal"]').waitFor();
	// n8n tests a saved credential when its form opens: wait for the verdict.
	await page.getByText('Connection tested successfully').waitFor({ timeout: 30_000 });
	await page.waitForTimeout(500);
}

async function expectText(page: Page, text: string): Promise<void> {
	await page.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
}

/** Waits until an input inside `selector` shows `value` (a picker shows its choice as an input value). */
async function expectInputValue(page: Page, selector: string, value: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	let seen: string[] = [];
	while (Date.now() < deadline) {
		seen = (await page
			.locator(`${selector} input`)
			.evaluateAll((inputs: Array<{ value: string }>) => inputs.map((i) => i.value))) as string[];
		if (seen.includes(value)) return;
		await page.waitForTimeout(250);
	}
	throw new Error(`${selector} shows ${JSON.stringify(seen)}, not "${value}"`);
}

const SHOTS: Shot[] = [
	{
		file: 'node-parameters.png',
		what: 'the Capillary node (Enrol and Issue) with its program and promotion pickers',
		async take(page, url) {
			await openWorkflow(page, url, WORKFLOWS.webhook[1]);
			await openCapillaryNode(page);
			await expectInputValue(
				page,
				'[data-test-id="resource-locator-programId"]',
				'Demo Rewards (469)',
			);
			await expectInputValue(
				page,
				'[data-test-id="resource-locator-promotion"]',
				'Welcome 10 · Enrol & Issue · LIVE · 57099',
			);
		},
	},
	{
		file: 'node-promotion-picker.png',
		what: 'the promotion picker open, listing the program’s promotions from Capillary',
		async take(page, url) {
			await openWorkflow(page, url, WORKFLOWS.webhook[1]);
			await openCapillaryNode(page);
			await page
				.locator('[data-test-id="resource-locator-promotion"] [data-test-id="rlc-input"]')
				.click();
			await expectText(page, 'Birthday 2026 · Direct Issue · LIVE · 69218');
			await page.waitForTimeout(500);
		},
	},
	{
		file: 'credential-oauth.png',
		what: 'the Capillary OAuth API credential form, tested against the sandbox',
		take: async (page, url) => await openCredential(page, url, 'capillary-sandbox'),
	},
	{
		file: 'credential-basic.png',
		what: 'the Capillary Basic Auth API (till) credential form, tested against the sandbox',
		take: async (page, url) => await openCredential(page, url, 'capillary-sandbox-till'),
	},
	{
		file: 'executed-workflow.png',
		what: 'the sign-ups example after a manual run: 6 items on Success, 4 on Failed',
		async take(page, url) {
			await openWorkflow(page, url, WORKFLOWS.signups[1]);
			await page.locator('[data-test-id="execute-workflow-button"]').click();
			await expectText(page, '6 items');
			await expectText(page, '4 items');
			await page.waitForTimeout(1000);
		},
	},
	{
		file: 'executed-failed-branch.png',
		what: 'the same run, Capillary’s Failed branch: each failure with its kind, code, message and outcome',
		async take(page, url) {
			await openWorkflow(page, url, WORKFLOWS.signups[1]);
			await page.locator('[data-test-id="execute-workflow-button"]').click();
			await expectText(page, '4 items');
			await openCapillaryNode(page);
			await page.getByText('Failed Branch (4 items)').click();
			await page
				.locator('[data-test-id="output-panel"] [data-test-id="radio-button-json"]')
				.click();
			await expectText(page, '"invalid_input"');
			await page.waitForTimeout(500);
		},
	},
];

/** The editor's node list must hold the node and the tool variant n8n derives from `usableAsTool`. */
async function checkNodeTypes(context: any, url: string, failures: string[]): Promise<void> {
	const response = await context.request.get(`${url}/types/nodes.json`);
	const types = response.ok()
		? ((await response.json()) as Array<{ name: string; displayName: string }>)
		: [];
	for (const name of ['n8n-nodes-capillary.capillary', 'n8n-nodes-capillary.capillaryTool']) {
		const type = types.find((t) => t.name === name);
		if (type) console.log(`  node type ${name} ("${type.displayName}") is registered`);
		else
			failures.push(
				`node type ${name} is not in ${url}/types/nodes.json (HTTP ${response.status()})`,
			);
	}
}

async function setUpOwner(server: N8nServer): Promise<void> {
	const response = await fetch(`${server.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok)
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
}

async function main(): Promise<void> {
	const install: N8nInstall = {
		version: argument('version'),
		node: argument('node'),
		dir: argument('dir'),
		home: argument('home'),
	};
	const out = path.resolve(argument('out'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- found at run time in the cache
	const playwright = require(
		path.join(argument('playwright'), 'node_modules/playwright-core'),
	) as any;
	const only = process.env.SHOTS ? process.env.SHOTS.split(',') : undefined;
	fs.mkdirSync(out, { recursive: true });
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capillary-shots-'));
	let sandbox: CapillarySandbox | undefined;
	let server: N8nServer | undefined;
	let context: any;
	const failures: string[] = [];
	try {
		sandbox = await startSandbox();
		fs.writeFileSync(
			path.join(work, 'credentials.json'),
			JSON.stringify(sandboxCredentials(sandbox)),
		);
		await importFile(install, 'import:credentials', path.join(work, 'credentials.json'));
		const workflows = Object.values(WORKFLOWS).map(([file, id]) => ({ ...readExample(file), id }));
		fs.writeFileSync(path.join(work, 'workflows.json'), JSON.stringify(workflows));
		await importFile(install, 'import:workflow', path.join(work, 'workflows.json'));
		server = await startN8nServer(install, path.join(work, 'n8n.log'));
		await setUpOwner(server);
		console.log(
			`n8n ${install.version} at ${server.url}, owner ${OWNER.email}; sandbox at ${sandbox.url}`,
		);

		context = await playwright.chromium.launchPersistentContext(
			path.join(work, 'chromium-profile'),
			{
				executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
				headless: true,
				args: CHROMIUM_FLAGS,
				viewport: VIEWPORT,
			},
		);
		// Only loopback: the editor may try to reach n8n's cloud services; nothing leaves the machine.
		await context.route('**/*', (route: any) => {
			const { protocol, hostname } = new URL(route.request().url());
			const local =
				['data:', 'blob:'].includes(protocol) ||
				['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
			return local ? route.continue() : route.abort();
		});
		const login = await context.request.post(`${server.url}/rest/login`, {
			data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
		});
		if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
		await checkNodeTypes(context, server.url, failures);

		for (const shot of SHOTS) {
			if (only && !only.includes(shot.file)) continue;
			sandbox.reset();
			const page = await context.newPage();
			try {
				await shot.take(page, server.url);
				// "Workflow executed successfully" and similar toasts would cover the output panel.
				await page.addStyleTag({ content: '.el-notification { display: none !important; }' });
				await page.screenshot({ path: path.join(out, shot.file) });
				console.log(
					`  saved  ${path.join(path.relative(process.cwd(), out), shot.file)}: ${shot.what}`,
				);
			} catch (error) {
				const debug = path.join(work, `FAILED-${shot.file}`);
				await page.screenshot({ path: debug }).catch(() => undefined);
				failures.push(
					`${shot.file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
				);
				console.log(`  FAIL   ${shot.file}: ${failures[failures.length - 1]}`);
				if (fs.existsSync(debug))
					fs.copyFileSync(debug, path.join(os.tmpdir(), `capillary-FAILED-${shot.file}`));
			} finally {
				await page.close();
			}
		}
	} catch (error) {
		failures.push(error instanceof Error ? error.message : String(error));
		console.log(`  FAIL   ${failures[failures.length - 1]}`);
	} finally {
		if (failures.length > 0 && fs.existsSync(path.join(work, 'n8n.log'))) {
			fs.copyFileSync(
				path.join(work, 'n8n.log'),
				path.join(os.tmpdir(), 'capillary-screenshots-n8n.log'),
			);
			console.log(
				`  (what failed: ${path.join(os.tmpdir(), 'capillary-FAILED-*.png')}, n8n's log: ${path.join(os.tmpdir(), 'capillary-screenshots-n8n.log')})`,
			);
		}
		await context?.close().catch(() => undefined);
		await server?.stop();
		await sandbox?.close();
		fs.rmSync(work, { recursive: true, force: true });
	}
	console.log(
		failures.length === 0 ? 'screenshots: PASS' : `screenshots: FAIL (${failures.length})`,
	);
	process.exitCode = failures.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exitCode = 1;
});
