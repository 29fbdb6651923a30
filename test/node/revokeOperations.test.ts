/**
 * Revoke Issue (REVOKE_EARN) and Revoke Enrolment (REVOKE_ENROL) through n8n's real WorkflowExecute,
 * against the sandbox over loopback: what they revoke (the sandbox's ledger), what they answer per
 * item, what they send (a recording proxy in front of the sandbox), and what they do when the
 * answer or the network misbehaves.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { DEMO, REVOKE_ERROR_MESSAGES, type CapillarySandbox, type LedgerEntry } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	CAPILLARY,
	capillaryWorkflow,
	unverifiedParameters,
	runCapillary,
	sandboxCredentials,
	type AuthKind,
	type CapillaryRun,
} from '../support/engine/capillaryWorkflow';
import { errorOf, messageThenAdvice } from '../support/engine/items';
import { runWorkflow } from '../support/engine/runWorkflow';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox();

const { birthday, goldEnrol, goldDirect, generic } = DEMO.promotions;
type Promotion = { programId: number; promotionId: number };
type IdentifierName = 'mobile' | 'email' | 'id';
type OperationName = 'enrol' | 'earn' | 'enrolAndEarn' | 'revokeEarn' | 'revokeEnrol';

/** Node parameters for `operation`, with the identifier read from `$json[identifierName]`; these tests pin the answers' own outcomes (Verify Unknown Outcomes off). */
const parametersFor = (
	operation: OperationName,
	promotion: Promotion,
	identifierName: IdentifierName = 'mobile',
	extra: INodeParameters = {},
): INodeParameters => ({
	...unverifiedParameters('earn', promotion, identifierName, extra),
	operation,
});
const revokeEarn = (promotion: Promotion, extra: INodeParameters = {}) =>
	parametersFor('revokeEarn', promotion, 'mobile', { earnedIds: '={{ $json.ids }}', ...extra });
const revokeEnrol = (promotion: Promotion, extra: INodeParameters = {}) =>
	parametersFor('revokeEnrol', promotion, 'mobile', extra);

const mobileOf = (k: number) => ({ mobile: DEMO.customer(k).mobile });
const ledgerOf = (action: LedgerEntry['action'], customerId?: number) =>
	sandbox.ledger.filter(
		(e) => e.action === action && (customerId === undefined || e.customerId === customerId),
	);
const revokeRequests = (target: CapillarySandbox = sandbox) =>
	target.requests.filter((r) => r.path === ENDPOINTS.bulkRevokeEnrolAndEarn);
const messageOf = (item: INodeExecutionData) => String(errorOf(item).message);

/** Wording of the enrol and issue operations' advice, wrong after a revoke. */
const ENROL_WORDING =
	/enrolled or issued|enrol the customer first|Issue \(Earn\)|register the customer|, then [^.]*, then send/;

/** Every Failed item's message ends with a next step, in a revoke's words. */
function expectRevokeAdvice(items: INodeExecutionData[]) {
	expect(items.length).toBeGreaterThan(0);
	for (const item of items) {
		expect(messageOf(item)).toMatch(/\. [A-Z][^]*\.$/);
		expect(messageOf(item)).not.toMatch(ENROL_WORDING);
	}
}

/** Issues `promotion` once per item (Deduplicate off, so a customer may be issued more than once). */
async function issue(
	items: IDataObject[],
	promotion: Promotion = birthday,
	operation: 'earn' | 'enrolAndEarn' = 'earn',
	identifierName: IdentifierName = 'mobile',
): Promise<string[]> {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: parametersFor(operation, promotion, identifierName, {
			options: { deduplicate: false },
		}),
	});
	expect(run.failed).toEqual([]);
	return run.success.map((i) => String(i.json.earnedId));
}

async function run(
	items: IDataObject[],
	parameters: INodeParameters,
	authentication: AuthKind = 'oAuth',
): Promise<CapillaryRun> {
	return await runCapillary(sandboxCredentials(sandbox), { items, parameters, authentication });
}

