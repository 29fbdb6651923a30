/**
 * Hostile review of Get Customer Promotions: answers Capillary (or a proxy in front of it) could
 * give that the sandbox cannot, from a tiny server on loopback, through n8n's real WorkflowExecute.
 * `test.failing`: a reproduced bug (the comment says what is wrong and what would be right).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { lookupParameters, runCapillary } from '../support/engine/capillaryWorkflow';
import { executeCapillary } from '../support/engine/executeNode';
import { errorOf } from '../support/engine/items';
import {
	page,
	promotion,
	promotionRange,
	timeline,
	useFakeLookupServer,
	type LookupCall,
} from './support/fakeLookupServer';

const server = useFakeLookupServer();

interface Shown {
	promotionId: number;
	enrolled?: boolean;
	enrolment?: { issualId?: string; expiresAt?: string } | null;
	issues?: Array<{ earnedId: string; expiresAt?: string }>;
}
const promotionsOf = (item: INodeExecutionData) => item.json.promotions as Shown[];

async function lookUp(
	items: object[],
	identifierName: 'mobile' | 'id' = 'id',
	extra: Record<string, unknown> = {},
) {
	return await runCapillary(server.credentials(), {
		items: items as never,
		parameters: lookupParameters(identifierName, {
			...extra,
			options: { maxRetries: 0, maxRetryWait: 0, ...(extra.options as object) },
		}),
		authentication: 'basicAuth',
	});
}

/** Every input item has exactly one output item, paired to it. */
function expectOnePerItem(
	run: { success: INodeExecutionData[]; failed: INodeExecutionData[] },
	n: number,
) {
	const paired = [...run.success, ...run.failed]
		.map((i) => (i.pairedItem as { item: number }).item)
		.sort((a, b) => a - b);
	expect(paired).toEqual(Array.from({ length: n }, (_, k) => k));
}

const offsetOf = (call: LookupCall) => Number(call.query.get('offset'));

describe('the answer is for another customer', () => {
	// Found in review, fixed.
	test('identifier id 123, answer customerId 999: must not be Success with customer 999’s issues', async () => {
		server.answer = () =>
			page(999, [promotion(69218, { timelines: [timeline(1581, [{ issualId: 1582 }])] })]);
		const run = await lookUp([{ id: '123' }]);
		expectOnePerItem(run, 1);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'not_applied' });
	});

	test('held: pages that name different customers are Failed', async () => {
		server.answer = (call) =>
			offsetOf(call) === 0
				? page(123, promotionRange(1, 100), 150)
				: page(124, promotionRange(101, 150), 150);
		const run = await lookUp([{ id: '123' }]);
		expect(errorOf(run.failed[0]).message).toContain('its pages name different customers');
	});
});

describe('pages that disagree', () => {
	// Found in review, fixed.
	test('totalEntries 150 then 149: a promotion is silently skipped', async () => {
		server.answer = (call) =>
			offsetOf(call) === 0
				? page(123, promotionRange(1, 100), 150)
				: page(123, promotionRange(102, 150), 149);
		const run = await lookUp([{ id: '123' }]);
		expect(server.calls).toHaveLength(2);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched' });
	});

	// Found in review, fixed.
	test('a page repeating the previous one (offset ignored) is not Success with duplicates', async () => {
		server.answer = () => page(123, promotionRange(1, 100), 200);
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched' });
	});

	// Found in review, fixed.
	test('a promotion listed twice is not reported as two promotions', async () => {
		server.answer = () =>
			page(123, [
				promotion(69218, { timelines: [timeline(1581, [{ issualId: 1582 }])] }),
				promotion(69218, { timelines: [timeline(1583, [{ issualId: 1584 }])] }),
			]);
		const run = await lookUp([{ id: '123' }], 'id', {
			promotion: { __rl: true, mode: 'id', value: '69218' },
		});
		if (run.success.length === 1) {
			expect(run.success[0].json.promotionCount).toBe(1);
			expect(
				promotionsOf(run.success[0])[0]
					.issues!.map((i) => i.earnedId)
					.sort(),
			).toEqual(['1582', '1584']);
		} else expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched' });
	});

	test('held: an empty page before the total is Failed, saying so', async () => {
		server.answer = (call) =>
			offsetOf(call) === 0 ? page(123, promotionRange(1, 100), 150) : page(123, [], 150);
		const run = await lookUp([{ id: '123' }]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'not_applied' });
		expect(errorOf(run.failed[0]).message).toContain('its pages hold 100 promotions, not the 150');
	});

	test('held: offset read as a page number (page 100 is empty) is Failed, not Success', async () => {
		const all = promotionRange(1, 150);
		server.answer = (call) => {
			const pageNumber = offsetOf(call);
			return page(123, all.slice(pageNumber * 100, pageNumber * 100 + 100), 150);
		};
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0]).kind).toBe('unmatched');
	});

	test('held: the node asks for pages of 100 from offset 0, 100, … and stops at the total', async () => {
		const all = promotionRange(1, 250);
		server.answer = (call) => {
			const offset = offsetOf(call);
			return page(123, all.slice(offset, offset + Number(call.query.get('limit'))), 250);
		};
		const run = await lookUp([{ id: '123' }]);
		expect(server.calls.map((c) => [c.query.get('offset'), c.query.get('limit')])).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		expect(run.success[0].json.promotionCount).toBe(250);
	});

	test('held: a total that never ends stops after 50 pages, Failed', async () => {
		let next = 1;
		server.answer = () => {
			const promotions = promotionRange(next, next + 99);
			next += 100;
			return page(123, promotions, 1_000_000);
		};
		const run = await lookUp([{ id: '123' }]);
		expect(server.calls).toHaveLength(50);
		expect(errorOf(run.failed[0]).message).toContain('more than 5000 promotions');
	});
});

