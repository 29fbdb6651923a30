import { pairResults } from '../../nodes/Capillary/results/pairResults';
import type { CustomerRequest } from '../../nodes/Capillary/helpers/types';
import type { CapillaryResponse } from '../../nodes/Capillary/transport/types';
import { customerRequest } from '../support/customerRequest';

const customers: CustomerRequest[] = ['11', '12'].map((value, itemIndex) =>
	customerRequest(itemIndex, value, { identifierName: 'id' }),
);
const http = (body: unknown, statusCode = 200): CapillaryResponse => ({
	type: 'http',
	statusCode,
	body,
	requestId: 'r-1',
});
const ok = (entityId: number, extra = {}) => ({
	result: { entityId, issualId: `i${entityId}`, earnedId: `e${entityId}`, ...extra },
	errors: [],
	warnings: [],
});

test('pairs by position and keeps ids as strings', () => {
	const { results, fatal } = pairResults(
		'EARN',
		customers,
		http({ response: [ok(11), ok(12, { earnedId: 99 })] }),
	);
	expect(fatal).toBeUndefined();
	expect(results).toEqual([
		{
			status: 'success',
			entityId: 11,
			issualId: 'i11',
			earnedId: 'e11',
			warnings: [],
			requestId: 'r-1',
		},
		{
			status: 'success',
			entityId: 12,
			issualId: 'i12',
			earnedId: '99',
			warnings: [],
			requestId: 'r-1',
		},
	]);
});

test('an error entry with an applied id is rejected with outcome unknown, never not_applied', () => {
	const entry = {
		result: { entityId: 11, issualId: 'i', earnedId: 'e' },
		errors: [{ code: 5, message: 'odd' }],
	};
	const { results } = pairResults('EARN', customers.slice(0, 1), http({ response: [entry] }));
	expect(results[0]).toMatchObject({
		status: 'failed',
		error: { kind: 'rejected', code: 5, outcome: 'unknown' },
	});
});

test.each([
	['an entityId in the wrong place', { response: [ok(12), ok(11)] }],
	['a longer array', { response: [ok(11), ok(12), ok(13)] }],
	['a shorter array', { response: [ok(11)] }],
])('%s makes the whole batch unmatched/unknown with the raw body', (_, body) => {
	const { results } = pairResults('EARN', customers, http(body));
	for (const result of results) {
		expect(result).toMatchObject({
			status: 'failed',
			error: { kind: 'unmatched', outcome: 'unknown', response: body },
		});
	}
});

test.each([
	['an entry that is not an object', null],
	['an entry with neither result nor errors', { warnings: [] }],
	['an earnedId of the wrong type', ok(12, { earnedId: ['e'] })],
	['a result that is not an object', { result: 'yes', errors: [] }],
	['warnings that are not a list', { ...ok(12), warnings: 'careful' }],
])(
	'%s makes only its own customer unmatched/unknown; the others keep their results',
	(_, entry) => {
		const { results } = pairResults('EARN', customers, http({ response: [ok(11), entry] }));
		expect(results[0]).toMatchObject({ status: 'success', earnedId: 'e11' });
		expect(results[1]).toMatchObject({
			status: 'failed',
			error: { kind: 'unmatched', outcome: 'unknown', response: entry },
		});
	},
);

test('null counts as absent: a null result with an error, null ids, null errors and warnings', () => {
	const entries = [
		{
			result: null,
			errors: [
				{ status: false, code: 8015, message: 'Customer not found for the given identifiers' },
			],
			warnings: null,
		},
		{ result: { entityId: 12, issualId: null, earnedId: 'e12' }, errors: null, warnings: null },
	];
	const { results } = pairResults('EARN', customers, http({ response: entries }, 201));
	expect(results[0]).toMatchObject({
		status: 'failed',
		error: { kind: 'rejected', code: 8015, outcome: 'not_applied' },
	});
	expect(results[1]).toEqual({
		status: 'success',
		entityId: 12,
		earnedId: 'e12',
		warnings: [],
		requestId: 'r-1',
	});
});

test('an 8890 warning with a null issualId and earnedId is not applied', () => {
	const entry = {
		result: { entityId: 11, issualId: null, earnedId: null },
		errors: [],
		warnings: [{ status: true, code: 8890, message: 'limit' }],
	};
	const { results } = pairResults('EARN', customers.slice(0, 1), http({ response: [entry] }));
	expect(results[0]).toMatchObject({
		status: 'failed',
		error: { kind: 'rejected', code: 8890, outcome: 'not_applied' },
	});
});