describe.each<AuthKind>(['oAuth', 'basicAuth'])('with %s', (authentication) => {
	const customers = [10, 11, 12].map((k) => DEMO.customer(k));

	test.each<IdentifierName>(['mobile', 'email', 'id'])(
		'Revoke Issue by %s, chained from the Issue run’s Success output, revokes exactly the ids issued there',
		async (identifierName) => {
			const items = customers.map((c) => ({ [identifierName]: String(c[identifierName]) }));
			const earlier = await issue(items, birthday, 'earn', identifierName); // must stay active
			const workflow = capillaryWorkflow({
				items,
				authentication,
				parameters: parametersFor('earn', birthday, identifierName),
			});
			workflow.nodes.push({
				...workflow.nodes[1],
				id: 'r',
				name: 'Revoke',
				position: [440, 0],
				parameters: {
					authentication,
					...parametersFor('revokeEarn', birthday, identifierName, {
						identifierValue: '={{ $json.identifierValue }}',
						earnedIds: '={{ $json.earnedId }}',
					}),
				},
			});
			workflow.connections[CAPILLARY] = { main: [[{ node: 'Revoke', type: 'main', index: 0 }]] };
			const chained = await runWorkflow(workflow, sandboxCredentials(sandbox));
			const [issued] = chained.outputs(CAPILLARY);
			const [revoked, failed] = chained.outputs('Revoke');

			expect(failed).toEqual([]);
			const issuedIds = issued.map((i) => String(i.json.earnedId));
			expect(issuedIds).toHaveLength(3);
			expect(revoked.map((i) => [i.pairedItem, i.json.entityId, i.json.revokedEarnIds])).toEqual(
				customers.map((c, k) => [{ item: k }, c.id, [issuedIds[k]]]),
			);
			expect(ledgerOf('REVOKE_EARN').map((e) => [e.customerId, e.earnedId])).toEqual(
				customers.map((c, k) => [c.id, issuedIds[k]]),
			);
			expect(ledgerOf('REVOKE_EARN').some((e) => earlier.includes(e.earnedId!))).toBe(false);
			expect(revoked[0].json).toMatchObject({
				status: 'success',
				operation: 'revokeEarn',
				identifierName,
				warnings: [],
				requestId: expect.any(String),
			});
			expect(revoked[0].json.earnedId).toBeUndefined();
		},
	);

	test.each<IdentifierName>(['mobile', 'email', 'id'])(
		'Revoke Enrolment by %s after Revoke Issue: revokedIssualId is the enrolment’s issualId',
		async (identifierName) => {
			const items = customers.map((c) => ({ [identifierName]: String(c[identifierName]) }));
			await issue(items, goldEnrol, 'enrolAndEarn', identifierName);
			const issues = await run(
				items,
				parametersFor('revokeEarn', goldEnrol, identifierName),
				authentication,
			);
			expect(issues.success).toHaveLength(3);
			const unenrolled = await run(
				items,
				parametersFor('revokeEnrol', goldEnrol, identifierName),
				authentication,
			);

			expect(unenrolled.failed).toEqual([]);
			const enrolments = ledgerOf('ENROL').map((e) => [e.customerId, e.issualId]);
			expect(unenrolled.success.map((i) => [i.json.entityId, i.json.revokedIssualId])).toEqual(
				enrolments,
			);
			expect(ledgerOf('REVOKE_ENROL').map((e) => [e.customerId, e.issualId])).toEqual(enrolments);
			expect(unenrolled.success[0].json.issualId).toBeUndefined();
		},
	);
});

