/**
 * The pure rules of Verify Unknown Outcomes (verification/decideOutcome.ts), on lookup answers in
 * the shapes of Capillary's docs: applied only from a record dated from the second the request
 * left (on Capillary's clock, as the lookup's Date header relates it to n8n's); not applied only from
 * a well-formed lookup that shows nothing the request could have made; anything else undecided.
 */
import type { BulkAction } from '../../nodes/Capillary/helpers/types';
import { readPromotionDataPage } from '../../nodes/Capillary/lookup/readPromotionData';
import {
	CLOCK_ALLOWANCE_MS,
	decideOutcome,
	type Decision,
} from '../../nodes/Capillary/verification/decideOutcome';
import {
	CUSTOMER_ID,
	customerRequest,
	DIRECT_ISSUE,
	ENROL_AND_ISSUE,
	ENROLLED_AT,
	enrolledOnly,
	iso,
	ISSUED_AT,
	lookupOf,
	MINUTE,
	NO_DATE_HEADER,
	notEnrolled,
	promotionIn,
	redeemable,
	request,
	SECOND,
} from './lookupFixtures';

const direct = customerRequest({ promotionId: DIRECT_ISSUE.promotionId });
const enrolAndIssue = customerRequest({ promotionId: ENROL_AND_ISSUE.promotionId });
/** The AVAILABLE_TO_ENROL example's customer (not enrolled). */
const newcomer = customerRequest(
	{ promotionId: ENROL_AND_ISSUE.promotionId },
	{ identifierValue: '345853998' },
);

const undecided = (reason: RegExp) => ({ undecided: expect.stringMatching(reason) });

describe('Issue (EARN): an issue of this promotion dated from the second the request left', () => {
	test('an issue dated after the request left: applied, with its earnedId and the customer', () => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT - 500),
			lookupOf(redeemable()),
		);
		expect(decision).toEqual({
			applied: true,
			earnedId: '1582',
			entityId: CUSTOMER_ID,
			found: `issue 1582, dated ${iso(ISSUED_AT)}`,
		});
	});

	test('an issue dated in the very second the request left: applied (dates are whole seconds)', () => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT + 999),
			lookupOf(redeemable()),
		);
		expect(decision).toMatchObject({ applied: true, earnedId: '1582' });
	});

	test.each([
		['1 s', SECOND],
		['just under 2 minutes', CLOCK_ALLOWANCE_MS],
	])('an issue dated %s before the request left decides nothing', (_, before) => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT + before),
			lookupOf(redeemable()),
		);
		expect(decision).toEqual(undecided(/issue 1582 is dated .*too close to the request/));
	});

	test('an issue dated more than 2 minutes before the request left is not this request’s: not applied', () => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT + CLOCK_ALLOWANCE_MS + SECOND),
			lookupOf(redeemable()),
		);
		expect(decision).toEqual({
			applied: false,
			found: 'the customer lookup lists no issue of this promotion dated after the request left',
		});
	});

	test('no issue at all (an empty timeline): not applied', () => {
		const decision = decideOutcome(request('EARN', newcomer, ENROLLED_AT), lookupOf(notEnrolled()));
		expect(decision).toMatchObject({ applied: false });
	});

	test('an enrolment without issues (issuedDetails []): not applied', () => {
		const decision = decideOutcome(
			request('EARN', enrolAndIssue, ENROLLED_AT - MINUTE),
			lookupOf(enrolledOnly()),
		);
		expect(decision).toMatchObject({ applied: false });
	});

	test('an issue another answer of this run named is not this request’s', () => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT - 500, ['1582']),
			lookupOf(redeemable()),
		);
		expect(decision).toMatchObject({ applied: false });
	});

	test('an issue another answer named is recognised however the lookup pads its id', () => {
		const body = redeemable();
		const timeline = promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines!;
		timeline[0].issuedDetails[0].issualId = ' 01582';
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT - 500, ['1582']),
			lookupOf(body),
		);
		expect(decision).toMatchObject({ applied: false });
	});

	test('of two new issues, the one no other answer named is this request’s', () => {
		const body = redeemable();
		const timeline = promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines!;
		timeline.push({
			...timeline[0],
			enrollmentId: 1590,
			issuedDetails: [{ ...timeline[0].issuedDetails[0], issualId: 1591 }],
		});
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT - 500, ['1582']),
			lookupOf(body),
		);
		expect(decision).toMatchObject({ applied: true, earnedId: '1591' });
	});

	test('two issues dated after the request left, neither named: undecided', () => {
		const body = redeemable();
		const timeline = promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines!;
		timeline.push({
			...timeline[0],
			enrollmentId: 1590,
			issuedDetails: [{ ...timeline[0].issuedDetails[0], issualId: 1591 }],
		});
		const decision = decideOutcome(request('EARN', direct, ISSUED_AT - 500), lookupOf(body));
		expect(decision).toEqual(undecided(/several issues are dated after the request left/));
	});

	test('the same issue listed twice: undecided, never applied', () => {
		const body = redeemable();
		const timeline = promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines!;
		timeline.push(structuredClone(timeline[0]));
		const decision = decideOutcome(request('EARN', direct, ISSUED_AT - 500), lookupOf(body));
		expect(decision).toHaveProperty('undecided');
	});

	test('a timeline entry without issuedDetails: undecided, never not applied', () => {
		const body = redeemable();
		delete (
			promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines![0] as Record<
				string,
				unknown
			>
		).issuedDetails;
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT + 10 * MINUTE),
			lookupOf(body),
		);
		expect(decision).toEqual(undecided(/no issue list \(issuedDetails\)/));
	});

	test('an Enrol & Issue promotion’s issue is read from its enrolment’s issuedDetails', () => {
		const decision = decideOutcome(
			request('EARN', enrolAndIssue, ISSUED_AT - 30 * SECOND),
			lookupOf(redeemable()),
		);
		expect(decision).toMatchObject({ applied: true, earnedId: '1583' });
	});
});

