/**
 * What `npm run test:n8n` runs in real n8n, and what it expects: each example workflow under
 * examples/, imported as it is, run with `n8n execute --id ... --rawOutput` against the sandbox.
 *
 * `n8n execute` starts a workflow at its Execute Workflow Trigger, else at its Manual Trigger, never
 * at a Webhook, and it ignores pinned data (only manual runs from the editor use it). So each example
 * has a Manual Trigger followed by a node that produces its sample data, and the one example that
 * keeps its data pinned (the sign-ups of `npm run demo`) is run twice: as it is (the trigger then emits
 * one empty item), and with the pinned items replayed by a Code node in place of the pin.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { CapillarySandbox } from '../../test/sandbox';
import {
	AFFECTED,
	BIRTHDAY,
	BYSTANDER,
	holdings,
	issueByMistake,
	LISTED_NOT_ISSUED,
	UNDO_EXAMPLE,
	WELCOME,
	type MistakenIssue,
} from '../../test/examples/undoMistakenIssue.fixture';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

export interface Item {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}

export interface WorkflowJson {
	id?: string;
	active?: boolean;
	name: string;
	nodes: Array<
		{
			id: string;
			name: string;
			type: string;
			typeVersion: number;
			position: number[];
			parameters: Record<string, unknown>;
		} & Record<string, unknown>
	>;
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	pinData?: Record<string, Item[]>;
	settings?: Record<string, unknown>;
}

/** A finished run, read from `n8n execute --rawOutput`. */
export class RunView {
	constructor(
		private readonly data: {
			data: { resultData: { runData: Record<string, RunEntry[]>; error?: { message: string } } };
		},
	) {}

	get error(): string | undefined {
		return this.data.data.resultData.error?.message;
	}

	ran(node: string): boolean {
		return node in this.data.data.resultData.runData;
	}

	nodeError(node: string): string | undefined {
		return this.data.data.resultData.runData[node]?.[0]?.error?.message;
	}

	/** Items per output of the node's first run; [] when the node did not run. */
	outputs(node: string): Item[][] {
		const run = this.data.data.resultData.runData[node]?.[0];
		return (run?.data?.main ?? []).map((items) => items ?? []);
	}

	/** Items on one output (0 = Success, 1 = Failed for Capillary). */
	output(node: string, index = 0): Item[] {
		return this.outputs(node)[index] ?? [];
	}

	nodeNames(): string[] {
		return Object.keys(this.data.data.resultData.runData);
	}
}

interface RunEntry {
	error?: { message: string };
	data?: { main?: Array<Item[] | null> };
}

export interface Scenario {
	/** Short name for the summary. */
	key: string;
	/** The example file under examples/. */
	file: string;
	/** Workflow id to import it under (n8n ids are at most 21 characters). */
	workflowId: string;
	/** Turns the example into what is imported; the default imports it unchanged. */
	transform?: (workflow: WorkflowJson) => WorkflowJson;
	/** The Capillary nodes that must run without a node error (default: the one named "Capillary"). */
	capillaryNodes?: string[];
	/** Prepares the sandbox (reset already done). */
	before?: (sandbox: CapillarySandbox) => void | Promise<void>;
	/** Collects failed expectations; an empty list means PASS. */
	check: (run: RunView, sandbox: CapillarySandbox, expect: Expect) => void | Promise<void>;
	/** One line for the report. */
	describe: (run: RunView) => string;
}

/** Collects the expectations of one scenario. */
export class Expect {
	readonly failures: string[] = [];

	that(condition: boolean, message: string): void {
		if (!condition) this.failures.push(message);
	}

	equal(actual: unknown, expected: unknown, what: string): void {
		const a = JSON.stringify(actual);
		const e = JSON.stringify(expected);
		if (a !== e) this.failures.push(`${what}: expected ${e}, got ${a}`);
	}
}

const EXAMPLES = path.resolve(__dirname, '../../examples');

export function readExample(file: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as WorkflowJson;
}

