import { DEMO, ERROR_MESSAGES, type ErrorCode } from './index';
import { bulkBody, customerIds, postBulk } from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';

const { welcome, birthday, inactive, upcoming, completed, generic, draft, goldDirect } =
	DEMO.promotions;
const [okId] = customerIds(5, 1);

interface CodeCase {
	label: string;
	code: ErrorCode;
	body: Record<string, unknown>;
}

const earnBirthday = (values: string[] = [okId]): Record<string, unknown> =>
	bulkBody({ promotionId: birthday.promotionId, values });
const withDetails = (details: Record<string, unknown>): Record<string, unknown> => ({
	...earnBirthday(),
	promotionDetails: details,
});
const withCustomer = (customer: unknown): Record<string, unknown> => ({
	...earnBirthday(),
	customers: [customer],
});

const CASES: CodeCase[] = [
	{ label: 'type is not CUSTOMER', code: 8901, body: { ...earnBirthday(), type: 'STORE' } },
	{
		label: 'programId is missing',
		code: 8881,
		body: withDetails({ promotionId: birthday.promotionId }),
	},
	{
		label: 'promotionId and promoIdentifier are both missing',
		code: 8881,
		body: withDetails({ programId: 469 }),
	},
	{
		label: 'the program is unknown',
		code: 1101,
		body: withDetails({ programId: 999, promotionId: birthday.promotionId }),
	},
	{
		label: 'the promotion is unknown',
		code: 8874,
		body: withDetails({ programId: 469, promotionId: 123456 }),
	},
	{
		label: 'the promotion belongs to another program',
		code: 8874,
		body: withDetails({ programId: 469, promotionId: goldDirect.promotionId }),
	},
	{
		label: 'the promoIdentifier is unknown',
		code: 8874,
		body: withDetails({ programId: 469, promoIdentifier: 'NOPE' }),
	},
	{
		label: 'the promoIdentifier contradicts the promotionId',
		code: 8874,
		body: withDetails({
			programId: 469,
			promotionId: birthday.promotionId,
			promoIdentifier: welcome.promoIdentifier,
		}),
	},
	{
		label: 'the draft is used by its v3 promotionId 0',
		code: 8874,
		body: withDetails({ programId: 469, promotionId: draft.promotionId }),
	},
	{
		label: 'the draft is used by its promoIdentifier',
		code: 8874,
		body: withDetails({ programId: 469, promoIdentifier: draft.promoIdentifier }),
	},
	{
		label: 'the promotion is inactive',
		code: 8892,
		body: withDetails({ programId: 469, promotionId: inactive.promotionId }),
	},
	{
		label: 'the promotion is upcoming',
		code: 8892,
		body: withDetails({ programId: 469, promotionId: upcoming.promotionId }),
	},
	{
		label: 'the promotion is completed',
		code: 8892,
		body: withDetails({ programId: 469, promotionId: completed.promotionId }),
	},
	{
		label: 'ENROL targets a Direct Issue promotion',
		code: 8902,
		body: { ...earnBirthday(), bulkAction: 'ENROL' },
	},
	{
		label: 'ENROL targets the Gold Club Direct Issue promotion',
		code: 8902,
		body: bulkBody({
			bulkAction: 'ENROL',
			programId: 2714,
			promotionId: goldDirect.promotionId,
			values: [okId],
		}),
	},
	{
		label: 'EARN targets a GENERIC promotion',
		code: 8902,
		body: bulkBody({ promotionId: generic.promotionId, values: [okId] }),
	},
	{ label: 'bulkAction is unknown', code: 8902, body: { ...earnBirthday(), bulkAction: 'REVOKE' } },
	{
		label: 'identifierName is not id/mobile/email',
		code: 11013,
		body: { ...earnBirthday(), identifierName: 'externalId' },
	},
	{
		label: 'identifierName is missing',
		code: 11013,
		body: { ...earnBirthday(), identifierName: undefined },
	},
	{
		label: 'identifierValue is empty',
		code: 11013,
		body: withCustomer({ identifierValue: '', source: 'INSTORE' }),
	},
	{
		label: 'source is empty',
		code: 11013,
		body: withCustomer({ identifierValue: okId, source: '' }),
	},
	{
		label: 'source is unknown',
		code: 11013,
		body: withCustomer({ identifierValue: okId, source: 'POS' }),
	},
	{ label: 'an id is not numeric', code: 8896, body: earnBirthday(['12ab']) },
	{
		label: 'EARN on Enrol & Issue without an enrolment',
		code: 8896,
		body: bulkBody({ promotionId: welcome.promotionId, values: [okId] }),
	},
	{
		label: 'the customer does not exist',
		code: 8015,
		body: earnBirthday([String(DEMO.unknownCustomer.id)]),
	},
	{
		label: 'the mobile matches nobody',
		code: 8015,
		body: bulkBody({
			identifierName: 'mobile',
			promotionId: birthday.promotionId,
			values: [DEMO.unknownCustomer.mobile],
		}),
	},
	{
		label: 'the email matches nobody',
		code: 8015,
		body: bulkBody({
			identifierName: 'email',
			promotionId: birthday.promotionId,
			values: [DEMO.unknownCustomer.email],
		}),
	},
	{ label: 'the id is a user group', code: 8899, body: earnBirthday([String(DEMO.userGroup.id)]) },
	{
		label: 'the mobile is a user group',
		code: 8899,
		body: bulkBody({
			identifierName: 'mobile',
			promotionId: birthday.promotionId,
			values: [DEMO.userGroup.mobile],
		}),
	},
];

