/**
 * The queue-mode run of `npm run test:n8n` (test-n8n.sh starts Redis and PostgreSQL on loopback ports
 * first, and stops them after): n8n main with EXECUTIONS_MODE=queue and two `n8n worker` processes,
 * all on one PostgreSQL database and one Redis, and an active webhook-triggered workflow that enrols
 * and issues the customers posted to it. Requests are posted to main's production webhook; main puts
 * each execution on the queue, a worker runs it, and main answers the request with its result.
 *
 *   tsx scripts/n8n/queue-mode.ts --version V --node NODE --dir N8N_DIR --home USER_FOLDER
 *     --redis-port P --postgres-port P --logs DIR --results FILE
 *
 * Phases (one sandbox, one n8n; each phase posts new customers):
 *   warm-up      one request: the OAuth token is fetched once and saved in the credential store;
 *   concurrent   20 requests of 50 customers at once: every execution ran on a worker (not on main),
 *                each customer is on the right output and applied exactly once, and no token is
 *                fetched: both workers use the stored one;
 *   token expiry the same, with every token expired when the phase's first request reaches the
 *                sandbox: each execution refused gets a new token once, customers applied once;
 *   paced        20 requests of 50, Batch Size 10, Max Requests Per Minute set: the rate the sandbox
 *                sees, from both workers together.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startSandbox, type CapillarySandbox } from '../../test/sandbox';
import { importFile, sandboxCredentials } from './fixtures';
import {
	runN8n,
	startN8nServer,
	startN8nWorker,
	type N8nInstall,
	type N8nServer,
} from './n8nProcess';
import { Expect, type WorkflowJson } from './scenarios';
import type { ScenarioResult } from './run-examples';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const WORKERS = 2;
const WORKER_CONCURRENCY = 10;
const REQUESTS = 20;
const CUSTOMERS_PER_REQUEST = 50;
const PACED_PER_MINUTE = 300;
const PACED_BATCH_SIZE = 10;
const USER_GROUP_MOBILE = '919777000001';

function argument(name: string): string {
	const index = process.argv.indexOf(`--${name}`);
	const value = index >= 0 ? process.argv[index + 1] : undefined;
	if (!value) throw new Error(`missing --${name}`);
	return value;
}

/** The database and Redis every n8n process of the run shares. */
function queueEnv(redisPort: string, postgresPort: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: redisPort,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: postgresPort,
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_DATABASE: 'n8n',
	};
}

interface PostedCustomer {
	identifierName: 'mobile';
	identifierValue: string;
	expect: 'success' | 'rejected 8015' | 'rejected 8899' | 'invalid_input';
}

/**
 * 50 customers for request `r` of phase `phase`: 47 sandbox customers (enrolled and issued), one
 * unknown mobile (8015), the sandbox's user group (8899) and one mobile too short to send.
 */
function customersFor(phase: number, r: number): PostedCustomer[] {
	const customers: PostedCustomer[] = [];
	for (let j = 0; j < CUSTOMERS_PER_REQUEST - 3; j++) {
		const k = 100_000 * phase + 100 * r + j;
		customers.push({
			identifierName: 'mobile',
			identifierValue: `9190${String(k).padStart(8, '0')}`,
			expect: 'success',
		});
	}
	const unknown = 100_000 * phase + 100 * r + 99;
	customers.push({
		identifierName: 'mobile',
		identifierValue: `9191${String(unknown).padStart(8, '0')}`,
		expect: 'rejected 8015',
	});
	customers.push({
		identifierName: 'mobile',
		identifierValue: USER_GROUP_MOBILE,
		expect: 'rejected 8899',
	});
	customers.push({ identifierName: 'mobile', identifierValue: '12345', expect: 'invalid_input' });
	return customers;
}