const errorOf = (item: Item) =>
	(item.json.error ?? {}) as { kind?: string; code?: unknown; outcome?: string; message?: string };
const kinds = (items: Item[]) =>
	items.map(
		(item) =>
			`${String(errorOf(item).kind)}${errorOf(item).code ? ` ${String(errorOf(item).code)}` : ''}`,
	);
const values = (items: Item[]) => items.map((item) => String(item.json.identifierValue));
const pairedIndexes = (items: Item[]) =>
	items.map((item) => (item.pairedItem as { item?: number } | undefined)?.item);
const bulkRequests = (sandbox: CapillarySandbox) =>
	sandbox.requests.filter((r) => r.path === ENDPOINTS.bulkEnrolAndEarn);
const requestLog = (sandbox: CapillarySandbox) =>
	sandbox.requests.map(
		(r) =>
			`${r.path === ENDPOINTS.sessionGenerate ? 'token' : r.path === ENDPOINTS.bulkEnrolAndEarn ? 'bulk' : r.path} ${String(r.status)}`,
	);
const ledgerCount = (sandbox: CapillarySandbox, action: 'ENROL' | 'EARN') =>
	sandbox.ledger.filter((e) => e.action === action).length;

function capillarySplit(run: RunView): string {
	const [success = [], failed = []] = run.outputs('Capillary');
	return `Capillary: Success ${success.length}, Failed ${failed.length}`;
}

function noSecretsIn(run: RunView, expect: Expect, nodes: string[] = ['Capillary']): void {
	const text = JSON.stringify(nodes.map((node) => run.outputs(node)));
	for (const secret of [
		'sandbox-demo-secret-5f2b',
		'server123',
		'8a16a6b70505eb1f1ff7cdc0cd5559a7',
	]) {
		expect.that(
			!text.includes(secret),
			`a secret (${secret.slice(0, 6)}…) appears in the Capillary output`,
		);
	}
}

/** Replaces the pinned data of the example's trigger by a Code node that emits the same items. */
export function replayPinnedData(workflow: WorkflowJson): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const [triggerName, items] = Object.entries(copy.pinData ?? {})[0] ?? [];
	if (!triggerName || !items) throw new Error(`${workflow.name} has no pinned data`);
	const trigger = copy.nodes.find((node) => node.name === triggerName);
	if (!trigger) throw new Error(`pinned node ${triggerName} not found`);
	const replay = 'Pinned sign-ups (replayed)';
	copy.nodes.push({
		id: '0d1c2b3a-4e5f-4a6b-8c7d-000000000001',
		name: replay,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [trigger.position[0] + 130, trigger.position[1] + 160],
		parameters: { jsCode: `return ${JSON.stringify(items.map((item) => ({ json: item.json })))};` },
	});
	copy.connections[replay] = copy.connections[triggerName];
	copy.connections[triggerName] = { main: [[{ node: replay, type: 'main', index: 0 }]] };
	delete copy.pinData;
	return copy;
}

/** What the undo example's `before` issued by mistake, for its `check`. */
let mistaken: MistakenIssue | undefined;