describe('Enrol (ENROL): an enrolment dated from the second the request left', () => {
	test('an enrolment dated after the request left: applied, with its issualId', () => {
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT - 500),
			lookupOf(enrolledOnly()),
		);
		expect(decision).toEqual({
			applied: true,
			issualId: '1580',
			entityId: CUSTOMER_ID,
			found: `enrolment 1580, dated ${iso(ENROLLED_AT)}`,
		});
	});

	test('no enrolment (the docs’ AVAILABLE_TO_ENROL example, an empty timeline): not applied', () => {
		const decision = decideOutcome(
			request('ENROL', newcomer, ENROLLED_AT),
			lookupOf(notEnrolled()),
		);
		expect(decision).toEqual({
			applied: false,
			found: 'the customer lookup lists no enrolment in this promotion',
		});
	});

	test('an older enrolment: undecided (re-enrolling replaces it; the docs do not say how that is listed)', () => {
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT + 60 * MINUTE),
			lookupOf(enrolledOnly()),
		);
		expect(decision).toEqual(
			undecided(/holds enrolment 1580, which this request may have replaced/),
		);
	});

	test('an enrolment within 2 minutes before the request: undecided', () => {
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT + 30 * SECOND),
			lookupOf(enrolledOnly()),
		);
		expect(decision).toEqual(undecided(/enrolment 1580 is dated .*too close/));
	});

	test('the only enrolment was named by another answer of this run: undecided, not "not applied"', () => {
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT - 500, ['1580']),
			lookupOf(enrolledOnly()),
		);
		expect(decision).toHaveProperty('undecided');
	});

	test('two enrolments dated after the request left: undecided', () => {
		const body = enrolledOnly();
		const timeline = promotionIn(body, ENROL_AND_ISSUE.promotionId).customerPromotionTimelines!;
		timeline.push({ ...timeline[0], enrollmentId: 1600 });
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT - 500),
			lookupOf(body),
		);
		expect(decision).toEqual(undecided(/several enrolments/));
	});

	test.each(['enrollmentId', 'enrollmentDate'])('an enrolment without %s: undecided', (field) => {
		const body = enrolledOnly();
		delete (
			promotionIn(body, ENROL_AND_ISSUE.promotionId).customerPromotionTimelines![0] as Record<
				string,
				unknown
			>
		)[field];
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT - 500),
			lookupOf(body),
		);
		expect(decision).toEqual(undecided(/no enrollmentId or enrollmentDate/));
	});

	test('a promotion the lookup shows as Direct Issue (LOYALTY): undecided', () => {
		const decision = decideOutcome(
			request('ENROL', direct, ISSUED_AT - 500),
			lookupOf(redeemable()),
		);
		expect(decision).toEqual(undecided(/does not show this promotion as Enrol & Issue/));
	});
});

