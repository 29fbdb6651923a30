import { DEMO, ERROR_MESSAGES } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	CAPILLARY,
	capillaryWorkflow,
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { messageThenAdvice } from '../support/engine/items';
import { runWorkflow } from '../support/engine/runWorkflow';

const sandbox = useSandbox();

const { welcome, birthday, inactive } = DEMO.promotions;
const mobile = (k: number) => ({ mobile: DEMO.customer(k).mobile });

async function earnOne(
	promotion: { programId: number; promotionId: number },
	item: Record<string, string>,
	identifierName: 'mobile' | 'id' = 'mobile',
) {
	return await runCapillary(sandboxCredentials(sandbox), {
		items: [item],
		parameters: promotionParameters('earn', promotion, identifierName),
	});
}

describe('per-customer codes reach Failed with their code and message', () => {
	test.each([
		['8892 inactive promotion', inactive, mobile(1), 'mobile', 8892],
		['8015 customer not found', birthday, { mobile: DEMO.unknownCustomer.mobile }, 'mobile', 8015],
		[
			'1101 invalid programId',
			{ programId: 999999, promotionId: birthday.promotionId },
			mobile(1),
			'mobile',
			1101,
		],
		[
			'8874 invalid promotionId',
			{ programId: birthday.programId, promotionId: 987654 },
			mobile(1),
			'mobile',
			8874,
		],
		['8899 user group', birthday, { mobile: DEMO.userGroup.mobile }, 'mobile', 8899],
		['8896 issue without enrolment', welcome, mobile(2), 'mobile', 8896],
	] as const)('%s', async (_, promotion, item, identifierName, code) => {
		const run = await earnOne(promotion, item, identifierName);
		expect(run.success).toEqual([]);
		expect(run.failed).toHaveLength(1);
		expect(run.failed[0].json.error).toEqual({
			kind: 'rejected',
			code,
			message: messageThenAdvice(ERROR_MESSAGES[code]),
			outcome: 'not_applied',
		});
		expect(run.failed[0].pairedItem).toEqual({ item: 0 });
		expect(sandbox.ledger).toEqual([]);
	});

	test('8902 Enrol on a Direct Issue promotion', async () => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [mobile(3)],
			parameters: promotionParameters('enrol', birthday),
		});
		expect(run.failed[0].json.error).toMatchObject({
			kind: 'rejected',
			code: 8902,
			message: messageThenAdvice(ERROR_MESSAGES[8902]),
		});
	});

	// The node validates what it sends, so these three can only come from a server: replay the seed page's bodies.
	test.each([
		[8881, ERROR_MESSAGES[8881]],
		[8901, ERROR_MESSAGES[8901]],
		[11013, ERROR_MESSAGES[11013]],
	])('%s replayed from the reference page', async (code, message) => {
		sandbox.injectFault({
			type: 'status',
			status: 200,
			body: {
				response: [{ errors: [{ status: false, message, code }], warnings: [] }],
				totalCount: 1,
				failureCount: 1,
			},
		});
		const run = await earnOne(birthday, mobile(4));
		expect(run.failed[0].json.error).toEqual({
			kind: 'rejected',
			code,
			message: messageThenAdvice(message),
			outcome: 'not_applied',
		});
	});
});

test("the reference page's partial success: one applied, three not found", async () => {
	const items = [
		mobile(5),
		{ mobile: '919100000001' },
		{ mobile: '919100000002' },
		{ mobile: '919100000003' },
	];
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters: promotionParameters('earn', birthday),
	});
	expect(run.success.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
	expect(run.failed.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
	expect(run.failed.map((i) => (i.json.error as { code: number }).code)).toEqual([
		8015, 8015, 8015,
	]);
	expect(sandbox.requests.filter((r) => r.bulkAction).map((r) => r.status)).toEqual([201]);
});

test("the reference page's partial-success body, replayed, pairs by position", async () => {
	sandbox.injectFault({
		type: 'status',
		status: 200,
		body: {
			response: [
				{
					result: {
						entityType: 'CUSTOMER',
						entityId: 170940055,
						promotionId: 74116,
						programId: 699,
						issualId: '72',
						earnedId: '102',
					},
					errors: [],
					warnings: [],
				},
				...[1, 2, 3].map(() => ({
					errors: [
						{ status: false, code: 8015, message: 'Customer not found for the given identifiers' },
					],
					warnings: [],
				})),
			],
			totalCount: 4,
			failureCount: 3,
		},
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [6, 7, 8, 9].map(mobile),
		parameters: promotionParameters('earn', birthday),
	});
	expect(run.success[0].json).toMatchObject({
		identifierValue: DEMO.customer(6).mobile,
		earnedId: '102',
		issualId: '72',
		entityId: 170940055,
	});
	expect(run.failed.map((i) => i.json.identifierValue)).toEqual(
		[7, 8, 9].map((k) => DEMO.customer(k).mobile),
	);
});

