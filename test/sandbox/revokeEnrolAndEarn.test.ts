/**
 * POST /v2/promotion/bulk/revokeEnrolAndEarn. Request bodies follow the examples of Capillary's
 * "Revoke Enrolled and Issued Promotions" page (promotionId as a string, "source": "instore",
 * per-customer earnIds), with the sandbox's seeded program, promotions and customers; the answers are
 * checked against the page's response examples.
 */
import { DEMO, REVOKE_ERROR_MESSAGES, type RevokeErrorCode } from './index';
import {
	bulkBody,
	customerIds,
	postBulk,
	postRevoke,
	type RevokeResponseJson,
} from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';

const { goldEnrol, goldDirect, birthday, generic, inactive } = DEMO.promotions;
/** The customers of the docs' REVOKE_ENROL response example, seeded in program 2714. */
const DOC_CUSTOMERS = ['423926199', '423926198', '423926200', '423926201'];

interface RevokeBodyOptions {
	bulkAction: 'REVOKE_ENROL' | 'REVOKE_EARN' | string;
	promotion: { programId: number; promotionId: number; promoIdentifier: string };
	byIdentifier?: boolean;
	customers: Array<{ identifierValue: string; earnIds?: unknown; source?: string }>;
	identifierName?: string;
}

/** The docs' request shape: promotionId as a string (or promoIdentifier), source "instore". */
function revokeBody(options: RevokeBodyOptions): Record<string, unknown> {
	const { programId, promotionId, promoIdentifier } = options.promotion;
	return {
		type: 'CUSTOMER',
		bulkAction: options.bulkAction,
		promotionDetails: options.byIdentifier
			? { programId, promoIdentifier }
			: { programId, promotionId: String(promotionId) },
		identifierName: options.identifierName ?? 'id',
		customers: options.customers.map(({ source, ...customer }) => ({
			...customer,
			source: source ?? 'instore',
		})),
	};
}

const failure = (code: RevokeErrorCode) => ({
	errors: [{ status: false, code, message: REVOKE_ERROR_MESSAGES[code] }],
	warnings: [],
});

