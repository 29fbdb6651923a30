/**
 * verifiedResult (what an item says once the lookup decided, or not) and RunRecords (the ids this
 * run's own answers named, which are not the verified request's).
 */
import type { CustomerResult } from '../../nodes/Capillary/helpers/types';
import { verifiedResult } from '../../nodes/Capillary/verification/verifiedResult';
import { RunRecords } from '../../nodes/Capillary/verification/runRecords';

type Failed = Extract<CustomerResult, { status: 'failed' }>;

const LOST =
	'No answer from Capillary after the request was sent (timed out: no complete answer within 1000 ms, the Timeout option): it may have been applied';
const sentRequest = { action: 'EARN' as const, sentAt: 1_700_000_000_000, answered: false };
const unknown = (extra: Partial<Failed> = {}): Failed => ({
	status: 'failed',
	error: { kind: 'request_failed', code: 'ETIMEDOUT', message: LOST, outcome: 'unknown' },
	requestId: 'bulk-request',
	sentRequest,
	...extra,
});

describe('verifiedResult', () => {
	test('undecided: still unknown, verified false, the reason in verification and after the message', () => {
		const result = verifiedResult('EARN', unknown(), { undecided: 'the lookup timed out' });
		expect(result).toEqual({
			...unknown(),
			error: {
				...unknown().error,
				message: `${LOST}; the customer lookup could not decide: the lookup timed out`,
			},
			verified: false,
			verification: 'the lookup timed out',
		});
	});

	test('not applied: Failed, outcome not_applied, verified true, the first message kept', () => {
		const result = verifiedResult('EARN', unknown(), {
			applied: false,
			found: 'the customer lookup lists no issue',
		});
		expect(result).toMatchObject({
			status: 'failed',
			error: {
				kind: 'request_failed',
				code: 'ETIMEDOUT',
				outcome: 'not_applied',
				message: `${LOST}; checked with the customer lookup: the customer lookup lists no issue, so it was not applied`,
			},
			verified: true,
			verification: 'the customer lookup lists no issue',
		});
	});

	test.each([
		['EARN', { earnedId: '77' }, 'earnedId 77'],
		['ENROL', { issualId: '66' }, 'issualId 66'],
	] as const)(
		'%s: not applied, yet Capillary’s answer named %o: still unknown',
		(action, ids, named) => {
			const result = verifiedResult(action, unknown(ids), { applied: false, found: 'nothing' });
			expect(result).toMatchObject({
				status: 'failed',
				error: { outcome: 'unknown' },
				verified: false,
				verification: `Capillary's answer named ${named}, which the lookup does not list`,
			});
		},
	);

	test('applied: Success with the lookup’s ids, verified true, the lost answer in verification', () => {
		const result = verifiedResult('EARN', unknown({ entityId: 5 }), {
			applied: true,
			earnedId: '500001',
			entityId: 1000001,
			found: 'issue 500001, dated 2026-01-01T00:00:00.000Z',
		});
		expect(result).toEqual({
			status: 'success',
			entityId: 1000001,
			issualId: undefined,
			earnedId: '500001',
			warnings: [],
			requestId: 'bulk-request',
			enrolRequestId: undefined,
			sentRequest,
			verified: true,
			verification: `The customer lookup shows issue 500001, dated 2026-01-01T00:00:00.000Z: applied. Capillary's own answer was lost (${LOST})`,
		});
		expect(result).not.toHaveProperty('error');
	});

	test('a resend’s result, applied: still marked resent', () => {
		const result = verifiedResult('EARN', unknown({ resent: true }), {
			applied: true,
			earnedId: '1',
			found: 'issue 1',
		});
		expect(result).toMatchObject({ status: 'success', verified: true, resent: true });
	});

	test('applied without ids of its own (a revoke): the answer’s ids are kept', () => {
		const result = verifiedResult(
			'REVOKE_ENROL',
			unknown({ entityId: 9, issualId: '12', warnings: [{ code: 1 }] }),
			{ applied: true, found: 'no enrolment' },
		);
		expect(result).toMatchObject({
			status: 'success',
			entityId: 9,
			issualId: '12',
			warnings: [{ code: 1 }],
		});
	});
});