describe('Revoke Issue', () => {
	test.each([
		['a list', (ids: string[]) => ids],
		['text "a, b"', (ids: string[]) => ids.join(', ')],
		['text "[a, b]"', (ids: string[]) => `[${ids.join(', ')}]`],
		['a list of numbers', (ids: string[]) => ids.map(Number)],
	])('Earned IDs as %s revoke just those ids', async (_, form) => {
		const k = 20;
		const [first, second, third] = await issue([mobileOf(k), mobileOf(k), mobileOf(k)]);
		const result = await run([{ ...mobileOf(k), ids: form([third, first]) }], revokeEarn(birthday));

		expect(result.failed).toEqual([]);
		expect(result.success[0].json.revokedEarnIds).toEqual([first, third]);
		expect(ledgerOf('REVOKE_EARN').map((e) => e.earnedId)).toEqual([first, third]);
		expect(ledgerOf('REVOKE_EARN').some((e) => e.earnedId === second)).toBe(false);
	});

	test('empty Earned IDs revoke all of that customer’s issues, and no other customer’s', async () => {
		const issued = await issue([mobileOf(22), mobileOf(22), mobileOf(23)]);
		const result = await run([mobileOf(22)], revokeEarn(birthday, { earnedIds: '' }));

		expect(result.success.map((i) => i.json.revokedEarnIds)).toEqual([issued.slice(0, 2)]);
		expect(ledgerOf('REVOKE_EARN').map((e) => e.customerId)).toEqual([
			DEMO.customer(22).id,
			DEMO.customer(22).id,
		]);
	});

	test('an unknown earned id, or one already revoked: 8903, Failed, not applied; with several ids named, unknown (the docs do not say whether the others were revoked)', async () => {
		const k = 24;
		const [earned, other] = await issue([mobileOf(k), mobileOf(k)]);
		await run([{ ...mobileOf(k), ids: earned }], revokeEarn(birthday));
		const before = sandbox.ledger.length;

		const result = await run(
			[
				{ ...mobileOf(k), ids: '999999' },
				{ ...mobileOf(k), ids: earned }, // already revoked
				{ ...mobileOf(k), ids: [other, '999999'] }, // one good, one unknown: the sandbox refuses all
			],
			revokeEarn(birthday),
		);

		expect(result.success).toEqual([]);
		expect(result.failed.map((i) => [i.pairedItem, errorOf(i).code, errorOf(i).outcome])).toEqual([
			[{ item: 0 }, 8903, 'not_applied'],
			[{ item: 1 }, 8903, 'not_applied'],
			[{ item: 2 }, 8903, 'unknown'],
		]);
		expect(sandbox.ledger).toHaveLength(before);
		expect(messageOf(result.failed[0])).toEqual(messageThenAdvice(REVOKE_ERROR_MESSAGES[8903]));
		expect(messageOf(result.failed[0])).toMatch(/Check the Earned IDs/);
		// One of the ids may be a good one: the advice must not say that none of them is.
		expect(messageOf(result.failed[2])).not.toMatch(/none of them/);
		expectRevokeAdvice(result.failed);
	});

	test('nothing to revoke: 2305, Failed, not applied, without "send again"', async () => {
		const result = await run([mobileOf(25)], revokeEarn(birthday, { earnedIds: '' }));

		expect(errorOf(result.failed[0])).toMatchObject({
			kind: 'rejected',
			code: 2305,
			outcome: 'not_applied',
			message: messageThenAdvice(REVOKE_ERROR_MESSAGES[2305].replace(/\.$/, '')),
		});
		expect(messageOf(result.failed[0])).toMatch(/Nothing to revoke/);
		expect(messageOf(result.failed[0])).not.toMatch(/send this customer again/);
		expectRevokeAdvice(result.failed);
		expect(ledgerOf('REVOKE_EARN')).toEqual([]);
	});

	test('8902 on a GENERIC promotion: the advice does not send the user to Revoke Issue, the very operation that failed', async () => {
		const result = await run([mobileOf(26)], revokeEarn(generic, { earnedIds: '' }));

		expect(errorOf(result.failed[0])).toMatchObject({ code: 8902, outcome: 'not_applied' });
		expect(messageOf(result.failed[0])).not.toMatch(/use Revoke Issue/);
		expectRevokeAdvice(result.failed);
	});

	test('a customer Capillary does not know (8015): the advice does not say to register it first', async () => {
		const result = await run(
			[{ mobile: DEMO.unknownCustomer.mobile }],
			revokeEarn(birthday, { earnedIds: '' }),
		);

		expect(errorOf(result.failed[0])).toMatchObject({ code: 8015, outcome: 'not_applied' });
		expect(messageOf(result.failed[0])).toMatch(/Identifier Type/);
		expectRevokeAdvice(result.failed);
	});
});

