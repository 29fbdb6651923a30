import type { INodeExecutionData } from 'n8n-workflow';

import { DEMO, PROMOTIONS } from '../sandbox';
import {
	CAPILLARY,
	capillaryWorkflow,
	lookupParameters,
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { executeCapillary } from '../support/engine/executeNode';
import { errorOf, messageThenAdvice } from '../support/engine/items';
import { runWorkflow } from '../support/engine/runWorkflow';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox();
const LOOKUP = ENDPOINTS.customerPromotionData;
const { welcome, birthday, goldEnrol } = DEMO.promotions;
const published = PROMOTIONS.filter((promotion) => promotion.status !== 'DRAFT');
const lookups = () => sandbox.requests.filter((r) => r.path === LOOKUP);
const mobile = (k: number) => ({ mobile: DEMO.customer(k).mobile });

interface Issue {
	earnedId: string;
}
interface ShownPromotion {
	promotionId: number;
	programId: number;
	enrolled?: boolean;
	enrolment?: { issualId?: string } | null;
	issues: Issue[];
}
const promotionsOf = (item: INodeExecutionData) => item.json.promotions as ShownPromotion[];
const shown = (item: INodeExecutionData, promotionId: number) =>
	promotionsOf(item).find((p) => p.promotionId === promotionId)!;

async function lookUp(items: object[], extra = {}) {
	return await runCapillary(sandboxCredentials(sandbox), {
		items: items as never,
		parameters: lookupParameters('mobile', extra),
	});
}

async function apply(
	operation: 'enrolAndEarn' | 'earn',
	promotion: { programId: number; promotionId: number },
	k: number,
) {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [mobile(k)],
		parameters: promotionParameters(operation, promotion),
	});
	expect(run.success).toHaveLength(1);
}

test('shows enrolments and issues with the ids the sandbox ledger holds', async () => {
	await apply('enrolAndEarn', welcome, 100);
	await apply('earn', birthday, 100);
	await apply('earn', birthday, 100);
	const run = await lookUp([mobile(100), mobile(101)]);
	expect(run.failed).toEqual([]);
	expect(run.success.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	const [holder, other] = run.success;
	expect(holder.json).toMatchObject({
		status: 'success',
		operation: 'getCustomerPromotions',
		identifierName: 'mobile',
		identifierValue: DEMO.customer(100).mobile,
		identifierValueSent: DEMO.customer(100).mobile,
		source: 'INSTORE',
		customerId: DEMO.customer(100).id,
		promotionCount: published.length,
		requestId: expect.any(String),
	});
	expect(promotionsOf(holder).map((p) => p.promotionId)).toEqual(
		published.map((p) => p.promotionId),
	);

	const ledger = (action: string, promotionId: number) =>
		sandbox.ledger.filter((e) => e.action === action && e.promotionId === promotionId);
	const [enrolment] = ledger('ENROL', welcome.promotionId);
	expect(shown(holder, welcome.promotionId)).toEqual({
		promotionId: welcome.promotionId,
		promoIdentifier: welcome.promoIdentifier,
		promotionName: 'Welcome 10',
		programId: welcome.programId,
		promotionType: 'ENROL_AND_ISSUE',
		active: true,
		startDate: '2026-01-01T00:00:00.000Z',
		endDate: '2026-12-31T23:59:59.000Z',
		enrolled: true,
		enrolment: {
			issualId: enrolment.issualId,
			enrolledAt: expect.stringMatching(/Z$/),
			expiresAt: '2026-12-31T23:59:59.000Z',
		},
		issues: ledger('EARN', welcome.promotionId).map((e) => ({
			earnedId: e.earnedId,
			issuedAt: expect.stringMatching(/Z$/),
			expiresAt: '2026-12-31T23:59:59.000Z',
			redeemedCount: 0,
		})),
	});
	const direct = shown(holder, birthday.promotionId);
	expect(direct).toMatchObject({ promotionType: 'DIRECT_ISSUE' });
	expect(direct).not.toHaveProperty('enrolled');
	expect(direct.issues.map((i) => i.earnedId)).toEqual(
		ledger('EARN', birthday.promotionId).map((e) => e.earnedId),
	);
	expect(shown(holder, DEMO.promotions.generic.promotionId)).toMatchObject({
		promotionType: 'GENERIC',
		issues: [],
	});
	expect(shown(other, welcome.promotionId)).toMatchObject({
		enrolled: false,
		enrolment: null,
		issues: [],
	});
	expect(promotionsOf(other).every((p) => p.issues.length === 0)).toBe(true);
});

test('earnedIds chain into Revoke Issue’s Earned IDs field', async () => {
	await apply('earn', birthday, 110);
	await apply('earn', birthday, 110);
	const workflow = capillaryWorkflow({
		items: [mobile(110)],
		parameters: lookupParameters('mobile', {
			promotion: { __rl: true, mode: 'id', value: String(birthday.promotionId) },
		}),
	});
	const revoke = {
		...workflow.nodes[1],
		id: 'r',
		name: 'Revoke',
		position: [440, 0] as [number, number],
		parameters: {
			...promotionParameters('earn', birthday),
			operation: 'revokeEarn',
			identifierValue: '={{ $json.identifierValueSent }}',
			earnedIds: '={{ $json.promotions[0].issues.map(i => i.earnedId) }}',
		},
	};
	workflow.nodes.push(revoke);
	workflow.connections[CAPILLARY] = { main: [[{ node: 'Revoke', type: 'main', index: 0 }]] };
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox));
	expect(run.outputs('Revoke')[0]).toHaveLength(1);
	const earned = sandbox.ledger.filter((e) => e.action === 'EARN').map((e) => e.earnedId);
	const revoked = sandbox.ledger.filter((e) => e.action === 'REVOKE_EARN').map((e) => e.earnedId);
	expect(earned).toHaveLength(2);
	expect(revoked.sort()).toEqual(earned.sort());
});

