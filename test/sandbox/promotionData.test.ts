/**
 * GET /v2/customers/lookup/promotionData, answering from the same state as the bulk endpoints.
 * Queries follow the docs' sample requests; answers are checked against their examples
 * (pageDetails, customerPromotionTimelines with integer enrollmentId / issuedDetails[].issualId,
 * top-level errors for 8015 and 8003).
 */
import { DEMO, PROMOTIONS } from './index';
import {
	bulkBody,
	customerIds,
	getPromotionData,
	postBulk,
	postRevoke,
	type PromotionDataJson,
} from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';

const { goldEnrol, goldDirect, welcome, birthday, completed, generic } = DEMO.promotions;
const PUBLISHED = PROMOTIONS.filter((promotion) => promotion.status !== 'DRAFT');

function promotionOf(json: PromotionDataJson, promotionId: number) {
	return json.promotions.find((promotion) => promotion.promotionId === promotionId);
}

describe('GET /v2/customers/lookup/promotionData', () => {
	const sandbox = useSandbox();

	async function bulk(
		bulkAction: string,
		promotion: { programId: number; promotionId: number },
		values: string[],
	) {
		const answer = await postBulk(sandbox.url, bulkBody({ bulkAction, ...promotion, values }));
		return answer.json.response.map((entry) => entry.result);
	}

	it("answers 8015 for an unknown customer, with the docs' top-level errors", async () => {
		for (const identifierValue of [
			String(DEMO.unknownCustomer.id),
			'abc',
			String(DEMO.userGroup.id),
		]) {
			const answer = await getPromotionData(sandbox.url, { identifierValue });
			expect(answer.status).toBe(400);
			expect(answer.json).toEqual({
				errors: [
					{ status: false, code: 8015, message: 'Customer not found for the given identifiers' },
				],
			});
		}
		const byExternalId = await getPromotionData(sandbox.url, {
			identifierName: 'externalId',
			identifierValue: '000003873354',
		});
		expect(byExternalId.json).toMatchObject({ errors: [{ code: 8015 }] });
	});

	it.each([
		['8013 for an unknown identifierName', { identifierName: 'phone', identifierValue: '1' }, 8013],
		['8015 for a missing identifierValue', { identifierValue: '' }, 8015],
		['8003 for an unknown source', { identifierValue: '1000000', source: 'SHOP' }, 8003],
	])('%s', async (_, query, code) => {
		const answer = await getPromotionData(sandbox.url, query);
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({
			errors: [{ status: false, code, message: expect.any(String) }],
		});
	});

	it('gives 8003 the docs\' message "Invalid source"', async () => {
		const answer = await getPromotionData(sandbox.url, { identifierValue: '1000000', source: '' });
		expect(answer.json).toEqual({
			errors: [{ status: false, message: 'Invalid source', code: 8003 }],
		});
	});

	it.each([
		['limit', '101'],
		['limit', '-1'],
		['offset', 'x'],
		['programs', '469,abc'],
		['promotionType', 'LOYALTY'],
		['promotionStatusForCustomer', 'ENROLLED'],
		['sourceType', 'SMS'],
		['fetchAllUsage', 'yes'],
	])('answers 400 for %s=%s', async (name, value) => {
		const answer = await getPromotionData(sandbox.url, {
			identifierValue: '1000000',
			[name]: value,
		});
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({
			errors: [{ status: false, code: 400, message: `Invalid ${name}` }],
		});
	});

	it('pages through every published promotion: offset is the start index', async () => {
		const [id] = customerIds(0, 1);
		const seen: number[] = [];
		let offset = 0;
		for (;;) {
			const answer = await getPromotionData(sandbox.url, { identifierValue: id, limit: 7, offset });
			expect(answer.status).toBe(200);
			expect(answer.json.pageDetails).toEqual({
				pageNumber: offset / 7,
				pageSize: 7,
				totalEntries: PUBLISHED.length,
				pageCount: Math.ceil(PUBLISHED.length / 7),
			});
			expect(answer.json.customerId).toBe(Number(id));
			expect(answer.json.warnings).toEqual([]);
			if (answer.json.promotions.length === 0) break;
			seen.push(...answer.json.promotions.map((promotion) => promotion.promotionId));
			offset += 7;
		}
		expect(seen).toEqual(PUBLISHED.map((promotion) => promotion.promotionId));
		const firstPage = await getPromotionData(sandbox.url, { identifierValue: id });
		expect(firstPage.json.pageDetails.pageSize).toBe(10);
		expect(firstPage.json.promotions).toHaveLength(10);
	});

	it('shows a promotion with the documented fields; timelines only on LOYALTY and LOYALTY_EARNING', async () => {
		const answer = await getPromotionData(sandbox.url, {
			identifierValue: customerIds(1, 1)[0],
			limit: 100,
		});
		const enrolAndIssue = promotionOf(answer.json, welcome.promotionId);
		expect(enrolAndIssue).toEqual({
			promotionId: welcome.promotionId,
			promotionName: 'Welcome 10',
			programId: 469,
			startDate: '2026-01-01T00:00:00.000Z',
			endDate: '2026-12-31T23:59:59.000Z',
			identifier: 'WELCOME10',
			description: expect.any(String),
			active: true,
			eventName: 'TransactionAdd',
			limits: {
				maxPointsPerEvent: '0',
				pointsPerCustomer: '0',
				numberOFTimesPerCustomer: 0,
				totalPointsInPromotion: '0',
			},
			customerUsage: {
				currentPointsPerCustomer: '0',
				currentNumberOfTimesPerCustomer: 0,
				currentTotalPointsInPromotion: '0',
			},
			pointsOfferType: 'LOYALTY_EARNING',
			promotionRestriction: {
				issualRestrictions: [
					{
						kpi: 'NUMBER_OF_ISSUALS',
						maxLimit: '100',
						currentCustomerUsage: '0',
						limitOn: 'CUSTOMER',
					},
				],
				earnRestrictions: [
					{ kpi: 'NUMBER_OF_EARNS', maxLimit: '1', currentCustomerUsage: '0', limitOn: 'CUSTOMER' },
				],
				redemptionRestrictions: [
					expect.objectContaining({ kpi: 'NUMBER_OF_REDEMPTIONS_PER_EARN' }),
				],
			},
			customerPromotionTimelines: [],
		});
		expect(promotionOf(answer.json, birthday.promotionId)).toMatchObject({
			pointsOfferType: 'LOYALTY',
			customerPromotionTimelines: [],
		});
		expect(promotionOf(answer.json, generic.promotionId)?.pointsOfferType).toBe('GENERIC');
		expect(promotionOf(answer.json, generic.promotionId)).not.toHaveProperty(
			'customerPromotionTimelines',
		);
		expect(promotionOf(answer.json, completed.promotionId)?.active).toBe(false);
		const aliases = answer.json.promotions.map((promotion) => promotion.pointsOfferType);
		expect(new Set(aliases)).toEqual(new Set(['LOYALTY_EARNING', 'LOYALTY', 'GENERIC']));
	});

	it('Enrol & Issue: the enrolment (enrollmentId = ENROL issualId) and its issues (issualId = EARN earnedId), dated', async () => {
		const [id] = customerIds(2, 1);
		const before = Math.floor(Date.now() / 1000) * 1000;
		const [enrolled] = await bulk('ENROL', goldEnrol, [id]);
		const [first] = await bulk('EARN', goldEnrol, [id]);
		const [second] = await bulk('EARN', goldEnrol, [id]);
		const after = Date.now();
		const answer = await getPromotionData(sandbox.url, {
			identifierValue: id,
			programs: '2714',
			promotionType: 'ENROL_AND_ISSUE',
		});
		expect(answer.json.promotions.map((promotion) => promotion.promotionId)).toEqual([
			goldEnrol.promotionId,
		]);
		const [timeline] = answer.json.promotions[0].customerPromotionTimelines ?? [];
		expect(timeline).toEqual({
			enrollmentDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
			enrollmentExpiryDate: '2026-12-31T23:59:59.000Z',
			enrollmentId: Number(enrolled?.issualId),
			enrollEventLogId: expect.any(Number),
			issuedDetails: [first, second].map((earned) => ({
				issualId: Number(earned?.earnedId),
				issualDate: expect.stringMatching(/\.000Z$/),
				issualExpiryDate: '2026-12-31T23:59:59.000Z',
				issualEventLogId: expect.any(Number),
				redeemedCount: 0,
			})),
		});
		for (const date of [
			timeline.enrollmentDate,
			...timeline.issuedDetails.map((d) => d.issualDate),
		]) {
			expect(Date.parse(date)).toBeGreaterThanOrEqual(before);
			expect(Date.parse(date)).toBeLessThanOrEqual(after);
		}
		expect(answer.json.promotions[0].promotionRestriction.earnRestrictions[0]).toMatchObject({
			maxLimit: '5',
			currentCustomerUsage: '2',
		});
	});

	it('Direct Issue: one timeline entry per issue, enrollmentId the dummy issualId, one event log id', async () => {
		const [id] = customerIds(3, 1);
		const earned = await bulk('EARN', goldDirect, [id, id]);
		const answer = await getPromotionData(sandbox.url, { identifierValue: id, programs: '2714' });
		const direct = promotionOf(answer.json, goldDirect.promotionId);
		expect(direct?.customerPromotionTimelines).toEqual(
			earned.map((result) => ({
				enrollmentDate: expect.any(String),
				enrollmentExpiryDate: '2026-12-31T23:59:59.000Z',
				enrollmentId: Number(result?.issualId),
				enrollEventLogId: expect.any(Number),
				issuedDetails: [
					expect.objectContaining({
						issualId: Number(result?.earnedId),
						issualDate: expect.any(String),
					}),
				],
			})),
		);
		for (const timeline of direct?.customerPromotionTimelines ?? [])
			expect(timeline.issuedDetails[0].issualEventLogId).toBe(timeline.enrollEventLogId);
		expect(direct?.promotionRestriction.issualRestrictions[0]).toMatchObject({
			maxLimit: '100',
			currentCustomerUsage: '2',
		});
	});

	it('leaves revoked issues and enrolments out; their counts stay', async () => {
		const [id] = customerIds(4, 1);
		const [enrolled] = await bulk('ENROL', goldEnrol, [id]);
		const [kept, revoked] = await bulk('EARN', goldEnrol, [id, id]);
		const revoke = (bulkAction: string, earnIds?: number[]) =>
			postRevoke(sandbox.url, {
				type: 'CUSTOMER',
				bulkAction,
				promotionDetails: { programId: 2714, promotionId: String(goldEnrol.promotionId) },
				identifierName: 'id',
				customers: [{ identifierValue: id, source: 'instore', ...(earnIds ? { earnIds } : {}) }],
			});
		await revoke('REVOKE_EARN', [Number(revoked?.earnedId)]);
		const lookup = async () =>
			promotionOf(
				(await getPromotionData(sandbox.url, { identifierValue: id, programs: '2714' })).json,
				goldEnrol.promotionId,
			);
		expect((await lookup())?.customerPromotionTimelines).toEqual([
			expect.objectContaining({
				enrollmentId: Number(enrolled?.issualId),
				issuedDetails: [expect.objectContaining({ issualId: Number(kept?.earnedId) })],
			}),
		]);
		await revoke('REVOKE_EARN');
		await revoke('REVOKE_ENROL');
		const after = await lookup();
		expect(after?.customerPromotionTimelines).toEqual([]);
		expect(after?.promotionRestriction.earnRestrictions[0].currentCustomerUsage).toBe('2');
		expect(after?.promotionRestriction.issualRestrictions[0].currentCustomerUsage).toBe('1');
	});

	it("filters by promotionStatusForCustomer from the customer's state", async () => {
		const [id] = customerIds(5, 1);
		const ids = async (status: string) =>
			(
				await getPromotionData(sandbox.url, {
					identifierValue: id,
					promotionStatusForCustomer: status,
					programs: '2714',
				})
			).json.promotions.map((promotion) => promotion.promotionId);
		expect(await ids('AVAILABLE_TO_ENROL')).toEqual([goldEnrol.promotionId]);
		expect(await ids('AVAILABLE_TO_EARN')).toEqual([goldDirect.promotionId]);
		expect(await ids('AVAILABLE_TO_REDEEM')).toEqual([]);
		await bulk('ENROL', goldEnrol, [id]);
		expect(await ids('AVAILABLE_TO_ENROL')).toEqual([]);
		expect(await ids('AVAILABLE_TO_EARN')).toEqual([goldEnrol.promotionId, goldDirect.promotionId]);
		await bulk('EARN', goldEnrol, [id]);
		expect(await ids('AVAILABLE_TO_REDEEM')).toEqual([goldEnrol.promotionId]);
		const expired = await getPromotionData(sandbox.url, {
			identifierValue: id,
			promotionStatusForCustomer: 'EXPIRED',
		});
		expect(expired.json.promotions.map((promotion) => promotion.promotionId)).toEqual([
			completed.promotionId,
		]);
	});

	it('finds the customer by mobile and email, with source in any case', async () => {
		const customer = DEMO.customer(6);
		for (const [identifierName, identifierValue] of [
			['mobile', customer.mobile],
			['email', customer.email],
		]) {
			const answer = await getPromotionData(sandbox.url, {
				identifierName,
				identifierValue,
				source: 'instore',
			});
			expect(answer.json.customerId).toBe(customer.id);
		}
	});

	it('changes nothing: no ledger entry', async () => {
		await getPromotionData(sandbox.url, { identifierValue: customerIds(7, 1)[0] });
		expect(sandbox.ledger).toHaveLength(0);
		expect(sandbox.requests[0]).toMatchObject({ method: 'GET', status: 200 });
	});
});

