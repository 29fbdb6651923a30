import { DEMO, LIMIT_WARNING } from './index';
import { bulkBody, customerIds, postBulk } from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';

const { welcome, birthday, goldEnrol, goldDirect } = DEMO.promotions;

describe('POST /v2/promotion/bulk/enrolAndEarn', () => {
	const sandbox = useSandbox();

	it('enrols customers in an Enrol & Issue promotion: 200, one result per customer, string issualIds', async () => {
		const ids = customerIds(10, 3);
		const answer = await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'ENROL', promotionId: welcome.promotionId, values: ids }),
		);
		expect(answer.status).toBe(200);
		expect(answer.json.totalCount).toBe(3);
		expect(answer.json.failureCount).toBe(0);
		answer.json.response.forEach((entry, index) => {
			expect(entry).toEqual({
				result: {
					entityType: 'CUSTOMER',
					entityId: Number(ids[index]),
					promotionId: welcome.promotionId,
					programId: welcome.programId,
					issualId: expect.any(String),
				},
				errors: [],
				warnings: [],
			});
		});
		expect(new Set(answer.json.response.map((entry) => entry.result?.issualId)).size).toBe(3);
	});

	it('issues (EARN) an Enrol & Issue promotion to enrolled customers with the enrolment issualId', async () => {
		const ids = customerIds(20, 2);
		const enrolled = await postBulk(
			sandbox.url,
			bulkBody({
				bulkAction: 'ENROL',
				promotionId: goldEnrol.promotionId,
				programId: goldEnrol.programId,
				values: ids,
			}),
		);
		const earned = await postBulk(
			sandbox.url,
			bulkBody({
				bulkAction: 'EARN',
				promotionId: goldEnrol.promotionId,
				programId: goldEnrol.programId,
				values: ids,
			}),
		);
		expect(earned.status).toBe(200);
		earned.json.response.forEach((entry, index) => {
			expect(entry.result?.issualId).toBe(enrolled.json.response[index].result?.issualId);
			expect(entry.result?.earnedId).toEqual(expect.any(String));
		});
	});

	it('re-enrolling replaces the active enrolment with a new issualId', async () => {
		const body = bulkBody({
			bulkAction: 'ENROL',
			promotionId: welcome.promotionId,
			values: customerIds(30, 1),
		});
		const first = await postBulk(sandbox.url, body);
		const second = await postBulk(sandbox.url, body);
		const earned = await postBulk(sandbox.url, { ...body, bulkAction: 'EARN' });
		expect(second.json.response[0].result?.issualId).not.toBe(
			first.json.response[0].result?.issualId,
		);
		expect(earned.json.response[0].result?.issualId).toBe(second.json.response[0].result?.issualId);
	});

	it('issues a Direct Issue promotion with a dummy issualId and an earnedId', async () => {
		const answer = await postBulk(
			sandbox.url,
			bulkBody({
				promotionId: goldDirect.promotionId,
				programId: goldDirect.programId,
				values: customerIds(40, 2),
			}),
		);
		expect(answer.status).toBe(200);
		for (const entry of answer.json.response) {
			expect(entry.result).toMatchObject({
				promotionId: goldDirect.promotionId,
				programId: goldDirect.programId,
				issualId: expect.any(String),
				earnedId: expect.any(String),
			});
		}
	});

	it('finds the promotion by promoIdentifier alone', async () => {
		const answer = await postBulk(
			sandbox.url,
			bulkBody({ promoIdentifier: birthday.promoIdentifier, values: customerIds(50, 1) }),
		);
		expect(answer.status).toBe(200);
		expect(answer.json.response[0].result?.promotionId).toBe(birthday.promotionId);
	});

	it('identifies customers by mobile and by email', async () => {
		const customer = DEMO.customer(60);
		const byMobile = await postBulk(
			sandbox.url,
			bulkBody({
				identifierName: 'mobile',
				promotionId: birthday.promotionId,
				values: [customer.mobile],
			}),
		);
		const byEmail = await postBulk(
			sandbox.url,
			bulkBody({
				identifierName: 'email',
				promotionId: birthday.promotionId,
				values: [customer.email],
			}),
		);
		expect(byMobile.json.response[0].result?.entityId).toBe(customer.id);
		expect(byEmail.json.response[0].result?.entityId).toBe(customer.id);
	});

	it('answers 201 with the partial-success shape, in request order, failed entries without identifiers', async () => {
		const values = [
			String(DEMO.customer(70).id),
			String(DEMO.unknownCustomer.id),
			String(DEMO.customer(71).id),
			'abc',
		];
		const answer = await postBulk(
			sandbox.url,
			bulkBody({ promotionId: birthday.promotionId, values }),
		);
		expect(answer.status).toBe(201);
		expect(answer.json.totalCount).toBe(4);
		expect(answer.json.failureCount).toBe(2);
		const [first, second, third, fourth] = answer.json.response;
		expect(first.result?.entityId).toBe(DEMO.customer(70).id);
		expect(second).toEqual({
			errors: [
				{ status: false, code: 8015, message: 'Customer not found for the given identifiers' },
			],
			warnings: [],
		});
		expect(third.result?.entityId).toBe(DEMO.customer(71).id);
		expect(fourth).toEqual({
			errors: [
				{
					status: false,
					code: 8896,
					message: 'Error occurred while issuing promotion to the customer',
				},
			],
			warnings: [],
		});
		expect(sandbox.ledger.map((entry) => entry.customerId)).toEqual([
			DEMO.customer(70).id,
			DEMO.customer(71).id,
		]);
	});

	it('answers warning 8890 without earnedId once the issue limit is used up, counted as no failure and not in the ledger', async () => {
		const body = bulkBody({ promotionId: birthday.promotionId, values: customerIds(80, 1) });
		for (let i = 0; i < birthday.issueLimit; i += 1)
			expect((await postBulk(sandbox.url, body)).json.response[0].result?.earnedId).toBeDefined();
		const ledgerSize = sandbox.ledger.length;
		const exhausted = await postBulk(sandbox.url, body);
		expect(exhausted.status).toBe(200);
		expect(exhausted.json.failureCount).toBe(0);
		const [entry] = exhausted.json.response;
		expect(entry.errors).toEqual([]);
		expect(entry.warnings).toEqual([{ status: true, code: 8890, message: LIMIT_WARNING.message }]);
		expect(entry.result).toMatchObject({
			entityId: DEMO.customer(80).id,
			promotionId: birthday.promotionId,
		});
		expect(entry.result?.earnedId).toBeUndefined();
		expect(sandbox.ledger).toHaveLength(ledgerSize);
	});

	it('applies the issue limit of Enrol & Issue promotions too', async () => {
		const values = customerIds(90, 1);
		await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'ENROL', promotionId: welcome.promotionId, values }),
		);
		const first = await postBulk(
			sandbox.url,
			bulkBody({ promotionId: welcome.promotionId, values }),
		);
		const second = await postBulk(
			sandbox.url,
			bulkBody({ promotionId: welcome.promotionId, values }),
		);
		expect(first.json.response[0].result?.earnedId).toBeDefined();
		expect(second.json.response[0].warnings[0]?.code).toBe(8890);
		expect(second.json.response[0].result?.earnedId).toBeUndefined();
		expect(second.json.response[0].result?.issualId).toBe(first.json.response[0].result?.issualId);
	});

	it('processes a customer sent twice in one request twice', async () => {
		const [id] = customerIds(100, 1);
		const direct = await postBulk(
			sandbox.url,
			bulkBody({ promotionId: birthday.promotionId, values: [id, id] }),
		);
		const earnedIds = direct.json.response.map((entry) => entry.result?.earnedId);
		expect(earnedIds).toHaveLength(2);
		expect(earnedIds[0]).not.toBe(earnedIds[1]);
		expect(sandbox.ledger.filter((entry) => entry.customerId === Number(id))).toHaveLength(2);

		await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'ENROL', promotionId: welcome.promotionId, values: [id] }),
		);
		const limited = await postBulk(
			sandbox.url,
			bulkBody({ promotionId: welcome.promotionId, values: [id, id] }),
		);
		expect(limited.json.response[0].result?.earnedId).toBeDefined();
		expect(limited.json.response[1].warnings[0]?.code).toBe(8890);
	});

	it('records every applied ENROL and EARN in the ledger, in order, with the request id', async () => {
		const [id] = customerIds(110, 1);
		const enrol = await postBulk(
			sandbox.url,
			bulkBody({
				bulkAction: 'ENROL',
				promotionId: welcome.promotionId,
				values: [id],
				source: 'WEBSITE',
			}),
		);
		const earn = await postBulk(
			sandbox.url,
			bulkBody({
				bulkAction: 'EARN',
				promotionId: welcome.promotionId,
				values: [id],
				source: 'WEBSITE',
			}),
		);
		expect(sandbox.ledger).toEqual([
			{
				seq: 1,
				at: expect.any(Number),
				requestId: enrol.requestId,
				action: 'ENROL',
				programId: 469,
				promotionId: welcome.promotionId,
				customerId: Number(id),
				identifierName: 'id',
				identifierValue: id,
				source: 'WEBSITE',
				issualId: enrol.json.response[0].result?.issualId,
			},
			{
				seq: 2,
				at: expect.any(Number),
				requestId: earn.requestId,
				action: 'EARN',
				programId: 469,
				promotionId: welcome.promotionId,
				customerId: Number(id),
				identifierName: 'id',
				identifierValue: id,
				source: 'WEBSITE',
				issualId: enrol.json.response[0].result?.issualId,
				earnedId: earn.json.response[0].result?.earnedId,
			},
		]);
	});

	it('accepts the reference page examples as written', async () => {
		const answer = await postBulk(sandbox.url, {
			type: 'CUSTOMER',
			bulkAction: 'ENROL',
			promotionDetails: { programId: 469, promotionId: 57099 },
			identifierName: 'id',
			customers: [{ identifierValue: '555567088', source: 'INSTORE' }],
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response[0].result?.entityId).toBe(555567088);
	});
});