describe('filters', () => {
	test('a program is sent as the programs filter', async () => {
		const run = await lookUp([mobile(120)], {
			programId: { __rl: true, mode: 'list', value: String(DEMO.programs.goldClub) },
		});
		expect(run.success[0].json).toMatchObject({ programId: 2714, promotionCount: 2 });
		expect(promotionsOf(run.success[0]).map((p) => p.programId)).toEqual([2714, 2714]);
	});

	test.each([
		['id', String(goldEnrol.promotionId), { promotionId: goldEnrol.promotionId }],
		['list', String(goldEnrol.promotionId), { promotionId: goldEnrol.promotionId }],
		['promoIdentifier', goldEnrol.promoIdentifier, { promoIdentifier: goldEnrol.promoIdentifier }],
	])('a promotion by %s keeps only that one', async (mode, value, fields) => {
		await apply('enrolAndEarn', goldEnrol, 121);
		const run = await lookUp([mobile(121)], {
			programId: { __rl: true, mode: 'id', value: '2714' },
			promotion: { __rl: true, mode, value },
		});
		expect(run.success[0].json).toMatchObject({ ...fields, programId: 2714, promotionCount: 1 });
		const [only] = promotionsOf(run.success[0]);
		expect(only).toMatchObject({ promotionId: goldEnrol.promotionId, enrolled: true });
		expect(only.issues).toHaveLength(1);
	});

	test('a promotion the customer’s list does not hold: Success with none', async () => {
		const run = await lookUp([mobile(122)], {
			promotion: { __rl: true, mode: 'id', value: '999999' },
		});
		expect(run.success[0].json).toMatchObject({
			promotionId: 999999,
			promotionCount: 0,
			promotions: [],
		});
	});
});

