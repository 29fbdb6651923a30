/**
 * examples/undo-mistaken-bulk-issue.json, as it is, in n8n's engine against the sandbox: after a
 * mistaken Enrol and Issue, it revokes exactly the issues and enrolments of the listed customers
 * that the lookup found, and nothing else. (`npm run test:n8n` runs it in real n8n too.)
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeExecutionData } from 'n8n-workflow';

import { codeNode } from '../support/engine/codeNode';
import { sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { runWorkflow, type WorkflowJson } from '../support/engine/runWorkflow';
import { bulkBody, postBulk } from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';
import {
	AFFECTED,
	BIRTHDAY,
	BYSTANDER,
	holdings,
	issueByMistake,
	LISTED_NOT_ISSUED,
	UNDO_EXAMPLE,
	UNKNOWN,
	WELCOME,
} from './undoMistakenIssue.fixture';

const sandbox = useSandbox();

function readExample(): WorkflowJson {
	const file = path.resolve(__dirname, '../../examples', UNDO_EXAMPLE);
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowJson;
	// The Sticky Note is not run (the test bed would take it for the start node, having no input).
	return {
		...workflow,
		nodes: workflow.nodes.filter((node) => !node.type.endsWith('.stickyNote')),
	};
}

async function runExample(workflow: WorkflowJson = readExample()) {
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox), {
		'n8n-nodes-base.code': codeNode,
	});
	expect(run.error).toBeUndefined();
	return run;
}

const ledger = (action: string) => sandbox.ledger.filter((e) => e.action === action);
const errorCode = (item: INodeExecutionData) => (item.json.error as { code?: unknown }).code;
const revokeRequests = () =>
	sandbox.requests.filter((r) => r.path === ENDPOINTS.bulkRevokeEnrolAndEarn);

test('after a mistaken Enrol and Issue, it revokes exactly the listed customers’ issues, then their enrolments', async () => {
	const held = await issueByMistake(sandbox.url);
	const before = sandbox.ledger.length;
	const run = await runExample();

	const [found, notFound] = run.outputs('Find their issues');
	expect(found.map((i) => i.json.identifierValueSent)).toEqual([...AFFECTED, LISTED_NOT_ISSUED]);
	expect(notFound.map((i) => [i.json.identifierValue, errorCode(i)])).toEqual([[UNKNOWN, 8015]]);
	expect(run.outputs('Lookup failed')[0]).toHaveLength(1);

	const [toRevoke] = run.outputs('Issues to revoke');
	expect(toRevoke.map((i) => [i.json.mobile, i.json.earnedIds])).toEqual(
		AFFECTED.map((mobile) => [mobile, [held.welcome[mobile].earnedId]]),
	);

	const [issuesRevoked, issuesNot] = run.outputs('Revoke Issue');
	expect(issuesNot).toEqual([]);
	expect(issuesRevoked.map((i) => [i.json.identifierValueSent, i.json.revokedEarnIds])).toEqual(
		AFFECTED.map((mobile) => [mobile, [held.welcome[mobile].earnedId]]),
	);
	expect(issuesRevoked[0].json).toMatchObject({
		status: 'success',
		operation: 'revokeEarn',
		programId: WELCOME.programId,
		promotionId: WELCOME.promotionId,
		name: 'Asha Rao',
	});

	const [enrolmentsRevoked, enrolmentsNot] = run.outputs('Revoke Enrolment');
	expect(enrolmentsNot).toEqual([]);
	expect(
		enrolmentsRevoked.map((i) => [i.json.identifierValueSent, i.json.revokedIssualId]),
	).toEqual(AFFECTED.map((mobile) => [mobile, held.welcome[mobile].issualId]));
	expect(run.outputs('Undone')[0]).toHaveLength(3);

	// The ledger: exactly those issues, then exactly those enrolments, and nothing else.
	expect(sandbox.ledger.slice(before).map((e) => e.action)).toEqual([
		...AFFECTED.map(() => 'REVOKE_EARN'),
		...AFFECTED.map(() => 'REVOKE_ENROL'),
	]);
	expect(ledger('REVOKE_EARN').map((e) => [e.promotionId, e.identifierValue, e.earnedId])).toEqual(
		AFFECTED.map((mobile) => [WELCOME.promotionId, mobile, held.welcome[mobile].earnedId]),
	);
	expect(ledger('REVOKE_ENROL').map((e) => [e.promotionId, e.identifierValue, e.issualId])).toEqual(
		AFFECTED.map((mobile) => [WELCOME.promotionId, mobile, held.welcome[mobile].issualId]),
	);

	// What Capillary now lists: the affected customers hold nothing of Welcome 10; the rest stays.
	for (const mobile of AFFECTED)
		expect(await holdings(sandbox.url, mobile, WELCOME)).toEqual({ enrolments: [], issues: [] });
	expect(await holdings(sandbox.url, BYSTANDER, WELCOME)).toEqual({
		enrolments: [held.welcome[BYSTANDER].issualId],
		issues: [held.welcome[BYSTANDER].earnedId],
	});
	expect((await holdings(sandbox.url, AFFECTED[0], BIRTHDAY)).issues).toEqual([
		held.birthday.earnedId,
	]);
});

test('run again, it finds nothing left to revoke and sends no revoke', async () => {
	await issueByMistake(sandbox.url);
	await runExample();
	const revokesBefore = revokeRequests().length;
	const ledgerBefore = sandbox.ledger.length;

	const again = await runExample();
	expect(again.outputs('Find their issues')[0]).toHaveLength(4);
	expect(again.outputs('Issues to revoke')[0] ?? []).toEqual([]);
	expect(revokeRequests()).toHaveLength(revokesBefore);
	expect(sandbox.ledger).toHaveLength(ledgerBefore);
});

test('on a Direct Issue promotion it revokes every issue the lookup found, and Revoke Enrolment gets 8902', async () => {
	const held = await issueByMistake(sandbox.url);
	const workflow = readExample();
	const lookup = workflow.nodes.find((node) => node.name === 'Find their issues')!;
	lookup.parameters.promotion = { __rl: true, mode: 'id', value: String(BIRTHDAY.promotionId) };
	// Birthday 2026 (issue limit 3) once more to two of the customers, and to a bystander.
	const second = await postBulk(
		sandbox.url,
		bulkBody({
			...BIRTHDAY,
			bulkAction: 'EARN',
			identifierName: 'mobile',
			values: [AFFECTED[0], AFFECTED[1], BYSTANDER],
		}),
	);
	const [first0, second1, bystander] = second.json.response.map((e) => String(e.result?.earnedId));
	const before = sandbox.ledger.length;

	const run = await runExample(workflow);
	expect(run.outputs('Issues to revoke')[0].map((i) => [i.json.mobile, i.json.earnedIds])).toEqual([
		[AFFECTED[0], [held.birthday.earnedId, first0]],
		[AFFECTED[1], [second1]],
	]);
	expect(run.outputs('Revoke Issue')[0].map((i) => i.json.revokedEarnIds)).toEqual([
		[held.birthday.earnedId, first0],
		[second1],
	]);
	const [, enrolmentsNot] = run.outputs('Revoke Enrolment');
	expect(
		enrolmentsNot.map((i) => [errorCode(i), (i.json.error as { outcome: string }).outcome]),
	).toEqual([
		[8902, 'not_applied'],
		[8902, 'not_applied'],
	]);
	expect(sandbox.ledger.slice(before).map((e) => [e.action, e.promotionId, e.earnedId])).toEqual([
		['REVOKE_EARN', BIRTHDAY.promotionId, held.birthday.earnedId],
		['REVOKE_EARN', BIRTHDAY.promotionId, first0],
		['REVOKE_EARN', BIRTHDAY.promotionId, second1],
	]);
	expect((await holdings(sandbox.url, BYSTANDER, BIRTHDAY)).issues).toEqual([bystander]);
	expect((await holdings(sandbox.url, AFFECTED[0], WELCOME)).issues).toEqual([
		held.welcome[AFFECTED[0]].earnedId,
	]);
});

test('without a Promotion on the lookup, it stops before revoking anything', async () => {
	await issueByMistake(sandbox.url);
	const workflow = readExample();
	const lookup = workflow.nodes.find((node) => node.name === 'Find their issues')!;
	lookup.parameters.promotion = { __rl: true, mode: 'list', value: '' };
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox), {
		'n8n-nodes-base.code': codeNode,
	});
	expect(run.error?.message).toMatch(/Choose the Promotion on "Find their issues"/);
	expect(revokeRequests()).toEqual([]);
	expect(ledger('REVOKE_EARN')).toEqual([]);
});