describe('Revoke Enrolment', () => {
	test('with issues still active: 8896, Failed, not applied, the advice says to Revoke Issue first', async () => {
		await issue([mobileOf(30)], goldEnrol, 'enrolAndEarn');
		const before = sandbox.ledger.length;
		const result = await run([mobileOf(30)], revokeEnrol(goldEnrol));

		expect(result.success).toEqual([]);
		expect(errorOf(result.failed[0])).toMatchObject({
			kind: 'rejected',
			code: 8896,
			outcome: 'not_applied',
		});
		expect(messageOf(result.failed[0])).toMatch(/Revoke Issue\)? first|first \(Revoke Issue\)/);
		expectRevokeAdvice(result.failed);
		expect(sandbox.ledger).toHaveLength(before);
	});

	test('without an enrolment: 2305', async () => {
		const result = await run([mobileOf(31)], revokeEnrol(goldEnrol));
		expect(errorOf(result.failed[0])).toMatchObject({ code: 2305, outcome: 'not_applied' });
		expectRevokeAdvice(result.failed);
	});

	test('8902 on a Direct Issue promotion: Failed with advice, and a hint in the output pane', async () => {
		await issue([mobileOf(32)], goldDirect);
		const workflow = capillaryWorkflow({
			items: [mobileOf(32)],
			parameters: revokeEnrol(goldDirect),
		});
		const result = await runWorkflow(workflow, sandboxCredentials(sandbox));
		const [success, failed] = result.outputs(CAPILLARY);

		expect(success).toEqual([]);
		expect(errorOf(failed[0])).toMatchObject({ code: 8902, outcome: 'not_applied' });
		expect(messageOf(failed[0])).toMatch(/use Revoke Issue/);
		expectRevokeAdvice(failed);
		expect(result.run.data.resultData.runData[CAPILLARY][0].hints).toEqual([
			expect.objectContaining({
				location: 'outputPane',
				message: expect.stringMatching(/no enrolments to revoke\. Use Revoke Issue/),
			}),
		]);
		expect(ledgerOf('REVOKE_ENROL')).toEqual([]);
	});

	test('ignores Earned IDs: they are neither read nor sent', async () => {
		await issue([mobileOf(33)], goldEnrol, 'enrolAndEarn');
		await run([mobileOf(33)], revokeEarn(goldEnrol, { earnedIds: '' }));
		const result = await run(
			[{ ...mobileOf(33), ids: 'not an id' }],
			revokeEnrol(goldEnrol, { earnedIds: '={{ $json.ids }}' }),
		);
		expect(result.failed).toEqual([]);
		expect(result.success[0].json.revokedIssualId).toBe(ledgerOf('ENROL')[0].issualId);
	});
});

describe('Revoke Enrolment when the sandbox answers revokedIssualId (an integer, as the docs’ table lists it)', () => {
	const integerKeyed = useSandbox({ revokeEnrolIdKey: 'revokedIssualId' });

	test('revokedIssualId is read, as a string, and equals the enrolment’s issualId', async () => {
		const credentials = sandboxCredentials(integerKeyed);
		const items = [40, 41].map(mobileOf);
		await runCapillary(credentials, {
			items,
			parameters: parametersFor('enrolAndEarn', goldEnrol),
		});
		await runCapillary(credentials, {
			items,
			parameters: revokeEarn(goldEnrol, { earnedIds: '' }),
		});
		const result = await runCapillary(credentials, { items, parameters: revokeEnrol(goldEnrol) });

		expect(result.failed).toEqual([]);
		const enrolments = integerKeyed.ledger.filter((e) => e.action === 'ENROL');
		expect(result.success.map((i) => i.json.revokedIssualId)).toEqual(
			enrolments.map((e) => e.issualId),
		);
	});

	test('an answer without revokedIssualId is Failed, outcome unknown, never Success', async () => {
		const credentials = sandboxCredentials(integerKeyed);
		await runCapillary(credentials, {
			items: [mobileOf(42)],
			parameters: parametersFor('enrol', goldEnrol),
		});
		integerKeyed.injectFault({
			type: 'strip',
			fields: ['revokedIssualId'],
			path: ENDPOINTS.bulkRevokeEnrolAndEarn,
		});
		const result = await runCapillary(credentials, {
			items: [mobileOf(42)],
			parameters: revokeEnrol(goldEnrol),
		});

		expect(result.success).toEqual([]);
		expect(errorOf(result.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'unknown' });
		expect(integerKeyed.ledger.filter((e) => e.action === 'REVOKE_ENROL')).toHaveLength(1);
		expectRevokeAdvice(result.failed);
	});
});