test('an unknown customer (8015) is Failed, not a crash; the others are still looked up', async () => {
	const run = await lookUp([mobile(130), { mobile: DEMO.unknownCustomer.mobile }, mobile(131)]);
	expect(run.success.map((i) => i.json.customerId)).toEqual([
		DEMO.customer(130).id,
		DEMO.customer(131).id,
	]);
	expect(run.failed).toHaveLength(1);
	expect(run.failed[0].pairedItem).toEqual({ item: 1 });
	expect(run.failed[0].json.requestId).toEqual(expect.any(String));
	expect(errorOf(run.failed[0])).toEqual({
		kind: 'rejected',
		code: 8015,
		outcome: 'not_applied',
		message: messageThenAdvice('Customer not found for the given identifiers'),
	});
	expect(errorOf(run.failed[0]).message).toContain('Check the Identifier Type and value');
});

test('an invalid identifier is Failed invalid_input and never sent; a mobile is normalised', async () => {
	const formatted = '+91 9000 0001-40';
	const run = await lookUp([{ mobile: '12' }, { mobile: '' }, { mobile: formatted }]);
	expect(run.failed.map((i) => errorOf(i).kind)).toEqual(['invalid_input', 'invalid_input']);
	expect(errorOf(run.failed[0]).message).toMatch(/^Item 0: Identifier Value \(mobile\) /);
	expect(errorOf(run.failed[1]).message).toMatch(/^Item 1: Identifier Value \(mobile\) is empty/);
	expect(run.success[0].json).toMatchObject({
		identifierValue: formatted,
		identifierValueSent: DEMO.customer(140).mobile,
		customerId: DEMO.customer(140).id,
	});
	expect(lookups()).toHaveLength(1);
});

test('a 5xx, then an answer: retried, and Success', async () => {
	sandbox.injectFault({ type: 'status', status: 500, path: LOOKUP });
	const run = await lookUp([mobile(150)], { options: { maxRetryWait: 10 } });
	expect(run.success).toHaveLength(1);
	expect(lookups().map((r) => r.status)).toEqual([500, 200]);
});

test('a 5xx after the retries: Failed, not_applied, and no word of anything applied', async () => {
	sandbox.injectFault({ type: 'status', status: 500, path: LOOKUP, times: 2 });
	const run = await lookUp([mobile(151)], { options: { maxRetries: 1, maxRetryWait: 10 } });
	expect(errorOf(run.failed[0])).toMatchObject({
		kind: 'request_failed',
		code: 500,
		outcome: 'not_applied',
		message: messageThenAdvice('Capillary failed with HTTP 500'),
	});
	expect(errorOf(run.failed[0]).message).not.toMatch(/may have been|check.*before/i);
});

test.each([
	[{ type: 'malformed' as const }, 'could not be read: the answer is not a JSON object'],
	[
		{ type: 'strip' as const, fields: ['customerPromotionTimelines'] },
		'came without its customerPromotionTimelines',
	],
	[{ type: 'strip' as const, fields: ['issualDate'] }, 'an issue without a valid issualDate'],
])(
	'an answer that cannot be used (%o) is Failed unmatched, the next one Success',
	async (fault, reason) => {
		await apply('enrolAndEarn', welcome, 160);
		sandbox.injectFault({ ...fault, path: LOOKUP });
		const run = await lookUp([mobile(160), mobile(160)]);
		expect(run.failed).toHaveLength(1);
		expect(run.failed[0].pairedItem).toEqual({ item: 0 });
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'not_applied' });
		expect(errorOf(run.failed[0]).message).toContain(reason);
		expect(run.success[0].pairedItem).toEqual({ item: 1 });
	},
);