describe('per-customer error codes of the bulk endpoint', () => {
	const sandbox = useSandbox();

	it.each(CASES)('$code when $label', async ({ code, body }) => {
		const answer = await postBulk(sandbox.url, body);
		expect(answer.status).toBe(201);
		expect(answer.json).toEqual({
			response: [
				{ errors: [{ status: false, code, message: ERROR_MESSAGES[code] }], warnings: [] },
			],
			totalCount: 1,
			failureCount: 1,
		});
		expect(sandbox.ledger).toHaveLength(0);
	});

	it('uses the messages of the reference page', () => {
		expect(ERROR_MESSAGES).toMatchObject({
			8892: 'promotion is inactive',
			8874: 'promotion id passed is invalid',
			1101: 'invalid programId passed',
			8896: 'Error occurred while issuing promotion to the customer',
			8901: 'invalid entity type passed',
			8902: 'bulk action passed not supported for loyalty/generic promotion type',
			8015: 'Customer not found for the given identifiers',
			11013: 'identifierName, identifierValue, source can not be empty',
		});
	});

	it('gives a request-level error to every customer of the request', async () => {
		const answer = await postBulk(sandbox.url, {
			...bulkBody({ promotionId: 123456, values: customerIds(0, 3) }),
		});
		expect(answer.json.failureCount).toBe(3);
		expect(answer.json.response.map((entry) => entry.errors[0].code)).toEqual([8874, 8874, 8874]);
	});

	it('accepts every documented source', async () => {
		for (const source of DEMO.sources) {
			const answer = await postBulk(
				sandbox.url,
				bulkBody({
					promotionId: DEMO.promotions.goldDirect.promotionId,
					programId: 2714,
					values: [okId],
					source,
				}),
			);
			expect(answer.status).toBe(200);
		}
		expect(DEMO.sources).toHaveLength(11);
	});

	it('knows rule customers up to the last index and no further', async () => {
		const last = DEMO.customer(DEMO.customerCount - 1);
		const answer = await postBulk(
			sandbox.url,
			earnBirthday([String(last.id), String(last.id + 1)]),
		);
		expect(answer.json.response[0].result?.entityId).toBe(last.id);
		expect(answer.json.response[1].errors[0].code).toBe(8015);
		expect(() => DEMO.customer(DEMO.customerCount)).toThrow(RangeError);
	});
});