describe('RunRecords', () => {
	const success = (
		ids: Partial<Extract<CustomerResult, { status: 'success' }>>,
	): CustomerResult => ({
		status: 'success',
		warnings: [],
		...ids,
	});

	test('keeps the issualIds and earnedIds an answer named, per customer', () => {
		const records = new RunRecords();
		records.note(success({ entityId: 1, issualId: '10', earnedId: '11' }));
		records.note(success({ entityId: 1, earnedId: '12' }));
		records.note(success({ entityId: 2, earnedId: '20' }));
		expect([...records.idsFor(1)]).toEqual(['10', '11', '12']);
		expect([...records.idsFor(2)]).toEqual(['20']);
		expect([...records.idsFor(3)]).toEqual([]);
		expect(records.blind).toBe(false);
	});

	test('ids as the lookup reads them: without padding or leading zeros', () => {
		const records = new RunRecords();
		records.note(success({ entityId: 1, issualId: ' 0100', earnedId: '0500001' }));
		expect([...records.idsFor(1)]).toEqual(['100', '500001']);
	});

	test('a Failed result’s ids count too (an enrolment kept when the issue failed)', () => {
		const records = new RunRecords();
		records.note({
			status: 'failed',
			entityId: 4,
			issualId: '40',
			error: { kind: 'rejected', code: 8890, message: 'x', outcome: 'not_applied', step: 'earn' },
		});
		expect([...records.idsFor(4)]).toEqual(['40']);
	});

	test('knows each customer by the identifiers it was answered for: another value of the same type is a conflict', () => {
		const records = new RunRecords();
		records.note(success({ entityId: 1 }), { identifierName: 'mobile', identifierValue: '9190' });
		records.noteIdentity(1, { identifierName: 'email', identifierValue: 'A@example.com' });
		const by = (identifierName: 'mobile' | 'email' | 'id', identifierValue: string) =>
			records.knownOtherwise(1, { identifierName, identifierValue });
		expect(by('mobile', '9190')).toBe(false);
		expect(by('email', 'a@example.com')).toBe(false); // emails without regard to case
		expect(by('id', '1')).toBe(false); // another type may well be the same customer
		expect(by('mobile', '9191')).toBe(true);
		expect(by('email', 'b@example.com')).toBe(true);
		expect(records.knownOtherwise(2, { identifierName: 'mobile', identifierValue: '9191' })).toBe(
			false,
		);
	});

	test('a customer resent after an attempt that may have applied may hold an unnamed record, for the other items', () => {
		const records = new RunRecords();
		records.note(success({ entityId: 7 }), { identifierName: 'mobile', identifierValue: '9190' });
		records.noteUnnamed({ itemIndex: 1, identifierName: 'mobile', identifierValue: '9190' });
		const item = (itemIndex: number) => ({
			itemIndex,
			identifierName: 'email' as const,
			identifierValue: 'a@example.com',
		});
		expect(records.mayHoldUnnamed(7, item(0))).toBe(true);
		expect(records.mayHoldUnnamed(8, item(0))).toBe(false);
		expect(records.mayHoldUnnamed(7, { ...item(1), identifierName: 'mobile' })).toBe(false); // its own
		records.noteUnnamed({ itemIndex: 2, identifierName: 'id', identifierValue: '9' });
		expect(records.mayHoldUnnamed(9, item(0))).toBe(true); // by id, the customer is known at once
	});

	test('an id named without its customer makes the run blind; a result naming nothing changes nothing', () => {
		const records = new RunRecords();
		records.note(success({ entityId: 1 }));
		expect(records.blind).toBe(false);
		records.note(success({ earnedId: '99' }));
		expect(records.blind).toBe(true);
	});
});