describe('clock skew: the lookup’s Date header relates Capillary’s clock to n8n’s', () => {
	test.each([
		['one hour ahead', 3600],
		['one hour behind', -3600],
		['five minutes ahead', 300],
		['five minutes behind', -300],
	])('Capillary %s: an issue made just after the request left is applied', (_, seconds) => {
		const offset = seconds * SECOND;
		// n8n's clock: the issue was dated (on Capillary's clock) 0.5 s after the request left.
		const sentAt = ISSUED_AT - offset - 500;
		expect(
			decideOutcome(request('EARN', direct, sentAt), lookupOf(redeemable(), offset)),
		).toMatchObject({ applied: true, earnedId: '1582' });
	});

	test.each([
		['one hour ahead', 3600],
		['five minutes ahead', 300],
	])(
		'Capillary %s: an issue it dated before the request left is not this request’s, though n8n’s clock would date it after',
		(_, seconds) => {
			const offset = seconds * SECOND;
			const sentAt = ISSUED_AT - offset + CLOCK_ALLOWANCE_MS + SECOND;
			expect(sentAt).toBeLessThan(ISSUED_AT); // on n8n's clock, the issue looks newer
			expect(
				decideOutcome(request('EARN', direct, sentAt), lookupOf(redeemable(), offset)),
			).toMatchObject({ applied: false });
		},
	);

	test.each([
		['one hour behind', -3600],
		['five minutes behind', -300],
	])(
		'Capillary %s: an issue it dated after the request left is applied, though n8n’s clock would date it before',
		(_, seconds) => {
			const offset = seconds * SECOND;
			const sentAt = ISSUED_AT - offset - 500;
			expect(sentAt).toBeGreaterThan(ISSUED_AT + CLOCK_ALLOWANCE_MS); // n8n's clock: long before
			expect(
				decideOutcome(request('EARN', direct, sentAt), lookupOf(redeemable(), offset)),
			).toMatchObject({ applied: true });
		},
	);

	test.each<BulkAction>(['EARN', 'ENROL'])(
		'%s without a Date header: undecided, whatever the dates show',
		(action) => {
			const customer = action === 'EARN' ? direct : newcomer;
			const body = action === 'EARN' ? redeemable() : notEnrolled();
			expect(
				decideOutcome(request(action, customer, ISSUED_AT), lookupOf(body, NO_DATE_HEADER)),
			).toEqual(undecided(/no \(readable\) Date header/));
		},
	);
});

describe('a record dated after the lookup’s own Date header: the clocks disagree, nothing is decided', () => {
	test('an issue dated after the lookup answered: undecided, not taken for this request’s', () => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT - 10 * MINUTE),
			lookupOf(redeemable(), 0, ISSUED_AT - SECOND),
		);
		expect(decision).toEqual(undecided(/issue 1582 is dated .*, after the lookup answered/));
	});

	test('an enrolment dated after the lookup answered: undecided', () => {
		const decision = decideOutcome(
			request('ENROL', enrolAndIssue, ENROLLED_AT - 10 * MINUTE),
			lookupOf(enrolledOnly(), 0, ENROLLED_AT - SECOND),
		);
		expect(decision).toEqual(undecided(/enrolment 1580 is dated .*, after the lookup answered/));
	});

	test('an issue dated in the very second of the Date header is not in the future', () => {
		const decision = decideOutcome(
			request('EARN', direct, ISSUED_AT - 500),
			lookupOf(redeemable(), 0, ISSUED_AT),
		);
		expect(decision).toMatchObject({ applied: true, earnedId: '1582' });
	});

	test('even one another answer of this run named shows the clocks disagree', () => {
		const decision = decideOutcome(
			request('EARN', enrolAndIssue, ISSUED_AT + 10 * MINUTE, ['1583']),
			lookupOf(redeemable(), 0, ISSUED_AT - SECOND),
		);
		expect(decision).toEqual(undecided(/issue 1583 is dated .*, after the lookup answered/));
	});
});