describe('an answer that says it failed', () => {
	// Found in review, fixed.
	test('200 with errors[8015] and an empty list is not Success "holds nothing"', async () => {
		server.answer = () =>
			page(undefined, [], 0, {
				errors: [
					{ status: false, code: 8015, message: 'Customer not found for the given identifiers' },
				],
			});
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'rejected', code: 8015 });
	});

	// Found in review, fixed.
	test('200 with only errors[8015]: the Failed item says what Capillary said', async () => {
		server.answer = () => ({
			body: {
				errors: [
					{ status: false, code: 8015, message: 'Customer not found for the given identifiers' },
				],
			},
		});
		const run = await lookUp([{ id: '123' }]);
		expect(errorOf(run.failed[0]).message).toContain('Customer not found');
	});

	test('held: 200 with only errors[] is at least Failed, never Success', async () => {
		server.answer = () => ({
			body: { errors: [{ status: false, code: 8015, message: 'Customer not found' }] },
		});
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({
			kind: 'rejected',
			code: 8015,
			outcome: 'not_applied',
		});
	});

	test.each([
		['an HTML page', { body: '<html><body>Service temporarily unavailable</body></html>' }],
		['JSON null', { body: 'null' }],
		['a JSON list', { body: [] }],
		['totalEntries as text', { body: { pageDetails: { totalEntries: 'x' }, promotions: [] } }],
		[
			'promotions as an object',
			{ body: { pageDetails: { totalEntries: 1 }, promotions: { 0: promotion(1) } } },
		],
		[
			'customerId as text',
			{ body: { pageDetails: { totalEntries: 0 }, customerId: 'abc', promotions: [] } },
		],
	])('held: 200 with %s is Failed unmatched, not_applied, one item each', async (_, answer) => {
		server.answer = () => answer as never;
		const run = await lookUp([{ id: '123' }, { id: '124' }]);
		expectOnePerItem(run, 2);
		expect(run.failed.map((i) => errorOf(i))).toEqual([
			expect.objectContaining({ kind: 'unmatched', outcome: 'not_applied' }),
			expect.objectContaining({ kind: 'unmatched', outcome: 'not_applied' }),
		]);
	});
});