describe('promotionData with promotionDataShowsRevoked and a server clock ahead', () => {
	const sandbox = useSandbox({ promotionDataShowsRevoked: true, clockOffsetSeconds: 3600 });

	it('lists revoked records like active ones, dated by the sandbox clock', async () => {
		const [id] = customerIds(0, 1);
		const earned = await postBulk(sandbox.url, bulkBody({ ...goldDirect, values: [id] }));
		await postRevoke(sandbox.url, {
			type: 'CUSTOMER',
			bulkAction: 'REVOKE_EARN',
			promotionDetails: { programId: 2714, promotionId: goldDirect.promotionId },
			identifierName: 'id',
			customers: [{ identifierValue: id, source: 'INSTORE' }],
		});
		const answer = await getPromotionData(sandbox.url, { identifierValue: id, programs: '2714' });
		const [timeline] =
			promotionOf(answer.json, goldDirect.promotionId)?.customerPromotionTimelines ?? [];
		expect(timeline.issuedDetails[0].issualId).toBe(
			Number(earned.json.response[0].result?.earnedId),
		);
		const skew = Date.parse(timeline.issuedDetails[0].issualDate) - Date.now();
		expect(skew).toBeGreaterThan(3590_000);
		expect(skew).toBeLessThanOrEqual(3600_000);
	});
});