describe('what the lookup must show before anything is decided', () => {
	test('a lookup that failed: undecided, with its reason', () => {
		const decision = decideOutcome(request('EARN', direct, ISSUED_AT), {
			found: false,
			reason: 'its answer could not be read: promotions is not a list',
		});
		expect(decision).toEqual({
			undecided:
				'the customer lookup failed: its answer could not be read: promotions is not a list',
		});
	});

	test('a lookup by id that answers for another customer: undecided', () => {
		const customer = customerRequest(
			{ promotionId: DIRECT_ISSUE.promotionId },
			{ identifierValue: '345853998' },
		);
		const decision = decideOutcome(
			request('EARN', customer, ISSUED_AT - 500),
			lookupOf(redeemable()),
		);
		expect(decision).toEqual(undecided(/answered for customer 345854019, not this one/));
	});

	test.each(['mobile', 'id'] as const)(
		'a lookup by %s whose answer has no customerId: undecided, never not applied',
		(identifierName) => {
			const body = notEnrolled();
			delete body.customerId;
			const customer = customerRequest(
				{ promotionId: ENROL_AND_ISSUE.promotionId },
				{ identifierName, identifierValue: identifierName === 'id' ? '345853998' : '919845926198' },
			);
			expect(decideOutcome(request('ENROL', customer, ENROLLED_AT), lookupOf(body))).toEqual(
				undecided(/does not say which customer it answered for \(no customerId\)/),
			);
		},
	);

	test('the promotion matched by promoIdentifier (the lookup’s identifier)', () => {
		const customer = customerRequest({ promoIdentifier: DIRECT_ISSUE.identifier });
		expect(
			decideOutcome(request('EARN', customer, ISSUED_AT - 500), lookupOf(redeemable())),
		).toMatchObject({ applied: true, earnedId: '1582' });
	});

	test.each(['2714x', -1, { id: 1085 }])(
		'a promotion whose programId is %j (not a number): the page is unreadable, so the lookup decides nothing',
		(programId) => {
			const body = redeemable();
			promotionIn(body, DIRECT_ISSUE.promotionId).programId = programId;
			expect(readPromotionDataPage(body)).toEqual({
				unreadable: expect.stringMatching(/a programId that is not a number/),
			});
		},
	);

	test('the promotion listed under another program is not this one: undecided', () => {
		const customer = customerRequest({ promotionId: DIRECT_ISSUE.promotionId }, { programId: 469 });
		expect(
			decideOutcome(request('EARN', customer, ISSUED_AT + 10 * MINUTE), lookupOf(redeemable())),
		).toEqual(undecided(/does not list this promotion/));
	});

	test('a promotion the lookup does not list: undecided, never not applied', () => {
		const customer = customerRequest({ promotionId: 424242 });
		expect(
			decideOutcome(request('EARN', customer, ISSUED_AT + 10 * MINUTE), lookupOf(redeemable())),
		).toEqual(undecided(/does not list this promotion/));
	});

	test('the promotion listed twice: undecided', () => {
		const body = redeemable();
		body.promotions.push(structuredClone(promotionIn(body, DIRECT_ISSUE.promotionId)));
		expect(decideOutcome(request('EARN', direct, ISSUED_AT + 10 * MINUTE), lookupOf(body))).toEqual(
			undecided(/lists this promotion more than once/),
		);
	});

	test.each<BulkAction>(['EARN', 'ENROL', 'REVOKE_EARN', 'REVOKE_ENROL'])(
		'%s: the promotion without customerPromotionTimelines: undecided',
		(action) => {
			const body = redeemable();
			delete promotionIn(body, ENROL_AND_ISSUE.promotionId).customerPromotionTimelines;
			expect(
				decideOutcome(request(action, enrolAndIssue, ISSUED_AT + 10 * MINUTE), lookupOf(body)),
			).toEqual(undecided(/shows no enrolments or issues \(customerPromotionTimelines\)/));
		},
	);
});