/** The undo example, as it is: after a mistaken Enrol and Issue of Welcome 10 (see its fixture). */
const undoMistakenIssue: Scenario = {
	key: 'undo a mistaken bulk issue',
	file: UNDO_EXAMPLE,
	workflowId: 'capUndoMistakenIssue',
	capillaryNodes: ['Find their issues', 'Revoke Issue', 'Revoke Enrolment'],
	async before(sandbox) {
		mistaken = await issueByMistake(sandbox.url);
	},
	async check(run, sandbox, expect) {
		const held = mistaken!.welcome;
		const [found = [], notFound = []] = run.outputs('Find their issues');
		expect.equal(
			found.map((item) => item.json.identifierValueSent),
			[...AFFECTED, LISTED_NOT_ISSUED],
			'customers looked up',
		);
		expect.equal(kinds(notFound), ['rejected 8015'], 'lookups failed');
		expect.equal(
			run.output('Issues to revoke').map((item) => [item.json.mobile, item.json.earnedIds]),
			AFFECTED.map((mobile) => [mobile, [held[mobile].earnedId]]),
			'issues to revoke',
		);
		const [issuesRevoked = [], issuesNot = []] = run.outputs('Revoke Issue');
		expect.equal(
			issuesRevoked.map((item) => item.json.revokedEarnIds),
			AFFECTED.map((mobile) => [held[mobile].earnedId]),
			'Revoke Issue: revokedEarnIds',
		);
		expect.equal(kinds(issuesNot), [], 'Revoke Issue: Failed');
		const [enrolmentsRevoked = [], enrolmentsNot = []] = run.outputs('Revoke Enrolment');
		expect.equal(
			enrolmentsRevoked.map((item) => item.json.revokedIssualId),
			AFFECTED.map((mobile) => held[mobile].issualId),
			'Revoke Enrolment: revokedIssualId',
		);
		expect.equal(kinds(enrolmentsNot), [], 'Revoke Enrolment: Failed');
		expect.equal(run.output('Undone').length, 3, '"Undone" items');
		// The ledger: exactly those issues and enrolments were revoked, and nothing else.
		const revoked = sandbox.ledger.filter((e) => e.action.startsWith('REVOKE_'));
		expect.equal(
			revoked.map((e) => [e.action, e.promotionId, e.identifierValue, e.earnedId ?? e.issualId]),
			[
				...AFFECTED.map((m) => ['REVOKE_EARN', WELCOME.promotionId, m, held[m].earnedId]),
				...AFFECTED.map((m) => ['REVOKE_ENROL', WELCOME.promotionId, m, held[m].issualId]),
			],
			'revokes applied by the sandbox',
		);
		// What a lookup now shows: no active issue (nor enrolment) of Welcome 10 is left to them.
		for (const mobile of AFFECTED) {
			expect.equal(
				await holdings(sandbox.url, mobile, WELCOME),
				{ enrolments: [], issues: [] },
				`${mobile}'s Welcome 10 after the run`,
			);
		}
		expect.equal(
			(await holdings(sandbox.url, BYSTANDER, WELCOME)).issues,
			[held[BYSTANDER].earnedId],
			'the bystander keeps its Welcome 10 issue',
		);
		expect.equal(
			(await holdings(sandbox.url, AFFECTED[0], BIRTHDAY)).issues,
			[mistaken!.birthday.earnedId],
			'the Birthday 2026 issue stays',
		);
		noSecretsIn(run, expect, undoMistakenIssue.capillaryNodes);
	},
	describe: (run) =>
		['Find their issues', 'Revoke Issue', 'Revoke Enrolment']
			.map((node) => `${node}: ${run.output(node, 0).length}/${run.output(node, 1).length}`)
			.join('; ') + ' (Success/Failed)',
};