test.each(['', '   '])('a blank earnedId %j is not a success', (earnedId) => {
	const { results } = pairResults(
		'EARN',
		customers.slice(0, 1),
		http({ response: [ok(11, { earnedId })] }),
	);
	expect(results[0]).toMatchObject({
		status: 'failed',
		error: { kind: 'rejected', outcome: 'not_applied' },
	});
	expect(results[0].earnedId).toBeUndefined();
});

test('a blank issualId on an enrolment is not a success', () => {
	const { results } = pairResults(
		'ENROL',
		customers.slice(0, 1),
		http({ response: [ok(11, { issualId: ' ' })] }),
	);
	expect(results[0]).toMatchObject({ status: 'failed', error: { outcome: 'unknown' } });
});

test('an ENROL result without issualId is unmatched/unknown', () => {
	const { results } = pairResults(
		'ENROL',
		customers.slice(0, 1),
		http({ response: [{ result: { entityId: 11 }, errors: [] }] }),
	);
	expect(results[0]).toMatchObject({
		status: 'failed',
		error: { kind: 'unmatched', outcome: 'unknown' },
	});
});

test('a huge hostile message is cut, and an odd error code does not crash', () => {
	const entry = {
		errors: [{ code: { nested: true }, message: 'x'.repeat(10_000) }],
		warnings: null,
	};
	const { results } = pairResults('EARN', customers.slice(0, 1), http({ response: [entry] }));
	expect(results[0]).toMatchObject({
		status: 'failed',
		warnings: [],
		error: { code: null, outcome: 'not_applied' },
	});
	expect((results[0] as { error: { message: string } }).error.message).toHaveLength(500);
});

test('a response without response[] is classified as a request failure for every customer', () => {
	const { results, fatal } = pairResults(
		'EARN',
		customers,
		http({ errors: [{ code: 401, message: 'nope' }] }, 401),
	);
	expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
	expect(fatal).toEqual({
		code: 401,
		message: 'Capillary refused the request with HTTP 401: nope',
	});
});

test.each([
	[
		'EARN',
		{
			result: { entityId: 11, earnedId: 'e1' },
			errors: [],
			warnings: [{ code: 8890, message: 'limit' }],
		},
	],
	[
		'ENROL',
		{
			result: { entityId: 11, issualId: 'i1' },
			errors: [],
			warnings: [{ code: 8890, message: 'limit' }],
		},
	],
] as const)(
	'an 8890 warning on a %s result that carries its new id is unknown, not not_applied',
	(action, entry) => {
		const { results } = pairResults(action, customers.slice(0, 1), http({ response: [entry] }));
		expect(results[0]).toMatchObject({
			status: 'failed',
			error: { kind: 'rejected', code: 8890, outcome: 'unknown' },
		});
	},
);

test('a huge unmatched body is kept as a short excerpt', () => {
	const body = { response: [{ errors: [{ message: 'y'.repeat(50_000) }] }] };
	const { results } = pairResults('EARN', customers, http(body));
	const attached = (results[0] as { error: { response: unknown } }).error.response;
	expect(typeof attached).toBe('string');
	expect((attached as string).length).toBeLessThan(2100);
	expect(attached).toMatch(/characters in all\)$/);
});