/** A loopback proxy in front of the sandbox that keeps every bulk request's JSON body. */
function useRecordingProxy() {
	const bodies: Array<{ path: string; body: unknown }> = [];
	let server: http.Server | undefined;
	let url = '';
	beforeAll(async () => {
		server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const body = Buffer.concat(chunks);
				if (request.url?.includes('/bulk/'))
					bodies.push({ path: request.url, body: JSON.parse(body.toString('utf8')) as unknown });
				const headers = { ...request.headers };
				delete headers.host;
				const forward = http.request(
					sandbox.url + (request.url ?? '/'),
					{ method: request.method, headers },
					(answer) => {
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(response);
					},
				);
				forward.end(body);
			});
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
	});
	afterEach(() => bodies.splice(0));
	afterAll(async () => await new Promise((resolve) => server?.close(resolve)));
	return { bodies, credentials: () => sandboxCredentials({ url } as CapillarySandbox) };
}

describe('what is sent', () => {
	const proxy = useRecordingProxy();

	test('Revoke Issue sends the docs’ body: earnIds as integers; an expression that gives a blank is refused, not sent as "revoke all"', async () => {
		const [a1] = await issue([mobileOf(50)]);
		const [b1, b2] = await issue([mobileOf(51), mobileOf(51)]);
		await issue([mobileOf(52)]);
		proxy.bodies.splice(0);
		const result = await runCapillary(proxy.credentials(), {
			items: [
				{ ...mobileOf(50), ids: a1 },
				{ ...mobileOf(51), ids: `${b2}, ${b1}` },
				{ ...mobileOf(52), ids: '' },
			],
			parameters: revokeEarn(birthday),
		});

		expect(result.failed.map((i) => [i.pairedItem, errorOf(i).kind])).toEqual([
			[{ item: 2 }, 'invalid_input'],
		]);
		expect(messageOf(result.failed[0])).toMatch(/leave Earned IDs empty/);
		expect(proxy.bodies).toEqual([
			{
				path: ENDPOINTS.bulkRevokeEnrolAndEarn,
				body: {
					type: 'CUSTOMER',
					bulkAction: 'REVOKE_EARN',
					promotionDetails: { programId: birthday.programId, promotionId: birthday.promotionId },
					identifierName: 'mobile',
					customers: [
						{ identifierValue: DEMO.customer(50).mobile, source: 'INSTORE', earnIds: [Number(a1)] },
						{
							identifierValue: DEMO.customer(51).mobile,
							source: 'INSTORE',
							earnIds: [Number(b1), Number(b2)],
						},
					],
				},
			},
		]);
	});

	test('Revoke Enrolment sends bulkAction REVOKE_ENROL, by promoIdentifier when chosen so, without earnIds', async () => {
		const result = await runCapillary(proxy.credentials(), {
			items: [{ id: String(DEMO.customer(53).id), ids: '5' }],
			parameters: parametersFor('revokeEnrol', goldEnrol, 'id', {
				promotion: { __rl: true, mode: 'promoIdentifier', value: goldEnrol.promoIdentifier },
				earnedIds: '={{ $json.ids }}',
			}),
		});

		expect(errorOf(result.failed[0]).code).toBe(2305);
		expect(proxy.bodies.map((b) => b.body)).toEqual([
			{
				type: 'CUSTOMER',
				bulkAction: 'REVOKE_ENROL',
				promotionDetails: {
					programId: goldEnrol.programId,
					promoIdentifier: goldEnrol.promoIdentifier,
				},
				identifierName: 'id',
				customers: [{ identifierValue: String(DEMO.customer(53).id), source: 'INSTORE' }],
			},
		]);
	});
});