export const SCENARIOS: Scenario[] = [
	{
		key: 'signups (as-is)',
		file: 'enrol-and-issue-signups.json',
		workflowId: 'capSignupsAsIs',
		check(run, sandbox, expect) {
			// n8n execute ignores the pin: the Manual Trigger emits one empty item.
			expect.equal(
				run.output('When clicking ‘Execute workflow’').length,
				1,
				'items out of the trigger',
			);
			expect.equal(run.output('Capillary', 0).length, 0, 'Success items');
			expect.equal(kinds(run.output('Capillary', 1)), ['invalid_input'], 'Failed kinds');
			expect.equal(run.output('Needs attention').length, 1, '"Needs attention" items');
			expect.equal(bulkRequests(sandbox).length, 0, 'bulk requests (nothing valid to send)');
		},
		describe: (run) =>
			`${capillarySplit(run)} (n8n execute ignores pinned data: one empty item, invalid_input)`,
	},
	{
		key: 'signups (pinned data replayed)',
		file: 'enrol-and-issue-signups.json',
		workflowId: 'capSignupsReplay',
		transform: replayPinnedData,
		check(run, sandbox, expect) {
			const [success = [], failed = []] = run.outputs('Capillary');
			expect.equal(pairedIndexes(success), [0, 1, 2, 3, 7, 8], 'Success paired items');
			expect.equal(
				kinds(failed),
				['invalid_input', 'invalid_input', 'rejected 8015', 'invalid_input'],
				'Failed kinds',
			);
			expect.equal(
				success[4]?.json.duplicateOf,
				0,
				'the resubmitted form is a duplicate of item 0',
			);
			expect.that(
				success.every((item) => item.json.issualId && item.json.earnedId),
				'every Success item has issualId and earnedId',
			);
			expect.equal(run.output('Enrolled and issued').length, 6, '"Enrolled and issued" items');
			expect.equal(run.output('Needs attention').length, 4, '"Needs attention" items');
			expect.equal(ledgerCount(sandbox, 'ENROL'), 5, 'enrolments applied by the sandbox');
			expect.equal(ledgerCount(sandbox, 'EARN'), 5, 'issues applied by the sandbox');
			noSecretsIn(run, expect);
		},
		describe: (run) => `${capillarySplit(run)} (the 10 pinned sign-ups, as in npm run demo)`,
	},
	{
		key: 'webhook sign-up',
		file: 'webhook-signup-enrol-and-issue.json',
		workflowId: 'capWebhookSignup',
		check(run, sandbox, expect) {
			const [success = [], failed = []] = run.outputs('Capillary');
			expect.equal(
				values(success),
				['919000000201', 'customer202@example.com'],
				'Success customers',
			);
			expect.equal(kinds(failed), ['invalid_input', 'rejected 8015'], 'Failed kinds');
			expect.that(
				success.every(
					(item) => item.json.issualId && item.json.earnedId && item.json.enrolled === true,
				),
				'Success items carry issualId, earnedId, enrolled',
			);
			expect.equal(run.output('Respond: enrolled').length, 2, '"Respond: enrolled" items');
			expect.equal(run.output('Respond: not enrolled').length, 2, '"Respond: not enrolled" items');
			expect.equal(ledgerCount(sandbox, 'ENROL'), 2, 'enrolments applied');
			expect.equal(ledgerCount(sandbox, 'EARN'), 2, 'issues applied');
			noSecretsIn(run, expect);
		},
		describe: (run) =>
			`${capillarySplit(run)}; Respond: enrolled ${run.output('Respond: enrolled').length}, not enrolled ${run.output('Respond: not enrolled').length}`,
	},
	{
		key: 'spreadsheet backfill',
		file: 'backfill-issue-from-spreadsheet.json',
		workflowId: 'capBackfillSheet',
		check(run, sandbox, expect) {
			const [success = [], failed = []] = run.outputs('Capillary');
			expect.equal(success.length, 241, 'Success items');
			expect.equal(kinds(failed), ['invalid_input', 'invalid_input'], 'Failed kinds');
			expect.equal(
				success[240]?.json.duplicateOf,
				0,
				'the row pasted twice is a duplicate of row 2',
			);
			expect.equal(
				run.output('Rows to fix').map((item) => item.json.row),
				[242, 243],
				'"Rows to fix" rows',
			);
			const bulk = bulkRequests(sandbox);
			expect.equal(
				bulk.map((r) => r.customerCount),
				[50, 50, 50, 50, 40],
				'customers per bulk request (Batch Size 50)',
			);
			expect.that(
				bulk.every((r) => r.auth === 'basic' && r.status === 200),
				'every bulk request used Basic auth and got 200',
			);
			const span = bulk.length > 1 ? bulk[bulk.length - 1].at - bulk[0].at : 0;
			// Spaced when they leave n8n; measured when they arrive: the first request's connection set-up
			// can delay its arrival by some tens of ms, which shortens the span seen here.
			expect.that(
				span >= 350,
				`5 requests at most 600 a minute take at least 400 ms; they took ${span} ms`,
			);
			expect.equal(ledgerCount(sandbox, 'EARN'), 240, 'issues applied');
			expect.that(
				sandbox.ledger.every((e) => e.promotionId === 69218),
				'every issue is of promotion 69218 (BDAY2026)',
			);
		},
		describe: (run) =>
			`${capillarySplit(run)}; 5 requests of ≤50 via Basic auth; Rows to fix ${run.output('Rows to fix').length}`,
	},
	{
		key: 'failed branch alert',
		file: 'failed-customers-alert.json',
		workflowId: 'capFailedAlert',
		check(run, sandbox, expect) {
			const [success = [], failed = []] = run.outputs('Capillary');
			expect.equal(
				values(success),
				['919000000601', '919000000602', '919000000603'],
				'Success customers',
			);
			expect.equal(
				kinds(failed),
				['rejected 8015', 'rejected 8899', 'invalid_input'],
				'Failed kinds',
			);
			const alert = run.output('Send alert');
			expect.equal(alert.length, 1, 'one alert');
			expect.equal(alert[0]?.json.subject, 'Capillary: 3 customer(s) not issued', 'alert subject');
			expect.equal(ledgerCount(sandbox, 'EARN'), 3, 'issues applied');
			// The webhook run stored an OAuth token in the credential; the sandbox's reset() forgot it. The
			// node gets a 401, n8n runs the credential's preAuthentication, and the node resends once.
			expect.equal(
				requestLog(sandbox),
				['bulk 401', 'token 200', 'bulk 201'],
				'requests (stored token refused, refreshed once)',
			);
		},
		describe: (run) =>
			`${capillarySplit(run)}; alert: "${String(run.output('Send alert')[0]?.json.subject)}"`,
	},
	{
		key: 'failed branch alert (token expiry, then a 502 after applying)',
		file: 'failed-customers-alert.json',
		workflowId: 'capFailedAlert',
		before(sandbox) {
			// The first bulk request finds its token expired (401); the node fetches a new one through n8n
			// and resends. That request is applied but answered with a 502: an outcome the node cannot know
			// from the answer. Verify Unknown Outcomes (on by default) then looks each customer up.
			sandbox.injectFault({ type: 'expireToken' });
			sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
		},
		check(run, sandbox, expect) {
			const [success = [], failed = []] = run.outputs('Capillary');
			// The 3 customers Capillary issued are found by the lookup; the 2 it does not know (8015) cannot
			// be looked up either and stay unknown; the invalid one was never sent.
			expect.equal(
				success.map((item) => [item.json.verified, typeof item.json.earnedId]),
				[
					[true, 'string'],
					[true, 'string'],
					[true, 'string'],
				],
				'Success items (verified by the lookup, with their earnedId)',
			);
			expect.equal(
				failed.map((item) => errorOf(item).outcome),
				['unknown', 'unknown', 'not_applied'],
				'Failed outcomes',
			);
			const alert = run.output('Send alert')[0]?.json ?? {};
			expect.equal(
				[alert.failed, alert.unknownOutcome],
				[3, 2],
				'alert counts (failed, to check by hand)',
			);
			expect.equal(
				requestLog(sandbox),
				[
					'bulk 401',
					'token 200',
					'bulk 502',
					...Array<string>(3).fill(`${ENDPOINTS.customerPromotionData} 200`),
					...Array<string>(2).fill(`${ENDPOINTS.customerPromotionData} 400`),
				],
				'requests (token refreshed once, the 502 not resent, then one lookup per customer)',
			);
			expect.equal(ledgerCount(sandbox, 'EARN'), 3, 'issues applied (each once, not resent)');
			expect.equal(
				success.map((item) => item.json.earnedId).sort(),
				sandbox.ledger
					.filter((e) => e.action === 'EARN')
					.map((e) => e.earnedId)
					.sort(),
				'the earnedIds found are the ledger’s',
			);
		},
		describe: (run) =>
			`${capillarySplit(run)}; alert: "${String(run.output('Send alert')[0]?.json.subject)}"`,
	},
	undoMistakenIssue,
];