describe('Revoke Issue (REVOKE_EARN): never decided', () => {
	const revoking = (earnIds?: string[]) =>
		customerRequest({ promotionId: DIRECT_ISSUE.promotionId }, { earnIds });

	test('an Earned ID still listed: undecided (the docs do not say whether revoked issues are listed)', () => {
		expect(
			decideOutcome(request('REVOKE_EARN', revoking(['1582']), ISSUED_AT), lookupOf(redeemable())),
		).toEqual(undecided(/still lists issue 1582/));
	});

	test('no Earned IDs (all of them) and an issue listed: undecided', () => {
		expect(
			decideOutcome(request('REVOKE_EARN', revoking(), ISSUED_AT), lookupOf(redeemable())),
		).toEqual(undecided(/still lists issue 1582/));
	});

	test('the Earned IDs no longer listed: undecided (revoked, or never held)', () => {
		const body = redeemable();
		promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines = [];
		expect(
			decideOutcome(request('REVOKE_EARN', revoking(['1582']), ISSUED_AT), lookupOf(body)),
		).toEqual(undecided(/lists none of issues 1582: revoked, or never held/));
	});

	test.each([' 1582', '01582', '0001582 '])(
		'an issue listed as %j (padded, leading zeros) is the Earned ID 1582: still listed, undecided',
		(listed) => {
			const body = redeemable();
			const timeline = promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines!;
			timeline[0].issuedDetails[0].issualId = listed;
			expect(
				decideOutcome(request('REVOKE_EARN', revoking(['1582']), ISSUED_AT), lookupOf(body)),
			).toEqual(undecided(/still lists issue 1582/));
		},
	);

	test('an enrolment without issuedDetails: undecided', () => {
		const body = redeemable();
		delete (
			promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines![0] as Record<
				string,
				unknown
			>
		).issuedDetails;
		expect(
			decideOutcome(request('REVOKE_EARN', revoking(['1582']), ISSUED_AT), lookupOf(body)),
		).toEqual(undecided(/no issue list/));
	});

	test('reads the lookup without a Date header too (no dates are compared)', () => {
		const body = redeemable();
		promotionIn(body, DIRECT_ISSUE.promotionId).customerPromotionTimelines = [];
		expect(
			decideOutcome(request('REVOKE_EARN', revoking(), ISSUED_AT), lookupOf(body, NO_DATE_HEADER)),
		).toEqual(undecided(/lists no issue of this promotion: all revoked, or none held/));
	});
});

describe('Revoke Enrolment (REVOKE_ENROL): never decided', () => {
	test('an enrolment still listed: undecided', () => {
		expect(
			decideOutcome(request('REVOKE_ENROL', enrolAndIssue, ENROLLED_AT), lookupOf(enrolledOnly())),
		).toEqual(undecided(/still lists an enrolment/));
	});

	test('no enrolment listed: undecided (revoked, or never held)', () => {
		expect(
			decideOutcome(request('REVOKE_ENROL', newcomer, ENROLLED_AT), lookupOf(notEnrolled())),
		).toEqual(undecided(/lists no enrolment in this promotion: revoked, or never held/));
	});

	test('a promotion the lookup shows as Direct Issue: undecided', () => {
		expect(
			decideOutcome(request('REVOKE_ENROL', direct, ENROLLED_AT), lookupOf(redeemable())),
		).toEqual(undecided(/does not show this promotion as Enrol & Issue/));
	});
});

test('the revokes are never decided, whatever the lookup shows', () => {
	const bodies = [redeemable(), notEnrolled(), enrolledOnly()];
	const decisions: Decision[] = [];
	for (const body of bodies)
		for (const action of ['REVOKE_EARN', 'REVOKE_ENROL'] as const)
			for (const promotion of [DIRECT_ISSUE, ENROL_AND_ISSUE])
				for (const offset of [0, NO_DATE_HEADER, 3_600_000])
					decisions.push(
						decideOutcome(
							request(
								action,
								customerRequest(
									{ promotionId: promotion.promotionId },
									{ identifierName: 'mobile', identifierValue: '919845926198' },
								),
								ISSUED_AT,
							),
							lookupOf(body, offset),
						),
					);
	expect(decisions.length).toBeGreaterThan(0);
	expect(decisions.filter((d) => 'applied' in d)).toEqual([]);
});
