import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	CAPILLARY,
	capillaryWorkflow,
	promotionParameters,
	runCapillary,
	sandboxCredentials,
	type AuthKind,
} from '../support/engine/capillaryWorkflow';
import { errorOf, mobileItems } from '../support/engine/items';
import { runWorkflow } from '../support/engine/runWorkflow';

const sandbox = useSandbox();

const identifierNames = ['mobile', 'email', 'id'] as const;
const authentications: AuthKind[] = ['oAuth', 'basicAuth'];
const customers = [10, 11, 12].map((k) => DEMO.customer(k));

describe.each(authentications)('with %s', (authentication) => {
	test.each(identifierNames)('Enrol by %s enrols every customer once', async (identifierName) => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			authentication,
			items: customers.map((c) => ({ [identifierName]: String(c[identifierName]) })),
			parameters: promotionParameters('enrol', DEMO.promotions.welcome, identifierName),
		});
		expect(run.failed).toEqual([]);
		expect(run.success.map((i) => i.json.entityId)).toEqual(customers.map((c) => c.id));
		expect(run.success.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const ledgerIssualIds = sandbox.ledger
			.filter((e) => e.action === 'ENROL')
			.map((e) => e.issualId);
		expect(run.success.map((i) => i.json.issualId)).toEqual(ledgerIssualIds);
		expect(
			run.success.every((i) => i.json.earnedId === undefined && i.json.status === 'success'),
		).toBe(true);
	});

	test.each(identifierNames)(
		'Issue (Earn) by %s issues a Direct Issue promotion',
		async (identifierName) => {
			const run = await runCapillary(sandboxCredentials(sandbox), {
				authentication,
				items: customers.map((c) => ({ [identifierName]: String(c[identifierName]) })),
				parameters: promotionParameters('earn', DEMO.promotions.birthday, identifierName),
			});
			expect(run.failed).toEqual([]);
			const earned = sandbox.ledger.filter((e) => e.action === 'EARN');
			expect(earned.map((e) => e.customerId)).toEqual(customers.map((c) => c.id));
			expect(run.success.map((i) => i.json.earnedId)).toEqual(earned.map((e) => e.earnedId));
			expect(run.success[0].json).toMatchObject({
				status: 'success',
				operation: 'earn',
				identifierName,
				identifierValue: String(customers[0][identifierName]),
				source: 'INSTORE',
				programId: DEMO.promotions.birthday.programId,
				promotionId: DEMO.promotions.birthday.promotionId,
				warnings: [],
			});
			expect(run.success[0].json.requestId).toEqual(expect.any(String));
		},
	);

	test.each(identifierNames)(
		'Enrol and Issue by %s enrols, then issues',
		async (identifierName) => {
			const run = await runCapillary(sandboxCredentials(sandbox), {
				authentication,
				items: customers.map((c) => ({ [identifierName]: String(c[identifierName]) })),
				parameters: promotionParameters('enrolAndEarn', DEMO.promotions.welcome, identifierName),
			});
			expect(run.failed).toEqual([]);
			expect(sandbox.ledger.map((e) => e.action)).toEqual([
				'ENROL',
				'ENROL',
				'ENROL',
				'EARN',
				'EARN',
				'EARN',
			]);
			for (const item of run.success) {
				expect(item.json).toMatchObject({
					enrolled: true,
					issualId: expect.any(String),
					earnedId: expect.any(String),
				});
			}
		},
	);
});

test('a promotion chosen by its promotion identifier is sent as promoIdentifier', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [{ mobile: DEMO.customer(20).mobile }],
		parameters: {
			...promotionParameters('earn', DEMO.promotions.birthday),
			promotion: {
				__rl: true,
				mode: 'promoIdentifier',
				value: DEMO.promotions.birthday.promoIdentifier,
			},
		},
	});
	expect(run.success).toHaveLength(1);
	expect(run.success[0].json.promoIdentifier).toBe(DEMO.promotions.birthday.promoIdentifier);
	expect(run.success[0].json.promotionId).toBeUndefined();
	expect(sandbox.ledger[0].promotionId).toBe(DEMO.promotions.birthday.promotionId);
});

test('Enrol and Issue keeps the issualId of a customer whose issue was refused, and says to issue only', async () => {
	const credentials = sandboxCredentials(sandbox);
	const parameters = promotionParameters('enrolAndEarn', DEMO.promotions.welcome);
	const items = [{ mobile: DEMO.customer(30).mobile }];
	await runCapillary(credentials, { items, parameters });
	const again = await runCapillary(credentials, { items, parameters });
	expect(again.success).toEqual([]);
	expect(again.failed[0].json).toMatchObject({
		status: 'failed',
		enrolled: true,
		issualId: expect.any(String),
		error: { kind: 'rejected', code: 8890, outcome: 'not_applied', step: 'earn' },
	});
	expect(String((again.failed[0].json.error as { message: string }).message)).toMatch(
		/^Enrolled \(issualId \d+\), but the issue failed: .*run Issue \(Earn\) only for this customer; do not enrol again.*\.$/,
	);
	expect(again.failed[0].json.enrolRequestId).toEqual(expect.any(String));
});

test('includeInputFields merges the input item under the result fields', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [
			{ mobile: DEMO.customer(40).mobile, crmId: 'crm-1', status: 'lead' },
			{ mobile: 'nope', crmId: 'crm-2' },
		],
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { includeInputFields: true },
		}),
	});
	expect(run.success[0].json).toMatchObject({
		crmId: 'crm-1',
		mobile: DEMO.customer(40).mobile,
		status: 'success',
	});
	expect(run.failed[0].json).toMatchObject({ crmId: 'crm-2', status: 'failed' });

	const without = await runCapillary(sandboxCredentials(sandbox), {
		items: [{ mobile: DEMO.customer(41).mobile, crmId: 'crm-3' }],
		parameters: promotionParameters('earn', DEMO.promotions.birthday),
	});
	expect(without.success[0].json.crmId).toBeUndefined();
});

test("Include Input Fields carries the input item's binary data too", async () => {
	const binary = {
		card: {
			data: Buffer.from('hello').toString('base64'),
			mimeType: 'text/plain',
			fileName: 'card.txt',
		},
	};
	const workflow = capillaryWorkflow({
		items: [{ mobile: DEMO.customer(41).mobile }],
		parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { includeInputFields: true },
		}),
	});
	workflow.pinData!['Sign-ups'] = [{ json: { mobile: DEMO.customer(41).mobile }, binary }];
	const run = await runWorkflow(workflow, sandboxCredentials(sandbox));
	const [success] = run.outputs(CAPILLARY);
	expect(success[0].binary).toEqual(binary);
});

test('an operation this version does not know sends nothing and fails every item, also in a Continue mode', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(42, 2),
		parameters: {
			...promotionParameters('earn', DEMO.promotions.birthday),
			operation: 'transferPoints',
		},
		onError: 'continueRegularOutput',
	});
	expect(run.success).toEqual([]);
	expect(run.failed.map((i) => [i.pairedItem, errorOf(i).kind, errorOf(i).outcome])).toEqual([
		[{ item: 0 }, 'invalid_input', 'not_applied'],
		[{ item: 1 }, 'invalid_input', 'not_applied'],
	]);
	expect(String(errorOf(run.failed[0]).message)).toMatch(
		/^Item 0: Operation "transferPoints" is not one this version of the node knows/,
	);
	expect(sandbox.requests).toEqual([]);
});