describe('data inside a promotion', () => {
	// Found in review, fixed.
	test('an enrolment past its enrollmentExpiryDate is not reported as enrolled', async () => {
		server.answer = () =>
			page(123, [
				promotion(1119990, {
					type: 'LOYALTY_EARNING',
					timelines: [
						timeline(1580, [], {
							enrollmentDate: '2024-06-25T12:41:55.000Z',
							enrollmentExpiryDate: '2024-06-30T12:41:55.000Z',
						}),
					],
				}),
			]);
		const run = await lookUp([{ id: '123' }]);
		expect(promotionsOf(run.success[0])[0].enrolled).not.toBe(true);
	});

	// Found in review, fixed.
	test('a zone-less expiry date is not passed on as read', async () => {
		server.answer = () =>
			page(123, [
				promotion(69218, {
					timelines: [
						timeline(1581, [{ issualId: 1582, issualExpiryDate: '2026-12-31 23:59:59' }]),
					],
				}),
			]);
		const run = await lookUp([{ id: '123' }]);
		const issue = run.success[0] && promotionsOf(run.success[0])[0].issues![0];
		expect(issue?.expiresAt).not.toBe('2026-12-31 23:59:59');
	});

	// Found in review, fixed.
	test('Promotion by identifier, answer without `identifier`: not Success "holds none"', async () => {
		server.answer = () =>
			page(123, [
				promotion(57099, {
					type: 'LOYALTY_EARNING',
					identifier: undefined,
					timelines: [timeline(100001, [{ issualId: 500001 }])],
				}),
			]);
		const run = await lookUp([{ id: '123' }], 'id', {
			promotion: { __rl: true, mode: 'promoIdentifier', value: 'WELCOME10' },
		});
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0]).kind).toBe('unmatched');
	});

	// Found in review, fixed.
	test('an impossible issualDate (Feb 31) is not passed on as read', async () => {
		server.answer = () =>
			page(123, [
				promotion(69218, {
					timelines: [timeline(1581, [{ issualId: 1582, issualDate: '2026-02-31T10:15:01.000Z' }])],
				}),
			]);
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
	});

	test('held: an issualDate without its zone is Failed unmatched, naming it', async () => {
		server.answer = () =>
			page(123, [
				promotion(69218, {
					timelines: [timeline(1581, [{ issualId: 1582, issualDate: '2026-03-02T10:15:01' }])],
				}),
			]);
		const run = await lookUp([{ id: '123' }]);
		expect(errorOf(run.failed[0]).message).toContain('an issue without a valid issualDate');
	});

	// Found in review, fixed.
	test('an issualId "0" is not reported as an earnedId', async () => {
		server.answer = () =>
			page(123, [promotion(69218, { timelines: [timeline(1581, [{ issualId: '0' }])] })]);
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0]).kind).toBe('unmatched');
	});

	test.each([
		['a negative id', -5],
		['a fractional id', 1.5],
		['an id beyond 2^53', 12345678901234567890],
		['an id as an object', { id: 1 }],
		['a boolean id', true],
		['an id with letters', '15a'],
	])('held: an issue with %s is Failed unmatched', async (_, issualId) => {
		server.answer = () =>
			page(123, [promotion(69218, { timelines: [timeline(1581, [{ issualId }])] })]);
		const run = await lookUp([{ id: '123' }]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'unmatched', outcome: 'not_applied' });
	});

	test.each([
		['LOYALTY_EARNING', 'ENROL_AND_ISSUE'],
		['LOYALTY', 'DIRECT_ISSUE'],
	])(
		'held: a %s promotion without customerPromotionTimelines is Failed, never "no issues"',
		async (type) => {
			server.answer = () => page(123, [promotion(1, { type, timelines: undefined })]);
			const run = await lookUp([{ id: '123' }]);
			expect(errorOf(run.failed[0]).message).toContain(
				'came without its customerPromotionTimelines',
			);
		},
	);

	test('held: null timelines / issuedDetails are "unknown", not "none"', async () => {
		server.answer = () =>
			page(123, [
				promotion(1, { type: 'LOYALTY_EARNING', timelines: null as never }),
				promotion(2, { timelines: [{ ...timeline(5, []), issuedDetails: null }] }),
			]);
		const run = await lookUp([{ id: '123' }]);
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0]).kind).toBe('unmatched');
	});
});