/** Webhook → Split Out → Capillary (Enrol and Issue) → Summary, which the webhook answers with. */
function queueWorkflow(
	index: number,
	id: string,
	webhookPath: string,
	options: Record<string, unknown>,
): WorkflowJson {
	const node = (n: number) =>
		`5b7a0c1e-2d3f-4a5b-9c6d-${String(index).padStart(4, '0')}${String(n).padStart(8, '0')}`;
	return {
		id,
		active: false,
		name: `Queue mode: ${webhookPath}`,
		nodes: [
			{
				id: node(1),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: node(9),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					responseData: 'firstEntryJson',
					options: {},
				},
			},
			{
				id: node(2),
				name: 'Customers',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.customers', options: {} },
			},
			{
				id: node(3),
				name: 'Capillary',
				type: 'n8n-nodes-capillary.capillary',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					authentication: 'oAuth',
					resource: 'loyaltyPromotion',
					operation: 'enrolAndEarn',
					programId: { __rl: true, mode: 'id', value: '469' },
					promotion: { __rl: true, mode: 'id', value: '57099' },
					identifierName: '={{ $json.identifierName }}',
					identifierValue: '={{ $json.identifierValue }}',
					source: 'WEBSITE',
					options,
				},
				credentials: { capillaryOAuthApi: { id: 'capillary-sandbox', name: 'Capillary sandbox' } },
			},
			{
				id: node(4),
				name: 'Summary',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [660, 0],
				parameters: {
					jsCode: [
						"const success = $('Capillary').all(0).map((item) => item.json.identifierValue);",
						"const failed = $('Capillary').all(1).map((item) => {",
						'  const error = item.json.error || {};',
						"  return { value: item.json.identifierValue, kind: error.kind + (error.code ? ' ' + error.code : '') };",
						'});',
						'return [{ json: { executionId: $execution.id, success, failed } }];',
					].join('\n'),
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Customers', type: 'main', index: 0 }]] },
			Customers: { main: [[{ node: 'Capillary', type: 'main', index: 0 }]] },
			Capillary: { main: [[{ node: 'Summary', type: 'main', index: 0 }], []] },
		},
		settings: { executionOrder: 'v1' },
	};
}

interface Answer {
	status: number;
	body:
		| { executionId?: string; success?: string[]; failed?: Array<{ value: string; kind: string }> }
		| string;
	customers: PostedCustomer[];
}

async function post(url: string, customers: PostedCustomer[]): Promise<Answer> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			customers: customers.map(({ identifierName, identifierValue }) => ({
				identifierName,
				identifierValue,
			})),
		}),
		signal: AbortSignal.timeout(180_000),
	});
	const text = await response.text();
	let body: Answer['body'] = text;
	try {
		body = JSON.parse(text) as Answer['body'];
	} catch {
		// not JSON: kept as text for the report
	}
	return { status: response.status, body, customers };
}

/** Which worker ran each execution, from the workers' "Worker finished execution N" log lines. */
function executionsByWorker(workers: N8nServer[]): Map<string, number[]> {
	const byExecution = new Map<string, number[]>();
	workers.forEach((worker, index) => {
		for (const match of fs
			.readFileSync(worker.logFile, 'utf8')
			.matchAll(/Worker finished execution (\d+)/g)) {
			byExecution.set(match[1], [...(byExecution.get(match[1]) ?? []), index + 1]);
		}
	});
	return byExecution;
}