test('an 8890 warning (issue limit reached) is Failed, not applied, with no earnedId', async () => {
	const items = [mobile(11)];
	const parameters = promotionParameters('earn', birthday);
	for (let i = 0; i < DEMO.promotions.birthday.issueLimit; i++) {
		expect(
			(await runCapillary(sandboxCredentials(sandbox), { items, parameters })).success,
		).toHaveLength(1);
	}
	const over = await runCapillary(sandboxCredentials(sandbox), { items, parameters });
	expect(over.success).toEqual([]);
	expect(over.failed[0].json.error).toMatchObject({
		kind: 'rejected',
		code: 8890,
		outcome: 'not_applied',
	});
	expect(over.failed[0].json.earnedId).toBeUndefined();
	expect(over.failed[0].json.warnings).toEqual([expect.objectContaining({ code: 8890 })]);
});

test('an EARN result without earnedId and without warnings is still Failed 8890', async () => {
	sandbox.injectFault({
		type: 'status',
		status: 200,
		body: {
			response: [
				{
					result: { entityType: 'CUSTOMER', entityId: 1, issualId: '5' },
					errors: [],
					warnings: [],
				},
			],
			totalCount: 1,
			failureCount: 0,
		},
	});
	const run = await earnOne(birthday, mobile(12));
	expect(run.failed[0].json.error).toMatchObject({
		kind: 'rejected',
		code: 8890,
		outcome: 'not_applied',
	});
});

describe('invalid input is never sent', () => {
	test.each([
		['mobile', '', 'Item 0: Identifier Value (mobile) is empty'],
		[
			'mobile',
			'12ab',
			'Item 0: Identifier Value (mobile) is not a mobile number: it holds characters other than digits, a leading +, spaces, dashes, dots and brackets',
		],
		[
			'mobile',
			'+91 900',
			'Item 0: Identifier Value (mobile) is not a mobile number: it has 5 digits, and a mobile with its country code has 8 to 15',
		],
		[
			'email',
			'not-an-email',
			'Item 0: Identifier Value (email) is not a well-formed email address',
		],
		['id', '-4', 'Item 0: Identifier Value (id) is not a customer ID (a positive whole number)'],
		['mobile', '9'.repeat(300), 'Item 0: Identifier Value (mobile) is longer than 254 characters'],
	] as const)('%s %j', async (identifierName, value, message) => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [{ [identifierName]: value }],
			parameters: promotionParameters('earn', birthday, identifierName),
		});
		expect(run.failed[0].json.error).toEqual({
			kind: 'invalid_input',
			code: null,
			message: messageThenAdvice(message),
			outcome: 'not_applied',
		});
		expect(sandbox.requests.filter((r) => r.bulkAction)).toEqual([]);
	});

	test('a bad program ID names the item and the field; good items are still sent', async () => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [
				{ ...mobile(13), program: '469' },
				{ ...mobile(14), program: 'gold' },
			],
			parameters: {
				...promotionParameters('earn', birthday),
				programId: { __rl: true, mode: 'id', value: '={{ $json.program }}' },
			},
		});
		expect(run.success.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect((run.failed[0].json.error as { message: string }).message).toEqual(
			messageThenAdvice('Item 1: Program ID "gold" is not a positive whole number'),
		);
		expect(sandbox.requests.filter((r) => r.bulkAction).map((r) => r.customerCount)).toEqual([1]);
	});

	// n8n 2.x evaluates a throwing expression to ''; older hosts throw, which mapCustomer's unit tests cover.
	test('an expression that fails for one item fails that item only', async () => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [{ mobile: DEMO.customer(15).mobile }, { bad: true }],
			parameters: {
				...promotionParameters('earn', birthday),
				identifierValue:
					"={{ $json.bad ? (() => { throw new Error('no phone on this lead') })() : $json.mobile }}",
			},
		});
		expect(run.success).toHaveLength(1);
		expect(run.failed[0].pairedItem).toEqual({ item: 1 });
		expect((run.failed[0].json.error as { message: string }).message).toMatch(
			/^Item 1: Identifier Value/,
		);
	});
});

test('Enrol on a Direct Issue promotion leaves a hint in the output pane', async () => {
	const workflow = capillaryWorkflow({
		items: [mobile(16)],
		parameters: promotionParameters('enrol', birthday),
	});
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox));
	const hints = run.run.data.resultData.runData[CAPILLARY][0].hints ?? [];
	expect(hints).toEqual([
		expect.objectContaining({
			location: 'outputPane',
			message: expect.stringContaining('Direct Issue'),
		}),
	]);
});

test('mobiles in CRM formats are sent as digits, kept as given, and deduplicated as one customer', async () => {
	const { mobile } = DEMO.customer(17);
	const spaced = `+${mobile.slice(0, 2)} ${mobile.slice(2, 7)} ${mobile.slice(7)}`;
	const bracketed = `(${mobile.slice(0, 3)}) ${mobile.slice(3, 6)}-${mobile.slice(6)}`;
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [{ mobile: spaced }, { mobile: `+${mobile}` }, { mobile: bracketed }],
		parameters: promotionParameters('earn', birthday),
	});
	expect(run.failed).toEqual([]);
	expect(
		run.success.map((i) => [
			i.json.identifierValue,
			i.json.identifierValueSent,
			i.json.duplicateOf,
		]),
	).toEqual([
		[spaced, mobile, undefined],
		[`+${mobile}`, mobile, 0],
		[bracketed, mobile, 0],
	]);
	expect(sandbox.ledger.map((e) => e.identifierValue)).toEqual([mobile]);
});