test('Parallel Requests > 1: one output per input, each paired with its own customer', async () => {
	const items = [170, 171, 172, 173, 174, 175, 176, 177].map(mobile);
	items.splice(3, 0, { mobile: 'bad' });
	items.splice(6, 0, { mobile: DEMO.unknownCustomer.mobile });
	sandbox.setLatency(5);
	const run = await lookUp(items, { options: { parallelRequests: 4 } });
	expect(run.success.length + run.failed.length).toBe(items.length);
	for (const item of [...run.success, ...run.failed]) {
		const { item: index } = item.pairedItem as { item: number };
		expect(item.json.identifierValue).toBe(items[index].mobile);
	}
	for (const item of run.success) {
		const k = [170, 171, 172, 173, 174, 175, 176, 177].find(
			(n) => DEMO.customer(n).mobile === item.json.identifierValue,
		)!;
		expect(item.json.customerId).toBe(DEMO.customer(k).id);
	}
	expect(run.failed.map((i) => i.pairedItem)).toEqual([{ item: 3 }, { item: 6 }]);
	expect(lookups()).toHaveLength(9);
});

describe('a request failure every lookup would meet', () => {
	const wrongPassword = () =>
		sandboxCredentials(sandbox, { basicAuth: { password: 'not-the-password' } });
	const items = [mobile(180), mobile(181), mobile(182)];
	const parameters = lookupParameters();

	test('stops the lookups; in a Continue mode every item is Failed, not_applied', async () => {
		const run = await runCapillary(wrongPassword(), {
			items,
			parameters,
			authentication: 'basicAuth',
			onError: 'continueRegularOutput',
		});
		expect(run.error).toBeUndefined();
		expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(Array(3).fill('not_applied'));
		expect(errorOf(run.failed[0]).code).toBe(401);
		expect(errorOf(run.failed[1]).message).toMatch(/^Not looked up, because the run stopped: /);
		expect(lookups()).toHaveLength(1);
	});

	test('with Stop Workflow, the node throws, saying a lookup changes nothing', async () => {
		const run = await runCapillary(wrongPassword(), {
			items,
			parameters,
			authentication: 'basicAuth',
			onError: 'stopWorkflow',
		});
		expect(run.error?.message).toMatch(/HTTP 401/);
		expect((run.error as { description?: string }).description).toMatch(
			/^A lookup changes nothing/,
		);
	});
});

test('once the execution is cancelled, nothing more leaves; the rest are Failed, not_applied', async () => {
	sandbox.injectFault({ type: 'latency', ms: 0, path: LOOKUP });
	sandbox.injectFault({ type: 'hang', afterApplying: false, path: LOOKUP });
	const cancel = new AbortController();
	const poll = setInterval(() => lookups().length === 2 && cancel.abort(), 2);
	const [success, failed] = await executeCapillary(
		sandboxCredentials(sandbox),
		{ items: [mobile(190), mobile(191), mobile(192)], parameters: lookupParameters() },
		cancel.signal,
	).finally(() => clearInterval(poll));
	expect(success.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
	expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	expect(failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
	expect(errorOf(failed[1]).message).toMatch(/^Not looked up: the run was cancelled/);
	expect(lookups()).toHaveLength(2);
});

test('Include Input Fields: input fields under the result, never a stale result field', async () => {
	const stale = { promotions: 'stale', customerId: 1, promotionCount: 99 };
	const run = await lookUp(
		[
			{ ...mobile(200), crmId: 'crm-1', ...stale },
			{ mobile: 'bad', crmId: 'crm-2', ...stale },
		],
		{ options: { includeInputFields: true } },
	);
	expect(run.failed[0].json).toMatchObject({ crmId: 'crm-2', status: 'failed' });
	for (const field of Object.keys(stale)) expect(run.failed[0].json).not.toHaveProperty(field);
	expect(run.success[0].json).toMatchObject({
		crmId: 'crm-1',
		customerId: DEMO.customer(200).id,
		promotionCount: published.length,
	});
	expect(Array.isArray(run.success[0].json.promotions)).toBe(true);
});

test('options the editor hides for a lookup (Batch Size, Deduplicate, …) do not stop it', async () => {
	const run = await lookUp([mobile(210)], {
		options: { batchSize: 150, deduplicate: 'yes', retryUnknownOutcome: 'maybe' },
	});
	expect(run.failed).toEqual([]);
	expect(run.success).toHaveLength(1);
});
