import { readPromotionDataPage } from '../../nodes/Capillary/lookup/readPromotionData';
import { example } from './promotionDataExamples';

const E_AND_I = '7ff82c46-dd7e-45d7-b09a-eb58aed3d714';

describe("the docs' examples", () => {
	test('AVAILABLE_TO_ENROL: an Enrol & Issue promotion with no enrolment', () => {
		expect(readPromotionDataPage(example.AVAILABLE_TO_ENROL())).toEqual({
			customerId: 345853998,
			totalEntries: 1,
			promotions: [
				{
					promotionId: 1119990,
					promoIdentifier: E_AND_I,
					promotionName: 'Enrol & issue | LOYALTY EARNING PROMO',
					programId: 1085,
					pointsOfferType: 'LOYALTY_EARNING',
					active: true,
					startDate: '2024-05-01T00:00:00.000Z',
					endDate: '2024-06-30T23:59:59.000Z',
					timelines: [],
				},
			],
		});
	});

	test('AVAILABLE_TO_EARN: the enrolment (enrollmentId read as its issualId), no issue yet', () => {
		const read = readPromotionDataPage(example.AVAILABLE_TO_EARN());
		if ('unreadable' in read) throw new Error(read.unreadable);
		expect(read.promotions[0].timelines).toEqual([
			{
				issualId: '1580',
				enrolledAt: '2024-06-25T12:41:55.000Z',
				enrolledAtMs: Date.UTC(2024, 5, 25, 12, 41, 55),
				expiresAt: '2024-06-30T12:41:55.000Z',
				issues: [],
			},
		]);
	});

	test('AVAILABLE_TO_REDEEM: issues (issuedDetails issualId read as earnedId), Direct Issue too', () => {
		const read = readPromotionDataPage(example.AVAILABLE_TO_REDEEM());
		if ('unreadable' in read) throw new Error(read.unreadable);
		expect(read.totalEntries).toBe(6); // the docs show two of the six
		const [enrolAndIssue, direct] = read.promotions;
		expect(enrolAndIssue.timelines?.[0].issues).toEqual([
			{
				earnedId: '1583',
				issuedAt: '2024-06-25T12:44:13.000Z',
				issuedAtMs: Date.UTC(2024, 5, 25, 12, 44, 13),
				expiresAt: '2024-06-30T12:41:55.000Z',
				redeemedCount: 0,
			},
		]);
		expect(direct).toMatchObject({ promotionId: 1119509, pointsOfferType: 'LOYALTY' });
		expect(direct.timelines?.map((t) => [t.issualId, t.issues?.map((i) => i.earnedId)])).toEqual([
			['1581', ['1582']],
		]);
	});

	test('the default sample: GENERIC promotions, without timelines', () => {
		const read = readPromotionDataPage(example.DEFAULT_SAMPLE());
		if ('unreadable' in read) throw new Error(read.unreadable);
		expect(read.totalEntries).toBe(169);
		expect(read.promotions.map((p) => [p.promotionId, p.promoIdentifier, p.timelines])).toEqual([
			[67248, 'billslayer5', undefined],
			[67247, 'e823c904-34bf-4b8a-8124-16085183177f', undefined],
		]);
	});

	test.each([
		['8015', example.CUSTOMER_NOT_FOUND],
		['8003', example.INVALID_SOURCE],
	])('the %s failure example is no page', (_, body) => {
		expect(readPromotionDataPage(body())).toEqual({
			unreadable: 'pageDetails.totalEntries is missing',
		});
	});
});

describe('malformed answers are unreadable, with the reason', () => {
	const redeem = () => example.AVAILABLE_TO_REDEEM();
	const timeline = (body: ReturnType<typeof redeem>) =>
		body.promotions[0].customerPromotionTimelines![0];
	const cases: Array<[string, (body: ReturnType<typeof redeem>) => void, string]> = [
		[
			'an enrolment date without its zone',
			(b) => (timeline(b).enrollmentDate = '2024-06-25T12:41:55'),
			'promotion 0 of the page has an enrollmentDate that is not a date',
		],
		[
			'an issue date without its zone',
			(b) => (timeline(b).issuedDetails[0].issualDate = '2024-06-25 12:44:13'),
			'promotion 0 of the page has an issue without a valid issualDate',
		],
		[
			'an issue without its date',
			(b) => delete timeline(b).issuedDetails[0].issualDate,
			'promotion 0 of the page has an issue without a valid issualDate',
		],
		[
			'an enrollmentId of the wrong type',
			(b) => (timeline(b).enrollmentId = { id: 1580 }),
			'promotion 0 of the page has an enrollmentId that is not an id',
		],
		[
			'an issualId of the wrong type',
			(b) => (timeline(b).issuedDetails[0].issualId = true),
			'promotion 0 of the page has an issue without an issualId',
		],
		[
			'a promotionId of the wrong type',
			(b) => (b.promotions[1].promotionId = 'DIRECT'),
			'promotion 1 of the page has no promotionId',
		],
		[
			'timelines that are not a list',
			(b) => (b.promotions[0].customerPromotionTimelines = {} as never),
			'promotion 0 of the page has customerPromotionTimelines that are not a list',
		],
		[
			'issues that are not a list',
			(b) => (timeline(b).issuedDetails = 'none' as never),
			'promotion 0 of the page has issuedDetails that are not a list',
		],
		[
			'totalEntries missing',
			(b) => delete b.pageDetails.totalEntries,
			'pageDetails.totalEntries is missing',
		],
		[
			'totalEntries of the wrong type',
			(b) => (b.pageDetails.totalEntries = -6),
			'pageDetails.totalEntries is missing',
		],
		[
			'promotions missing',
			(b) => delete (b as Record<string, unknown>).promotions,
			'promotions is not a list',
		],
		['a customerId of the wrong type', (b) => (b.customerId = 'x'), 'customerId is not a number'],
	];
	test.each(cases)('%s', (_, spoil, reason) => {
		const body = redeem();
		spoil(body);
		expect(readPromotionDataPage(body)).toEqual({ unreadable: reason });
	});

	test.each([null, 'text', [], 42])('a body that is no object (%p)', (body) => {
		expect(readPromotionDataPage(body)).toEqual({ unreadable: 'the answer is not a JSON object' });
	});

	test('null stands for absent: timelines left out are unknown, not empty', () => {
		const body = example.AVAILABLE_TO_ENROL();
		body.promotions[0].customerPromotionTimelines = null as never;
		const read = readPromotionDataPage(body);
		if ('unreadable' in read) throw new Error(read.unreadable);
		expect(read.promotions[0].timelines).toBeUndefined();
	});
});