describe('POST /v2/promotion/bulk/revokeEnrolAndEarn', () => {
	const sandbox = useSandbox();

	async function enrol(promotion: typeof goldEnrol, values: string[]) {
		const answer = await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'ENROL', ...promotion, values }),
		);
		return answer.json.response.map((entry) => entry.result?.issualId ?? '');
	}

	async function earn(
		promotion: { programId: number; promotionId: number },
		values: string[],
	): Promise<string[]> {
		const answer = await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'EARN', ...promotion, values }),
		);
		return answer.json.response.map((entry) => entry.result?.earnedId ?? '');
	}

	it("REVOKE_ENROL: answers the docs' example shape, issualId as a string, and records each revoke", async () => {
		const issualIds = await enrol(goldEnrol, DOC_CUSTOMERS);
		const ledgerBefore = sandbox.ledger.length;
		const answer = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_ENROL',
				promotion: goldEnrol,
				customers: DOC_CUSTOMERS.map((identifierValue) => ({ identifierValue })),
			}),
		);
		expect(answer.status).toBe(200);
		expect(answer.json).toEqual({
			response: DOC_CUSTOMERS.map((id, index) => ({
				result: {
					entityType: 'CUSTOMER',
					entityId: Number(id),
					promotionId: 202188,
					programId: 2714,
					issualId: issualIds[index],
				},
				errors: [],
				warnings: [],
			})),
			totalCount: 4,
			failureCount: 0,
		});
		expect(sandbox.ledger.slice(ledgerBefore)).toEqual(
			DOC_CUSTOMERS.map((id, index) => ({
				seq: ledgerBefore + index + 1,
				at: expect.any(Number),
				requestId: answer.requestId,
				action: 'REVOKE_ENROL',
				programId: 2714,
				promotionId: 202188,
				customerId: Number(id),
				identifierName: 'id',
				identifierValue: id,
				source: 'instore',
				issualId: issualIds[index],
			})),
		);
		expect(sandbox.requests.at(-1)).toMatchObject({ bulkAction: 'REVOKE_ENROL', customerCount: 4 });
	});

	it("REVOKE_EARN: revokes the listed earnIds, or all of a customer's issues without them; echoes promoIdentifier", async () => {
		const [a, b, c] = DOC_CUSTOMERS;
		const earnedA = await earn(goldDirect, [a, a]);
		const earnedB = await earn(goldDirect, [b, b, b]);
		const earnedC = await earn(goldDirect, [c, c]);
		const answer = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_EARN',
				promotion: goldDirect,
				byIdentifier: true,
				customers: [
					{ identifierValue: a, earnIds: [Number(earnedA[0])] },
					{ identifierValue: b, earnIds: [Number(earnedB[0]), Number(earnedB[2])] },
					{ identifierValue: c },
				],
			}),
		);
		expect(answer.status).toBe(200);
		const result = (id: string, revoked: string[]) => ({
			result: {
				entityType: 'CUSTOMER',
				entityId: Number(id),
				promoIdentifier: goldDirect.promoIdentifier,
				programId: 2714,
				revokedEarnIds: revoked.map(Number),
			},
			errors: [],
			warnings: [],
		});
		expect(answer.json).toEqual({
			response: [result(a, [earnedA[0]]), result(b, [earnedB[0], earnedB[2]]), result(c, earnedC)],
			totalCount: 3,
			failureCount: 0,
		});
		const revokes = sandbox.ledger.filter((entry) => entry.action === 'REVOKE_EARN');
		expect(revokes.map((entry) => entry.earnedId)).toEqual([
			earnedA[0],
			earnedB[0],
			earnedB[2],
			...earnedC,
		]);
		const earnEntry = sandbox.ledger.find((entry) => entry.earnedId === earnedA[0]);
		expect(revokes[0]).toMatchObject({ issualId: earnEntry?.issualId, customerId: Number(a) });

		const again = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_EARN',
				promotion: goldDirect,
				customers: [{ identifierValue: a }],
			}),
		);
		expect(again.json.response[0].result?.revokedEarnIds).toEqual([Number(earnedA[1])]);
	});

	it('REVOKE_EARN on an Enrol & Issue promotion, then REVOKE_ENROL: the documented order', async () => {
		const [id] = customerIds(10, 1);
		const [issualId] = await enrol(goldEnrol, [id]);
		const [earnedId] = await earn(goldEnrol, [id]);
		const revokeEnrol = revokeBody({
			bulkAction: 'REVOKE_ENROL',
			promotion: goldEnrol,
			customers: [{ identifierValue: id }],
		});

		const tooEarly = await postRevoke(sandbox.url, revokeEnrol);
		expect(tooEarly.status).toBe(201);
		expect(tooEarly.json).toEqual({ response: [failure(8896)], totalCount: 1, failureCount: 1 });
		expect(sandbox.ledger.map((entry) => entry.action)).toEqual(['ENROL', 'EARN']);

		const revokedEarn = await postRevoke(sandbox.url, {
			...revokeEnrol,
			bulkAction: 'REVOKE_EARN',
		});
		expect(revokedEarn.json.response[0].result?.revokedEarnIds).toEqual([Number(earnedId)]);
		const revokedEnrol = await postRevoke(sandbox.url, revokeEnrol);
		expect(revokedEnrol.status).toBe(200);
		expect(revokedEnrol.json.response[0].result?.issualId).toBe(issualId);
		expect(sandbox.ledger.map((entry) => entry.action)).toEqual([
			'ENROL',
			'EARN',
			'REVOKE_EARN',
			'REVOKE_ENROL',
		]);

		const earnAfter = await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'EARN', ...goldEnrol, values: [id] }),
		);
		expect(earnAfter.json.response[0].errors[0]?.code).toBe(8896);
		const [reEnrolled] = await enrol(goldEnrol, [id]);
		expect(reEnrolled).not.toBe(issualId);
	});

	it("8903 when an earnId is unknown, someone else's, already revoked or not an integer; nothing of that customer is revoked", async () => {
		const [mine, theirs] = customerIds(20, 2);
		const [first, second] = await earn(goldDirect, [mine, mine]);
		const [other] = await earn(goldDirect, [theirs]);
		const revoke = (earnIds: unknown) =>
			postRevoke(
				sandbox.url,
				revokeBody({
					bulkAction: 'REVOKE_EARN',
					promotion: goldDirect,
					customers: [{ identifierValue: mine, earnIds }],
				}),
			);
		expect((await revoke([Number(first)])).status).toBe(200);
		for (const earnIds of [
			[Number(first)],
			[Number(second), Number(first)],
			[Number(second), 999999],
			[Number(other)],
			['abc'],
			Number(second),
		]) {
			const answer = await revoke(earnIds);
			expect(answer.status).toBe(201);
			expect(answer.json.response).toEqual([failure(8903)]);
		}
		expect(sandbox.ledger.filter((entry) => entry.action === 'REVOKE_EARN')).toHaveLength(1);
		const digits = await revoke([second, Number(second)]);
		expect(digits.json.response[0].result?.revokedEarnIds).toEqual([Number(second)]);
	});

	it('2305 when there is nothing active to revoke; a customer sent twice is processed twice', async () => {
		const [id] = customerIds(30, 1);
		const body = (bulkAction: string, promotion: RevokeBodyOptions['promotion']) =>
			revokeBody({
				bulkAction,
				promotion,
				customers: [{ identifierValue: id }, { identifierValue: id }],
			});
		const noIssues = await postRevoke(sandbox.url, body('REVOKE_EARN', goldDirect));
		expect(noIssues.json.response).toEqual([failure(2305), failure(2305)]);
		const notEnrolled = await postRevoke(sandbox.url, body('REVOKE_ENROL', goldEnrol));
		expect(notEnrolled.json.response).toEqual([failure(2305), failure(2305)]);

		await earn(goldDirect, [id]);
		await enrol(goldEnrol, [id]);
		const earnTwice = await postRevoke(sandbox.url, body('REVOKE_EARN', goldDirect));
		expect(earnTwice.json.response[0].result?.revokedEarnIds).toHaveLength(1);
		expect(earnTwice.json.response[1]).toEqual(failure(2305));
		const enrolTwice = await postRevoke(sandbox.url, body('REVOKE_ENROL', goldEnrol));
		expect(enrolTwice.json.response[0].result?.issualId).toEqual(expect.any(String));
		expect(enrolTwice.json.response[1]).toEqual(failure(2305));
		expect(enrolTwice.json).toMatchObject({ totalCount: 2, failureCount: 1 });
	});

	it('a revoke does not give the issue limit back', async () => {
		const [id] = customerIds(40, 1);
		await earn(birthday, [id, id, id]);
		await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_EARN',
				promotion: birthday,
				customers: [{ identifierValue: id }],
			}),
		);
		const afterRevoke = await postBulk(sandbox.url, bulkBody({ ...birthday, values: [id] }));
		expect(afterRevoke.json.response[0].warnings[0]).toMatchObject({ code: 8890 });
	});

	it("answers the docs' partial-success example: 201, failed entries without result", async () => {
		const [id] = customerIds(50, 1);
		const [earnedId] = await earn(goldDirect, [id]);
		const answer = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_EARN',
				promotion: goldDirect,
				customers: [
					{ identifierValue: id, earnIds: [Number(earnedId)] },
					{ identifierValue: String(DEMO.unknownCustomer.id) },
					{ identifierValue: String(DEMO.unknownCustomer.id + 1) },
				],
			}),
		);
		expect(answer.status).toBe(201);
		expect(answer.json).toEqual({
			response: [
				{
					result: {
						entityType: 'CUSTOMER',
						entityId: Number(id),
						promotionId: goldDirect.promotionId,
						programId: 2714,
						revokedEarnIds: [Number(earnedId)],
					},
					errors: [],
					warnings: [],
				},
				failure(8015),
				failure(8015),
			],
			totalCount: 3,
			failureCount: 2,
		} satisfies RevokeResponseJson);
	});

	it('uses the messages of the revoke page', () => {
		expect(REVOKE_ERROR_MESSAGES).toMatchObject({
			8902: 'revoke bulk action passed not supported for loyalty/generic promotion type',
			8903: 'Earn IDs passed are either invalid or already revoked',
			8015: 'Customer not found for the given identifiers',
			8896: 'Error occurred while issuing promotion to the customer',
			1101: 'invalid programId passed',
			8892: 'promotion is inactive',
			8874: 'promotion id passed is invalid',
			8901: 'invalid entity type passed',
		});
	});

	const [okId] = customerIds(60, 1);
	const earnGoldDirect = (customer: Record<string, unknown> = { identifierValue: okId }) => ({
		...revokeBody({ bulkAction: 'REVOKE_EARN', promotion: goldDirect, customers: [] }),
		customers: [{ source: 'instore', ...customer }],
	});
	const withDetails = (promotionDetails: Record<string, unknown>) => ({
		...earnGoldDirect(),
		promotionDetails,
	});
	const CASES: Array<[string, RevokeErrorCode, Record<string, unknown>]> = [
		['type is not CUSTOMER', 8901, { ...earnGoldDirect(), type: 'USERGROUP2' }],
		['programId is missing', 8881, withDetails({ promotionId: goldDirect.promotionId })],
		['the promotion is not named', 8881, withDetails({ programId: 2714 })],
		[
			'the program is unknown',
			1101,
			withDetails({ programId: 999, promotionId: goldDirect.promotionId }),
		],
		['the promotion is unknown', 8874, withDetails({ programId: 2714, promotionId: 123456 })],
		[
			'the promotion is inactive',
			8892,
			withDetails({ programId: 469, promotionId: inactive.promotionId }),
		],
		[
			'REVOKE_ENROL on a Direct Issue promotion',
			8902,
			{ ...earnGoldDirect(), bulkAction: 'REVOKE_ENROL' },
		],
		[
			'REVOKE_EARN on a GENERIC promotion',
			8902,
			withDetails({ programId: 469, promotionId: generic.promotionId }),
		],
		['the legacy action REVOKE_ISSUAL', 8902, { ...earnGoldDirect(), bulkAction: 'REVOKE_ISSUAL' }],
		['an enrolAndEarn action', 8902, { ...earnGoldDirect(), bulkAction: 'EARN' }],
		[
			'identifierName is not id, mobile or email',
			11013,
			{ ...earnGoldDirect(), identifierName: 'externalId' },
		],
		['source is missing', 11013, earnGoldDirect({ identifierValue: okId, source: undefined })],
		['source is unknown', 11013, earnGoldDirect({ identifierValue: okId, source: 'id' })],
		['identifierValue is empty', 11013, earnGoldDirect({ identifierValue: ' ' })],
		[
			'the customer is unknown',
			8015,
			earnGoldDirect({ identifierValue: String(DEMO.unknownCustomer.id) }),
		],
		['the customer id is not a number', 8896, earnGoldDirect({ identifierValue: 'abc' })],
		[
			'the identifiers are a user group',
			8899,
			earnGoldDirect({ identifierValue: String(DEMO.userGroup.id) }),
		],
	];

	it.each(CASES)('%s: %i for the customer, nothing revoked', async (_, code, body) => {
		await earn(goldDirect, [okId]);
		const answer = await postRevoke(sandbox.url, body);
		expect(answer.status).toBe(201);
		expect(answer.json).toEqual({ response: [failure(code)], totalCount: 1, failureCount: 1 });
		expect(sandbox.ledger.map((entry) => entry.action)).toEqual(['EARN']);
	});

	it('request-level: 1060 above the batch limit, 400 for a body without customers; nothing revoked', async () => {
		const values = customerIds(100, 101);
		await earn(goldDirect, values.slice(0, 100));
		const tooMany = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_EARN',
				promotion: goldDirect,
				customers: values.map((identifierValue) => ({ identifierValue })),
			}),
		);
		expect(tooMany.status).toBe(400);
		expect(tooMany.json).toEqual({
			errors: [{ status: false, code: 1060, message: 'Batch limit size exceeded' }],
		});
		expect(sandbox.requests.at(-1)).toMatchObject({
			bulkAction: 'REVOKE_EARN',
			customerCount: 101,
		});
		const hundred = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_EARN',
				promotion: goldDirect,
				customers: values.slice(0, 100).map((identifierValue) => ({ identifierValue })),
			}),
		);
		expect(hundred.status).toBe(200);
		const empty = await postRevoke(sandbox.url, { ...earnGoldDirect(), customers: [] });
		expect(empty.status).toBe(400);
		expect(sandbox.ledger.filter((entry) => entry.action === 'REVOKE_EARN')).toHaveLength(100);
	});

	it('identifies customers by mobile and email too', async () => {
		const customer = DEMO.customer(300);
		const earnedIds = await earn(goldDirect, [String(customer.id), String(customer.id)]);
		const byName: Array<[string, string]> = [
			['mobile', customer.mobile],
			['email', customer.email],
		];
		for (const [index, [identifierName, identifierValue]] of byName.entries()) {
			const answer = await postRevoke(
				sandbox.url,
				revokeBody({
					bulkAction: 'REVOKE_EARN',
					promotion: goldDirect,
					identifierName,
					customers: [{ identifierValue, earnIds: [Number(earnedIds[index])] }],
				}),
			);
			expect(answer.json.response[0].result?.entityId).toBe(customer.id);
		}
		expect(sandbox.ledger.filter((entry) => entry.action === 'REVOKE_EARN')).toMatchObject([
			{ identifierName: 'mobile', identifierValue: customer.mobile, earnedId: earnedIds[0] },
			{ identifierName: 'email', identifierValue: customer.email, earnedId: earnedIds[1] },
		]);
	});
});

describe('REVOKE_ENROL with revokeEnrolIdKey revokedIssualId', () => {
	const sandbox = useSandbox({ revokeEnrolIdKey: 'revokedIssualId' });

	it('answers the revoked enrolment as "revokedIssualId": <integer>, as the docs\' table lists it', async () => {
		const [id] = customerIds(0, 1);
		const enrolled = await postBulk(
			sandbox.url,
			bulkBody({ bulkAction: 'ENROL', ...goldEnrol, values: [id] }),
		);
		const answer = await postRevoke(
			sandbox.url,
			revokeBody({
				bulkAction: 'REVOKE_ENROL',
				promotion: goldEnrol,
				customers: [{ identifierValue: id }],
			}),
		);
		expect(answer.json.response[0].result).toEqual({
			entityType: 'CUSTOMER',
			entityId: Number(id),
			promotionId: goldEnrol.promotionId,
			programId: 2714,
			revokedIssualId: Number(enrolled.json.response[0].result?.issualId),
		});
	});

	it('refuses an unknown key', async () => {
		const { startSandbox } = await import('./index');
		await expect(startSandbox({ revokeEnrolIdKey: 'id' as unknown as 'issualId' })).rejects.toThrow(
			RangeError,
		);
	});
});