describe('transport', () => {
	test('held: a 302 is not followed (the credential stays on its host), and stops the run', async () => {
		server.answer = () => ({
			status: 302,
			body: '',
			headers: { Location: 'http://127.0.0.2:9/steal' },
		});
		const run = await lookUp([{ id: '123' }, { id: '124' }], 'id', {});
		expect(server.calls).toHaveLength(1);
		expect(run.error?.message).toMatch(/redirect \(HTTP 302\)/);
	});

	test('held: a 302 in a Continue mode: both items Failed, not_applied, the second not sent', async () => {
		server.answer = () => ({ status: 302, body: '', headers: { Location: '/elsewhere' } });
		const run = await runCapillary(server.credentials(), {
			items: [{ id: '123' }, { id: '124' }],
			parameters: lookupParameters('id'),
			authentication: 'basicAuth',
			onError: 'continueRegularOutput',
		});
		expectOnePerItem(run, 2);
		expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
		expect(errorOf(run.failed[0]).message).not.toMatch(/may have/);
		expect(server.calls).toHaveLength(1);
	});

	test('held: a reset then an answer: retried, Success', async () => {
		server.answer = (call) => (call.index === 0 ? 'reset' : page(123, [promotion(1)]));
		const run = await lookUp([{ id: '123' }], 'id', { options: { maxRetries: 1 } });
		expect(run.success).toHaveLength(1);
		expect(server.calls).toHaveLength(2);
	});

	test('held: a hang past the Timeout, retried once, then Failed ETIMEDOUT, not_applied', async () => {
		server.answer = () => 'hang';
		const started = Date.now();
		const run = await lookUp([{ id: '123' }], 'id', {
			options: { timeout: 1000, maxRetries: 1 },
		});
		expect(Date.now() - started).toBeLessThan(5000);
		expect(server.calls).toHaveLength(2);
		expect(errorOf(run.failed[0])).toMatchObject({
			kind: 'request_failed',
			outcome: 'not_applied',
		});
		expect(errorOf(run.failed[0]).message).toMatch(/Timeout/);
		expect(errorOf(run.failed[0]).message).not.toMatch(/may have been applied/);
	});

	test('held: page 2 hangs past the Timeout: Failed, never Success with page 1 alone', async () => {
		server.answer = (call) =>
			offsetOf(call) === 0 ? page(123, promotionRange(1, 100), 150) : 'hang';
		const run = await lookUp([{ id: '123' }], 'id', { options: { timeout: 1000, maxRetries: 0 } });
		expect(run.success).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({
			kind: 'request_failed',
			outcome: 'not_applied',
		});
		expect(server.calls).toHaveLength(2);
	});

	test('held: 429 with Retry-After on page 2: waited, retried, Success with every page', async () => {
		server.answer = (call) => {
			if (offsetOf(call) === 0) return page(123, promotionRange(1, 100), 150);
			if (call.index === 1)
				return { status: 429, body: { errors: [{ code: 429 }] }, headers: { 'Retry-After': '1' } };
			return page(123, promotionRange(101, 150), 150);
		};
		const run = await lookUp([{ id: '123' }], 'id', {
			options: { maxRetries: 1, maxRetryWait: 5000 },
		});
		expect(run.success[0].json.promotionCount).toBe(150);
		expect(server.calls.map((c) => offsetOf(c))).toEqual([0, 100, 100]);
	});

	test('held: cancelled while page 2 hangs: ends, item 0 Failed not_applied, item 1 never sent', async () => {
		server.answer = (call) =>
			offsetOf(call) === 0 ? page(123, promotionRange(1, 100), 150) : 'hang';
		const cancel = new AbortController();
		const poll = setInterval(() => server.calls.length === 2 && cancel.abort(), 5);
		const started = Date.now();
		const [success, failed] = await executeCapillary(
			server.credentials(),
			{
				items: [{ id: '123' }, { id: '124' }],
				parameters: lookupParameters('id', { options: { timeout: 60_000 } }),
				authentication: 'basicAuth',
			},
			cancel.signal,
		).finally(() => clearInterval(poll));
		expect(Date.now() - started).toBeLessThan(3000);
		expect(success).toEqual([]);
		expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
		expect(errorOf(failed[1]).message).toMatch(/^Not looked up: the run was cancelled/);
		expect(server.calls).toHaveLength(2);
	});

	test('held: the Basic credential sent is never in an output, even when the answer echoes it', async () => {
		server.answer = (call) =>
			page(123, [
				promotion(1, {
					promotionName: `debug ${call.authorization}`,
					description: Buffer.from(String(call.authorization)).toString('base64'),
				}),
			]);
		const run = await lookUp([{ id: '123' }]);
		const authorization = String(server.calls[0].authorization);
		expect(authorization).toMatch(/^Basic /);
		const text = JSON.stringify(run);
		expect(text).not.toContain(authorization.replace(/^Basic /, ''));
		expect(run.success[0].json.promotions).toEqual([
			expect.objectContaining({ promotionName: 'debug [redacted]' }),
		]);
	});
});
