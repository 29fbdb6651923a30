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
