import { describePromotion, isPromotion } from '../../nodes/Capillary/lookup/describePromotion';
import {
	readPromotionDataPage,
	type LookupPromotion,
} from '../../nodes/Capillary/lookup/readPromotionData';
import { example, type ExampleBody } from './promotionDataExamples';

/** When the docs' examples were taken (their enrolments expire on 2024-06-30). */
const DOCS_NOW = Date.parse('2024-06-26T00:00:00.000Z');

const promotionsOf = (body: ExampleBody): LookupPromotion[] => {
	const read = readPromotionDataPage(body);
	if ('unreadable' in read) throw new Error(read.unreadable);
	return read.promotions;
};

const HEAD = {
	promotionId: 1119990,
	promoIdentifier: '7ff82c46-dd7e-45d7-b09a-eb58aed3d714',
	promotionName: 'Enrol & issue | LOYALTY EARNING PROMO',
	programId: 1085,
	promotionType: 'ENROL_AND_ISSUE',
	active: true,
	startDate: '2024-05-01T00:00:00.000Z',
	endDate: '2024-06-30T23:59:59.000Z',
};

test('Enrol & Issue, not enrolled (AVAILABLE_TO_ENROL): enrolled false, no enrolment, no issues', () => {
	const [promotion] = promotionsOf(example.AVAILABLE_TO_ENROL());
	expect(describePromotion(promotion, DOCS_NOW)).toEqual({
		...HEAD,
		enrolled: false,
		enrolment: null,
		issues: [],
	});
});

test('Enrol & Issue, enrolled and issued (AVAILABLE_TO_REDEEM): the ids by the bulk APIs’ names', () => {
	const [enrolAndIssue, direct] = promotionsOf(example.AVAILABLE_TO_REDEEM());
	expect(describePromotion(enrolAndIssue, DOCS_NOW)).toEqual({
		...HEAD,
		enrolled: true,
		enrolment: {
			issualId: '1580',
			enrolledAt: '2024-06-25T12:41:55.000Z',
			expiresAt: '2024-06-30T12:41:55.000Z',
		},
		issues: [
			{
				earnedId: '1583',
				issuedAt: '2024-06-25T12:44:13.000Z',
				expiresAt: '2024-06-30T12:41:55.000Z',
				redeemedCount: 0,
			},
		],
	});
	// Direct Issue: its issues, and no enrolment (its timeline's enrollmentId is a dummy one).
	const described = describePromotion(direct, DOCS_NOW) as Record<string, unknown>;
	expect(described.promotionType).toBe('DIRECT_ISSUE');
	expect(described).not.toHaveProperty('enrolled');
	expect(described).not.toHaveProperty('enrolment');
	expect(described.issues).toEqual([expect.objectContaining({ earnedId: '1582' })]);
});

test('GENERIC (the default sample): no issues, no enrolment', () => {
	const [generic] = promotionsOf(example.DEFAULT_SAMPLE());
	const described = describePromotion(generic, DOCS_NOW) as Record<string, unknown>;
	expect(described).toMatchObject({ promotionType: 'GENERIC', issues: [] });
	expect(described).not.toHaveProperty('enrolled');
});

test('the latest enrolment is shown, and the issues of every enrolment, oldest first', () => {
	const body = example.AVAILABLE_TO_REDEEM();
	const [first] = body.promotions[0].customerPromotionTimelines!;
	const later = {
		...first,
		enrollmentId: 1600,
		enrollmentDate: '2024-06-28T09:00:00.000Z',
		issuedDetails: [
			{ ...first.issuedDetails[0], issualId: 1601, issualDate: '2024-06-28T09:05:00.000Z' },
		],
	};
	body.promotions[0].customerPromotionTimelines = [later, first];
	const described = describePromotion(promotionsOf(body)[0], DOCS_NOW) as Record<string, unknown>;
	expect(described.enrolment).toMatchObject({ issualId: '1600' });
	expect((described.issues as Array<{ earnedId: string }>).map((i) => i.earnedId)).toEqual([
		'1583',
		'1601',
	]);
});

test('timelines left out of an Enrol & Issue or Direct Issue promotion are a problem, never "none"', () => {
	for (const index of [0, 1]) {
		const body = example.AVAILABLE_TO_REDEEM();
		delete body.promotions[index].customerPromotionTimelines;
		expect(describePromotion(promotionsOf(body)[index], DOCS_NOW)).toMatch(
			/^promotion \d+ \((ENROL_AND_ISSUE|DIRECT_ISSUE)\) came without its customerPromotionTimelines$/,
		);
	}
	const body = example.AVAILABLE_TO_REDEEM();
	delete (body.promotions[0].customerPromotionTimelines![0] as Record<string, unknown>)
		.issuedDetails;
	expect(describePromotion(promotionsOf(body)[0], DOCS_NOW)).toBe(
		'promotion 1119990 has a timeline entry without its issuedDetails',
	);
});

test('a promotion of unknown type has no promotionType, and no issues when none are listed', () => {
	const body = example.AVAILABLE_TO_REDEEM();
	delete body.promotions[0].pointsOfferType;
	delete body.promotions[0].customerPromotionTimelines;
	body.promotions[1].pointsOfferType = 'SOMETHING_NEW';
	const [untyped, unknown] = promotionsOf(body).map(
		(p) => describePromotion(p, DOCS_NOW) as Record<string, unknown>,
	);
	expect(untyped).not.toHaveProperty('promotionType');
	expect(untyped).not.toHaveProperty('issues');
	expect(unknown).not.toHaveProperty('promotionType');
	expect(unknown.issues).toEqual([expect.objectContaining({ earnedId: '1582' })]);
});

test('isPromotion matches by ID, or by promotion identifier (the lookup’s `identifier`)', () => {
	const [promotion] = promotionsOf(example.AVAILABLE_TO_ENROL());
	expect(isPromotion(promotion, { promotionId: 1119990 })).toBe(true);
	expect(isPromotion(promotion, { promotionId: 1119509 })).toBe(false);
	expect(isPromotion(promotion, { promoIdentifier: HEAD.promoIdentifier })).toBe(true);
	expect(isPromotion(promotion, { promoIdentifier: '1119990' })).toBe(false);
});

test('an enrolment past its expiry date is not "enrolled"; the enrolment is still shown', () => {
	const [enrolAndIssue] = promotionsOf(example.AVAILABLE_TO_EARN());
	const later = Date.parse('2024-07-01T00:00:00.000Z');
	expect(describePromotion(enrolAndIssue, later)).toMatchObject({
		enrolled: false,
		enrolment: { issualId: '1580' },
	});
});