/** Checks the answers of one phase and what the sandbox applied for its customers. */
function checkAnswers(
	answers: Answer[],
	sandbox: CapillarySandbox,
	workers: N8nServer[],
	mainLog: string,
	expect: Expect,
): Map<number, number> {
	const ran = executionsByWorker(workers);
	const perWorker = new Map<number, number>();
	const mainText = fs.readFileSync(mainLog, 'utf8');
	for (const [index, answer] of answers.entries()) {
		if (answer.status !== 200 || typeof answer.body !== 'object') {
			expect.that(
				false,
				`request ${index + 1}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
			);
			continue;
		}
		const { executionId, success = [], failed = [] } = answer.body;
		const where = ran.get(String(executionId)) ?? [];
		expect.that(
			where.length === 1,
			`execution ${String(executionId)} finished on ${where.length} workers (${where.join(', ')})`,
		);
		for (const worker of where) perWorker.set(worker, (perWorker.get(worker) ?? 0) + 1);
		// Main puts a production execution on the queue ("Enqueued execution N") and runs none itself.
		expect.that(
			new RegExp(`Enqueued execution ${String(executionId)} `).test(mainText),
			`main did not enqueue execution ${String(executionId)}`,
		);
		expect.that(
			!new RegExp(`Worker (started|finished) execution ${String(executionId)} `).test(mainText),
			`execution ${String(executionId)} ran on main`,
		);
		const expectedSuccess = answer.customers
			.filter((c) => c.expect === 'success')
			.map((c) => c.identifierValue);
		const expectedFailed = answer.customers
			.filter((c) => c.expect !== 'success')
			.map((c) => `${c.identifierValue} ${c.expect}`);
		expect.equal(
			[...success].sort(),
			[...expectedSuccess].sort(),
			`request ${index + 1}: Success customers`,
		);
		expect.equal(
			failed.map((f) => `${f.value} ${f.kind}`).sort(),
			[...expectedFailed].sort(),
			`request ${index + 1}: Failed customers and kinds`,
		);
	}
	const posted = answers.flatMap((answer) =>
		answer.customers.filter((c) => c.expect === 'success').map((c) => c.identifierValue),
	);
	for (const action of ['ENROL', 'EARN'] as const) {
		const applied = new Map<string, number>();
		for (const entry of sandbox.ledger) {
			if (entry.action === action)
				applied.set(entry.identifierValue, (applied.get(entry.identifierValue) ?? 0) + 1);
		}
		const wrong = posted.filter((value) => applied.get(value) !== 1);
		expect.that(
			wrong.length === 0,
			`${action}: ${wrong.length} customers not applied exactly once (first: ${wrong
				.slice(0, 3)
				.map((v) => `${v}×${applied.get(v) ?? 0}`)
				.join(', ')})`,
		);
	}
	return perWorker;
}

const tokenRequests = (sandbox: CapillarySandbox, since: number) =>
	sandbox.requests.slice(since).filter((r) => r.path === ENDPOINTS.sessionGenerate);
const bulkRequests = (sandbox: CapillarySandbox, since: number) =>
	sandbox.requests.slice(since).filter((r) => r.path === ENDPOINTS.bulkEnrolAndEarn);

async function main(): Promise<void> {
	const install: N8nInstall = {
		version: argument('version'),
		node: argument('node'),
		dir: argument('dir'),
		home: argument('home'),
	};
	const env = queueEnv(argument('redis-port'), argument('postgres-port'));
	const logs = argument('logs');
	const resultsFile = argument('results');
	const label = `${install.version} queue`;
	const results: ScenarioResult[] = [];
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'capillary-n8n-queue-'));
	// Each answer takes 100 ms, so that the executions overlap at the sandbox.
	const sandbox = await startSandbox({ latencyMs: 100 });
	const processes: N8nServer[] = [];

	const record = async (key: string, run: (expect: Expect) => Promise<string>): Promise<void> => {
		const expect = new Expect();
		const started = Date.now();
		let detail = '';
		try {
			detail = await run(expect);
		} catch (error) {
			expect.failures.push(error instanceof Error ? error.message : String(error));
		}
		const ms = Date.now() - started;
		const pass = expect.failures.length === 0;
		results.push({ version: label, key, pass, detail, failures: expect.failures, ms });
		console.log(
			`  ${pass ? 'PASS' : 'FAIL'}  ${key.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(5)} s  ${detail}`,
		);
		for (const failure of expect.failures.slice(0, 12))
			console.log(`        - ${failure.replace(/\n/g, '\n          ')}`);
	};

	try {
		const credentialsFile = path.join(work, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(sandboxCredentials(sandbox), null, 2));
		await importFile(install, 'import:credentials', credentialsFile, env);
		const workflows = [
			queueWorkflow(1, 'capQueueSignups', 'capillary-queue', {}),
			queueWorkflow(2, 'capQueuePaced', 'capillary-queue-paced', {
				batchSize: PACED_BATCH_SIZE,
				maxRequestsPerMinute: PACED_PER_MINUTE,
			}),
		];
		const workflowsFile = path.join(work, 'workflows.json');
		fs.writeFileSync(workflowsFile, JSON.stringify(workflows, null, 2));
		await importFile(install, 'import:workflow', workflowsFile, env);
		for (const workflow of workflows) {
			// n8n 2.x activates a workflow by publishing it; main registers its webhook when it starts.
			const published = await runN8n(install, ['publish:workflow', `--id=${String(workflow.id)}`], {
				env,
			});
			if (published.code !== 0)
				throw new Error(
					`n8n publish:workflow ${String(workflow.id)} failed:\n${published.stdout}\n${published.stderr}`,
				);
		}

		const started = Date.now();
		const [main, ...workers] = await Promise.all([
			startN8nServer(install, path.join(logs, 'main.log'), 240_000, env),
			...Array.from({ length: WORKERS }, (_, i) =>
				startN8nWorker(
					install,
					path.join(logs, `worker-${i + 1}.log`),
					env,
					WORKER_CONCURRENCY,
					240_000,
				),
			),
		]);
		processes.push(main, ...workers);
		console.log(
			`n8n ${install.version} in queue mode: main and ${WORKERS} workers (concurrency ${WORKER_CONCURRENCY}) ready in ${((Date.now() - started) / 1000).toFixed(0)} s; sandbox at ${sandbox.url}`,
		);
		const webhook = (webhookPath: string) => `${main.url}/webhook/${webhookPath}`;

		await record('warm-up: one request', async (expect) => {
			const answer = await post(webhook('capillary-queue'), customersFor(1, 0).slice(0, 5));
			checkAnswers([answer], sandbox, workers, main.logFile, expect);
			expect.equal(tokenRequests(sandbox, 0).length, 1, 'token requests');
			return `1 execution on a worker; ${tokenRequests(sandbox, 0).length} token request (saved in the credential)`;
		});

		await record(`${REQUESTS} × ${CUSTOMERS_PER_REQUEST} at once`, async (expect) => {
			const since = sandbox.requests.length;
			const answers = await Promise.all(
				Array.from({ length: REQUESTS }, (_, r) =>
					post(webhook('capillary-queue'), customersFor(2, r)),
				),
			);
			const perWorker = checkAnswers(answers, sandbox, workers, main.logFile, expect);
			expect.that(
				perWorker.size === WORKERS,
				`executions ran on ${perWorker.size} of ${WORKERS} workers`,
			);
			// Enrol and Issue sends an ENROL request, then an EARN request, per batch.
			expect.equal(
				bulkRequests(sandbox, since).length,
				2 * REQUESTS,
				'bulk requests (ENROL and EARN per execution)',
			);
			expect.equal(
				tokenRequests(sandbox, since).length,
				0,
				'token requests (the stored token is used by both workers)',
			);
			expect.equal(tokenRequests(sandbox, 0).length, 1, 'token requests in the whole run so far');
			return `${answers.length} executions, per worker ${[...perWorker]
				.sort()
				.map(([w, n]) => `${w}: ${n}`)
				.join(
					', ',
				)}; ${bulkRequests(sandbox, since).length} bulk requests; 0 token requests (the stored token, 1 in all)`;
		});

		await record(`${REQUESTS} × ${CUSTOMERS_PER_REQUEST}, token expiry mid-run`, async (expect) => {
			const since = sandbox.requests.length;
			// The phase's first bulk request expires every token: the requests in flight with it get a 401.
			sandbox.injectFault({ type: 'expireToken' });
			const answers = await Promise.all(
				Array.from({ length: REQUESTS }, (_, r) =>
					post(webhook('capillary-queue'), customersFor(3, r)),
				),
			);
			checkAnswers(answers, sandbox, workers, main.logFile, expect);
			const tokens = tokenRequests(sandbox, since);
			const bulk = bulkRequests(sandbox, since);
			const refused = bulk.filter((r) => r.status === 401).length;
			expect.that(refused >= 1, 'no request was refused: the expiry did not happen mid-run');
			expect.that(
				tokens.every((r) => r.status === 200),
				'every token request got a token',
			);
			// No storm: one new token per refused request at most (never one per customer, batch or retry),
			// and each refused request sent again once.
			expect.that(
				tokens.length >= 1 && tokens.length <= refused,
				`${tokens.length} token requests for ${refused} refused requests: expected 1 to ${refused}`,
			);
			expect.equal(
				bulk.length,
				2 * REQUESTS + refused,
				'bulk requests (ENROL and EARN per execution, and each refused one again)',
			);
			return `${refused} requests refused (401) → ${tokens.length} token requests, each refused request resent once`;
		});

		await record(`paced: ${PACED_PER_MINUTE}/min per worker`, async (expect) => {
			const since = sandbox.requests.length;
			const answers = await Promise.all(
				Array.from({ length: REQUESTS }, (_, r) =>
					post(webhook('capillary-queue-paced'), customersFor(4, r)),
				),
			);
			checkAnswers(answers, sandbox, workers, main.logFile, expect);
			const bulk = bulkRequests(sandbox, since);
			const spanMs = bulk.length > 1 ? bulk[bulk.length - 1].at - bulk[0].at : 0;
			const perMinute = spanMs > 0 ? ((bulk.length - 1) * 60_000) / spanMs : 0;
			// The fastest 10 consecutive requests, as a rate per minute.
			let fastest = 0;
			for (let i = 10; i < bulk.length; i++)
				fastest = Math.max(fastest, (10 * 60_000) / Math.max(1, bulk[i].at - bulk[i - 10].at));
			// ENROL and EARN per batch of 10 of the 49 customers sent (the 50th is not a mobile number).
			expect.equal(
				bulk.length,
				2 * REQUESTS * Math.ceil((CUSTOMERS_PER_REQUEST - 1) / PACED_BATCH_SIZE),
				'bulk requests',
			);
			expect.that(
				perMinute <= WORKERS * PACED_PER_MINUTE * 1.1,
				`${perMinute.toFixed(0)}/min seen by the sandbox: more than ${WORKERS} workers × ${PACED_PER_MINUTE}`,
			);
			fs.writeFileSync(
				path.join(logs, 'paced.json'),
				JSON.stringify(
					{
						limitPerWorker: PACED_PER_MINUTE,
						workers: WORKERS,
						requests: bulk.length,
						spanMs,
						perMinute,
						fastestTenPerMinute: fastest,
					},
					null,
					2,
				),
			);
			return `${bulk.length} requests in ${(spanMs / 1000).toFixed(1)} s: ${perMinute.toFixed(0)}/min at the sandbox (fastest 10: ${fastest.toFixed(0)}/min) for a limit of ${PACED_PER_MINUTE}/min set in the node`;
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		console.log(`  FAIL  setup: ${message}`);
		results.push({
			version: label,
			key: 'setup',
			pass: false,
			detail: '',
			failures: [message],
			ms: 0,
		});
	} finally {
		await Promise.all(processes.map((p) => p.stop()));
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