describe('Earned IDs that are not ids', () => {
	const tooMany = Array.from({ length: 1001 }, (_, k) => String(k + 1)).join(',');
	const invalid: Array<[string, IDataObject[string]]> = [
		['text', 'abc'],
		['a negative number', -1],
		['a fraction', 1.5],
		['zero', 0],
		['an object', {}],
		['20 digits', '12345678901234567890'],
		['a list holding null', [null]],
		['a list holding a blank', ['', 5]],
		['a nested list', [[1]]],
		['a boolean', true],
		['a list holding a boolean', [true]],
		['text with one bad part', '959, x'],
		['a blank from the expression', ''],
		['spaces from the expression', '  '],
		['too many ids', tooMany],
	];

	test('each is Failed invalid_input, naming the item and "Earned IDs", and is never sent', async () => {
		const items = invalid.map(([, ids]) => ({ ...mobileOf(60), ids }));
		const [id61] = await issue([mobileOf(61)]);
		const result = await run([...items, { ...mobileOf(61), ids: id61 }], revokeEarn(birthday));

		expect(revokeRequests().map((r) => r.customerCount)).toEqual([1]); // the valid item alone
		expect(result.success.map((i) => i.pairedItem)).toEqual([{ item: invalid.length }]);
		expect(result.failed.map((i) => i.pairedItem)).toEqual(invalid.map((_, item) => ({ item })));
		result.failed.forEach((item, k) => {
			expect(errorOf(item)).toMatchObject({
				kind: 'invalid_input',
				outcome: 'not_applied',
				code: null,
			});
			expect(messageOf(item)).toMatch(new RegExp(`^Item ${k}: Earned IDs `));
			expect(messageOf(item)).toMatch(/it was not sent\.$/);
		});
		expect(messageOf(result.failed.at(-1)!)).toMatch(/1001 ids; at most 1000/);
	});

	test.each<[string, IDataObject]>([
		['a missing field', {}],
		['null', { ids: null }],
		['an empty list', { ids: [] }],
	])(
		'an expression giving %s does not revoke ALL the customer’s issues: Failed, not sent',
		async (_, fields) => {
			await issue([mobileOf(62), mobileOf(62)]);
			const result = await run([{ ...mobileOf(62), ...fields }], revokeEarn(birthday));

			expect(result.success).toEqual([]);
			expect(errorOf(result.failed[0])).toMatchObject({
				kind: 'invalid_input',
				outcome: 'not_applied',
			});
			expect(messageOf(result.failed[0])).toMatch(/^Item 0: Earned IDs .*leave Earned IDs empty/);
			expect(revokeRequests()).toEqual([]);
			expect(ledgerOf('REVOKE_EARN')).toEqual([]);
		},
	);
});

describe('Deduplicate', () => {
	test('items for one customer naming other ids are all sent; the same ids in another form are sent once', async () => {
		const k = 70;
		const [e1, e2] = await issue([mobileOf(k), mobileOf(k)]);
		const result = await run(
			[
				{ ...mobileOf(k), ids: [e1] },
				{ ...mobileOf(k), ids: e2 },
				{ ...mobileOf(k), ids: `[${e2}]` }, // the same as item 1
				{ mobile: `+${DEMO.customer(k).mobile}`, ids: Number(e1) }, // the same as item 0
			],
			revokeEarn(birthday),
		);

		expect(revokeRequests().map((r) => r.customerCount)).toEqual([2]);
		expect(ledgerOf('REVOKE_EARN').map((e) => e.earnedId)).toEqual([e1, e2]);
		expect(result.failed).toEqual([]);
		expect(
			result.success.map((i) => [i.pairedItem, i.json.revokedEarnIds, i.json.duplicateOf]),
		).toEqual([
			[{ item: 0 }, [e1], undefined],
			[{ item: 1 }, [e2], undefined],
			[{ item: 2 }, [e2], 1],
			[{ item: 3 }, [e1], 0],
		]);
	});
});

test('more than 100 customers are sent in batches of 100, each paired back to its item', async () => {
	const items = Array.from({ length: 150 }, (_, k) => ({ id: String(DEMO.customer(100 + k).id) }));
	await issue(items, birthday, 'earn', 'id');
	const result = await run(items, parametersFor('revokeEarn', birthday, 'id'));

	expect(revokeRequests().map((r) => [r.bulkAction, r.customerCount])).toEqual([
		['REVOKE_EARN', 100],
		['REVOKE_EARN', 50],
	]);
	expect(result.failed).toEqual([]);
	expect(result.success.map((i) => [i.pairedItem, i.json.entityId])).toEqual(
		items.map((item, k) => [{ item: k }, Number(item.id)]),
	);
	expect(result.success.map((i) => i.json.revokedEarnIds)).toEqual(
		ledgerOf('REVOKE_EARN').map((e) => [e.earnedId]),
	);
});