describe('revokes', () => {
	/** Customers by ID, as the docs' examples send them; `earnIds` per customer when given. */
	const byId = (values: string[], earnIds: Array<string[] | undefined> = []) =>
		values.map((value, itemIndex) =>
			customerRequest(itemIndex, value, {
				identifierName: 'id',
				...(earnIds[itemIndex] ? { earnIds: earnIds[itemIndex] } : {}),
			}),
		);
	const revoked = (entityId: number, revokedEarnIds: unknown, extra = {}) => ({
		result: { entityType: 'CUSTOMER', entityId, programId: 2714, revokedEarnIds, ...extra },
		errors: [],
		warnings: [],
	});
	const failure = (code: number, message: string) => ({
		errors: [{ status: false, message, code }],
		warnings: [],
	});

	// The docs' "Response (Issue&Earn + Action=REVOKE_ENROL)", verbatim: the revoked enrolment as
	// "issualId", a string.
	const revokeEnrolExample = {
		response: [
			['423926199', '847'],
			['423926198', '848'],
			['423926200', '849'],
			['423926201', '850'],
		].map(([entityId, issualId]) => ({
			result: {
				entityType: 'CUSTOMER',
				entityId: Number(entityId),
				promotionId: 202188,
				programId: 2714,
				issualId,
			},
			errors: [],
			warnings: [],
		})),
		totalCount: 4,
		failureCount: 0,
	};

	test('the docs’ REVOKE_ENROL example: each enrolment revoked, as revokedIssualId', () => {
		const customers = byId(['423926199', '423926198', '423926200', '423926201']);
		const { results } = pairResults('REVOKE_ENROL', customers, http(revokeEnrolExample));
		expect(results).toEqual(
			revokeEnrolExample.response.map(({ result }) => ({
				status: 'success',
				entityId: result.entityId,
				revokedIssualId: result.issualId,
				warnings: [],
				requestId: 'r-1',
			})),
		);
	});

	test('revokedIssualId as the docs’ table gives it (an integer) is read as a string, and wins over issualId', () => {
		const [customer] = byId(['423926199']);
		const integer = pairResults(
			'REVOKE_ENROL',
			[customer],
			http({ response: [{ result: { entityId: 423926199, revokedIssualId: 847 }, errors: [] }] }),
		);
		expect(integer.results[0]).toMatchObject({ status: 'success', revokedIssualId: '847' });
		const both = pairResults(
			'REVOKE_ENROL',
			[customer],
			http({
				response: [
					{ result: { entityId: 423926199, revokedIssualId: 847, issualId: '1' }, errors: [] },
				],
			}),
		);
		expect(both.results[0]).toMatchObject({ status: 'success', revokedIssualId: '847' });
	});

	test.each([
		['neither revokedIssualId nor issualId', {}],
		['null ids', { revokedIssualId: null, issualId: null }],
		['a blank revokedIssualId', { revokedIssualId: '  ' }],
	])('a REVOKE_ENROL result with %s is unmatched/unknown, never success', (_, ids) => {
		const { results } = pairResults(
			'REVOKE_ENROL',
			byId(['423926199']),
			http({ response: [{ result: { entityId: 423926199, ...ids }, errors: [] }] }),
		);
		expect(results[0]).toMatchObject({
			status: 'failed',
			error: {
				kind: 'unmatched',
				outcome: 'unknown',
				message: expect.stringMatching(/^The revoke result carries no revoked enrolment id/),
			},
		});
	});

	test('the docs’ REVOKE_EARN examples (Issue&Earn, and Direct): the ids revoked, as strings', () => {
		const issueAndEarn = {
			response: [
				{
					result: {
						entityType: 'CUSTOMER',
						entityId: 423927867,
						promoIdentifier: '95c77d88-470c-4dd3-bde4-606ae1b64277',
						programId: 2714,
						revokedEarnIds: [974],
					},
					errors: [],
					warnings: [],
				},
				{
					result: {
						entityType: 'CUSTOMER',
						entityId: 423927868,
						promoIdentifier: '95c77d88-470c-4dd3-bde4-606ae1b64277',
						programId: 2714,
						revokedEarnIds: [975, 977],
					},
					errors: [],
					warnings: [],
				},
			],
			totalCount: 2,
			failureCount: 0,
		};
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['423927867', '423927868']),
			http(issueAndEarn),
		);
		expect(results.map((r) => [r.status, r.entityId, r.revokedEarnIds])).toEqual([
			['success', 423927867, ['974']],
			['success', 423927868, ['975', '977']],
		]);
		expect(results[0]).not.toHaveProperty('issualId');
		expect(results[0]).not.toHaveProperty('earnedId');

		const direct = {
			response: [
				{
					result: {
						entityType: 'CUSTOMER',
						entityId: 423927848,
						promoIdentifier: '1d9e540d-ae2c-443f-9d0d-7ac146bf93f2',
						programId: 2714,
						revokedEarnIds: [957],
					},
					errors: [],
					warnings: [],
				},
			],
			totalCount: 1,
			failureCount: 0,
		};
		expect(
			pairResults('REVOKE_EARN', byId(['423927848'], [['957']]), http(direct)).results[0],
		).toMatchObject({ status: 'success', revokedEarnIds: ['957'] });
	});

	test('the docs’ "Direct + Action=REVOKE_ENROL" example: 8902, rejected, not applied', () => {
		const body = {
			response: [
				failure(8902, 'revoke bulk action passed not supported for loyalty/generic promotion type'),
			],
			totalCount: 1,
			failureCount: 1,
		};
		const { results, fatal } = pairResults('REVOKE_ENROL', byId(['423927848']), http(body));
		expect(fatal).toBeUndefined();
		expect(results[0]).toMatchObject({
			status: 'failed',
			error: { kind: 'rejected', code: 8902, outcome: 'not_applied' },
		});
	});

	test('the docs’ partial success: the first revoked, the two others not found (8015), by position', () => {
		const body = {
			response: [
				{
					result: {
						entityType: 'CUSTOMER',
						entityId: 555567088,
						promotionId: 74230,
						programId: 753,
						revokedEarnIds: [111],
					},
					errors: [],
					warnings: [],
				},
				failure(8015, 'Customer not found for the given identifiers'),
				failure(8015, 'Customer not found for the given identifiers'),
			],
			totalCount: 3,
			failureCount: 2,
		};
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['555567088', '555567089', '555567090'], [['111'], ['112'], undefined]),
			http(body),
		);
		expect(results.map((r) => [r.status, r.revokedEarnIds])).toEqual([
			['success', ['111']],
			['failed', undefined],
			['failed', undefined],
		]);
		for (const result of results.slice(1))
			expect(result).toMatchObject({
				error: {
					kind: 'rejected',
					code: 8015,
					outcome: 'not_applied',
					message: 'Customer not found for the given identifiers',
				},
			});
	});

	const requestLevel = [
		[1101, 'invalid programId passed'],
		[8892, 'promotion is inactive'],
		[8874, 'promotion id passed is invalid'],
		[8896, 'Error occurred while issuing promotion to the customer'],
		[8901, 'invalid entity type passed'],
	] as const;

	test.each(requestLevel)(
		'the docs’ single-entry %d answer for one customer: rejected, not applied',
		(code, message) => {
			const body = { response: [failure(code, message)], totalCount: 1, failureCount: 1 };
			for (const action of ['REVOKE_EARN', 'REVOKE_ENROL'] as const)
				expect(pairResults(action, byId(['423927867']), http(body)).results[0]).toMatchObject({
					status: 'failed',
					error: { kind: 'rejected', code, message, outcome: 'not_applied' },
				});
		},
	);

	// The docs show request-level codes as one entry (totalCount 1) but never for a batch. Should a
	// batch of several get one entry, it cannot be paired: every customer is unmatched/unknown, never
	// "not applied" read off the one entry for the others.
	test.each(requestLevel)(
		'a single %d entry for a batch of three: every customer unmatched/unknown, with the body',
		(code, message) => {
			const body = { response: [failure(code, message)], totalCount: 1, failureCount: 1 };
			const { results } = pairResults(
				'REVOKE_EARN',
				byId(['1', '2', '3'], [['5'], undefined, ['6', '7']]),
				http(body),
			);
			expect(results).toHaveLength(3);
			for (const result of results)
				expect(result).toMatchObject({
					status: 'failed',
					error: {
						kind: 'unmatched',
						code: null,
						outcome: 'unknown',
						response: body,
						message: expect.stringMatching(/^Capillary answered 1 results for 3 customers sent/),
					},
				});
		},
	);

	test.each<[string, unknown]>([
		['null', null],
		['an empty list', []],
	])('revokedEarnIds %s, without an error, is unmatched/unknown, never success', (_, ids) => {
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['11']),
			http({ response: [revoked(11, ids)] }),
		);
		expect(results[0]).toMatchObject({
			status: 'failed',
			error: {
				kind: 'unmatched',
				outcome: 'unknown',
				message: expect.stringMatching(/^The revoke result lists no revokedEarnIds/),
			},
		});
	});

	test.each<[string, unknown]>([
		['[null]', [null]],
		['["", 5]', ['', 5]],
		['["abc"]', ['abc']],
		['[-1]', [-1]],
		['[0]', [0]],
		['[1.5]', [1.5]],
		['[true]', [true]],
		['[[974]]', [[974]]],
		['a 20-digit number (rounded by JSON)', [12345678901234567890]],
		['a string, not a list', '974'],
		['an object', { 974: true }],
	])('revokedEarnIds %s make only that customer unmatched/unknown', (_, ids) => {
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['11', '12']),
			http({ response: [revoked(11, ids), revoked(12, [5])] }),
		);
		expect(results[0]).toMatchObject({
			status: 'failed',
			error: {
				kind: 'unmatched',
				outcome: 'unknown',
				message: expect.stringMatching(/^Result 0 of Capillary's answer has revokedEarnIds that/),
			},
		});
		expect(results[1]).toMatchObject({ status: 'success', revokedEarnIds: ['5'] });
	});

	test('a 20-digit id given as a string is kept exact; digit strings are trimmed, without leading zeros', () => {
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['11', '12'], [undefined, ['959']]),
			http({
				response: [revoked(11, ['12345678901234567890']), revoked(12, [' 0959 '])],
			}),
		);
		expect(results.map((r) => [r.status, r.revokedEarnIds])).toEqual([
			['success', ['12345678901234567890']],
			['success', ['959']],
		]);
	});

	test('an issualId given as a number too large for JSON to hold exactly is not taken as an id', () => {
		const { results } = pairResults(
			'REVOKE_ENROL',
			byId(['11']),
			http({
				response: [{ result: { entityId: 11, issualId: 12345678901234567890 }, errors: [] }],
			}),
		);
		expect(results[0]).toMatchObject({
			status: 'failed',
			error: { kind: 'unmatched', outcome: 'unknown' },
		});
	});

	test('a revoked id that the customer sent there did not name makes the whole batch unmatched/unknown', () => {
		// Mobiles carry no entityId check: the earned IDs are the only sign that entries were swapped.
		const customers = ['919000000001', '919000000002'].map((value, itemIndex) =>
			customerRequest(itemIndex, value, { earnIds: [String(959 + itemIndex)] }),
		);
		const body = { response: [revoked(2, [960]), revoked(1, [959])] };
		const { results } = pairResults('REVOKE_EARN', customers, http(body));
		for (const result of results)
			expect(result).toMatchObject({
				status: 'failed',
				error: {
					kind: 'unmatched',
					outcome: 'unknown',
					response: body,
					message: expect.stringMatching(
						/^Result 0 reports revoking earned ID 960, but the customer sent there named only 959/,
					),
				},
			});
	});

	test('fewer ids revoked than named: that customer is unknown, keeping what was revoked; the others stand', () => {
		const customers = byId(['11', '12'], [['959', '960'], undefined]);
		const { results } = pairResults(
			'REVOKE_EARN',
			customers,
			http({ response: [revoked(11, [959]), revoked(12, [1, 2])] }),
		);
		expect(results[0]).toMatchObject({
			status: 'failed',
			revokedEarnIds: ['959'],
			error: {
				kind: 'unmatched',
				outcome: 'unknown',
				message:
					'Capillary reports revoking earned IDs 959, not 960, which were asked too: it cannot be told whether those were revoked',
			},
		});
		expect(results[1]).toMatchObject({ status: 'success', revokedEarnIds: ['1', '2'] });
	});

	test('exactly the ids named, in another order or repeated: success', () => {
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['11'], [['959', '960']]),
			http({ response: [revoked(11, [960, '959', 960])] }),
		);
		expect(results[0]).toMatchObject({ status: 'success', revokedEarnIds: ['960', '959', '960'] });
	});

	test('an error entry that also lists revoked ids may have been applied: rejected, unknown', () => {
		const entry = { ...revoked(11, [959]), errors: [{ code: 8903, message: 'odd' }] };
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['11'], [['959']]),
			http({ response: [entry] }),
		);
		expect(results[0]).toMatchObject({
			status: 'failed',
			revokedEarnIds: ['959'],
			error: { kind: 'rejected', code: 8903, outcome: 'unknown' },
		});
	});

	test('an 8903 entry for the docs’ request example: rejected; unknown, as two ids were named and 8903 does not say which', () => {
		const { results } = pairResults(
			'REVOKE_EARN',
			byId(['423927848', '423927855', '423927856'], [['959'], ['960', '963'], undefined]),
			http({
				response: [
					revoked(423927848, [959]),
					failure(8903, 'Earn IDs passed are either invalid or already revoked'),
					revoked(423927856, [970, 971]),
				],
				totalCount: 3,
				failureCount: 1,
			}),
		);
		expect(results.map((r) => [r.status, r.revokedEarnIds])).toEqual([
			['success', ['959']],
			['failed', undefined],
			['success', ['970', '971']],
		]);
		expect(results[1]).toMatchObject({ error: { code: 8903, outcome: 'unknown' } });
	});
});