describe('answers that cannot be trusted', () => {
	test('an entityId that is not the customer ID sent there makes the batch unknown', async () => {
		const ids = [200, 201].map((k) => String(DEMO.customer(k).id));
		sandbox.injectFault({
			type: 'status',
			status: 200,
			path: ENDPOINTS.bulkRevokeEnrolAndEarn,
			body: {
				response: ids.reverse().map((id, k) => ({
					result: { entityType: 'CUSTOMER', entityId: Number(id), revokedEarnIds: [900 + k] },
					errors: [],
					warnings: [],
				})),
				totalCount: 2,
				failureCount: 0,
			},
		});
		const result = await run(
			ids.reverse().map((id) => ({ id })),
			parametersFor('revokeEarn', birthday, 'id'),
		);

		expect(result.success).toEqual([]);
		expect(result.failed.map((i) => [errorOf(i).kind, errorOf(i).outcome])).toEqual([
			['unmatched', 'unknown'],
			['unmatched', 'unknown'],
		]);
		expectRevokeAdvice(result.failed);
	});

	test('an answer one entry short makes every customer of the batch unknown, and is not resent', async () => {
		const items = [202, 203, 204].map(mobileOf);
		await issue(items);
		sandbox.injectFault({ type: 'short', drop: 1, path: ENDPOINTS.bulkRevokeEnrolAndEarn });
		const result = await run(items, revokeEarn(birthday, { earnedIds: '' }));

		expect(result.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown', 'unknown', 'unknown']);
		expect(ledgerOf('REVOKE_EARN')).toHaveLength(3);
		expect(revokeRequests()).toHaveLength(1);
		expectRevokeAdvice(result.failed);
	});

	test.each([
		['revokeEarn', ['revokedEarnIds']],
		['revokeEnrol', ['issualId']],
	] as const)(
		'a %s result without the id it revoked is Failed, outcome unknown, never Success',
		async (operation, fields) => {
			if (operation === 'revokeEarn') await issue([mobileOf(205)], goldEnrol, 'enrolAndEarn');
			else await run([mobileOf(205)], parametersFor('enrol', goldEnrol));
			sandbox.injectFault({
				type: 'strip',
				fields: [...fields],
				path: ENDPOINTS.bulkRevokeEnrolAndEarn,
			});
			const result = await run(
				[mobileOf(205)],
				operation === 'revokeEarn'
					? revokeEarn(goldEnrol, { earnedIds: '' })
					: revokeEnrol(goldEnrol),
			);

			expect(result.success).toEqual([]);
			expect(errorOf(result.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'unknown' });
			expect(sandbox.ledger.filter((e) => e.action.startsWith('REVOKE'))).toHaveLength(1);
			expectRevokeAdvice(result.failed);
		},
	);

	test('revokedEarnIds naming an id the customer did not ask for is not a Success', async () => {
		const [earned] = await issue([mobileOf(206)]);
		sandbox.injectFault({
			type: 'status',
			status: 200,
			path: ENDPOINTS.bulkRevokeEnrolAndEarn,
			body: {
				response: [
					{
						result: {
							entityType: 'CUSTOMER',
							entityId: DEMO.customer(206).id,
							revokedEarnIds: [1],
						},
						errors: [],
						warnings: [],
					},
				],
				totalCount: 1,
				failureCount: 0,
			},
		});
		const result = await run([{ ...mobileOf(206), ids: earned }], revokeEarn(birthday));

		expect(result.success).toEqual([]);
		expect(errorOf(result.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'unknown' });
		expectRevokeAdvice(result.failed);
	});
});

describe('request faults: outcome unknown, never resent', () => {
	test.each([
		['a hang past the Timeout', { type: 'hang', afterApplying: true }],
		['a 502 after applying', { type: 'status', status: 502, afterApplying: true }],
		['a reset after applying', { type: 'reset', afterApplying: true }],
		['cut-off JSON after applying', { type: 'malformed' }],
	] as const)('%s', async (_, fault) => {
		const items = [210, 211].map(mobileOf);
		await issue(items);
		sandbox.injectFault({ ...fault, path: ENDPOINTS.bulkRevokeEnrolAndEarn });
		const result = await run(
			items,
			revokeEarn(birthday, { earnedIds: '', options: { timeout: 1000 } }),
		);

		expect(result.success).toEqual([]);
		expect(result.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown', 'unknown']);
		expect(revokeRequests()).toHaveLength(1);
		expect(ledgerOf('REVOKE_EARN')).toHaveLength(2);
		expectRevokeAdvice(result.failed);
		expect(messageOf(result.failed[0])).toMatch(/before revoking again/);
	});

	test('Revoke Enrolment after a reset: unknown, not resent, advice to check before revoking again', async () => {
		await run([mobileOf(212)], parametersFor('enrol', goldEnrol));
		sandbox.injectFault({
			type: 'reset',
			afterApplying: true,
			path: ENDPOINTS.bulkRevokeEnrolAndEarn,
		});
		const result = await run([mobileOf(212)], revokeEnrol(goldEnrol));

		expect(errorOf(result.failed[0])).toMatchObject({ kind: 'request_failed', outcome: 'unknown' });
		expect(revokeRequests()).toHaveLength(1);
		expect(ledgerOf('REVOKE_ENROL')).toHaveLength(1);
		expect(messageOf(result.failed[0])).toMatch(/before revoking again: it may have been revoked/);
	});

	test('with Retry Unknown Outcome on, the resend’s "nothing to revoke" is not taken for "not applied"', async () => {
		await issue([mobileOf(214)]);
		sandbox.injectFault({
			type: 'reset',
			afterApplying: true,
			path: ENDPOINTS.bulkRevokeEnrolAndEarn,
		});
		const result = await run(
			[mobileOf(214)],
			revokeEarn(birthday, { earnedIds: '', options: { retryUnknownOutcome: true } }),
		);

		expect(revokeRequests()).toHaveLength(2);
		expect(ledgerOf('REVOKE_EARN')).toHaveLength(1); // the first request revoked it
		expect(errorOf(result.failed[0])).toMatchObject({ code: 2305, outcome: 'unknown' });
		expect(messageOf(result.failed[0])).toMatch(
			/before revoking again: it may have been revoked\.$/,
		);
	});

	test('a 400 refused before acting stops the run: nothing revoked, and the error says so in a revoke’s words', async () => {
		await issue([mobileOf(213)]);
		sandbox.injectFault({ type: 'status', status: 400, path: ENDPOINTS.bulkRevokeEnrolAndEarn });
		const result = await run([mobileOf(213)], revokeEarn(birthday, { earnedIds: '' }), 'basicAuth');

		expect(result.error?.message).toMatch(/Nothing was applied\.$/);
		expect((result.error as { description?: string } | undefined)?.description).toBe(
			'Nothing was revoked. Items with invalid input were not sent either.',
		);
		expect(ledgerOf('REVOKE_EARN')).toEqual([]);
	});
});

test.each<AuthKind>(['basicAuth', 'oAuth'])(
	'a debug page echoing the request on the revoke path leaks no secret (%s)',
	async (authentication) => {
		const credentials = sandboxCredentials(sandbox);
		sandbox.injectFault({
			type: 'echoRequest',
			status: 200,
			format: 'json',
			path: ENDPOINTS.bulkRevokeEnrolAndEarn,
		});
		const result = await runCapillary(credentials, {
			items: [mobileOf(220)],
			parameters: revokeEarn(birthday, { earnedIds: '' }),
			authentication,
		});

		expect(errorOf(result.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'unknown' });
		const text = JSON.stringify(result);
		expect(text).toMatch(/REVOKE_EARN/); // the echo came back, with the request's headers …
		expect(text).toMatch(
			authentication === 'basicAuth' ? /authorization/i : /x-cap-api-oauth-token/i,
		);
		const secrets =
			authentication === 'basicAuth'
				? [DEMO.basic.header.replace(/^Basic /, '')]
				: [String(credentials.store.get('capillaryOAuthApi')!.accessToken)];
		expect(secrets[0].length).toBeGreaterThan(20);
		for (const secret of secrets) {
			// … without the credential in it, raw, URL-encoded or base64
			expect(text).not.toContain(secret);
			expect(text).not.toContain(encodeURIComponent(secret));
			expect(text).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
		}
	},
);
