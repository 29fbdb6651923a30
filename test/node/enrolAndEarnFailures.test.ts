import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	unverifiedParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { mobileItems, errorOf } from '../support/engine/items';

const sandbox = useSandbox();

const parameters = (options = {}) =>
	unverifiedParameters('enrolAndEarn', DEMO.promotions.welcome, 'mobile', { options });

test('an enrolment whose outcome is unknown is reported enrolled: null, and not issued', async () => {
	sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(0, 2),
		parameters: parameters({ maxRetries: 0 }),
	});
	expect(run.failed.map((i) => i.json.enrolled)).toEqual([null, null]);
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown', 'unknown']);
	expect(sandbox.ledger.map((e) => e.action)).toEqual(['ENROL', 'ENROL']);
});

test('a certainly failed enrolment is enrolled: false', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [{ mobile: DEMO.unknownCustomer.mobile }],
		parameters: parameters(),
	});
	expect(run.failed[0].json).toMatchObject({
		enrolled: false,
		error: { code: 8015, outcome: 'not_applied' },
	});
});

test('a fatal failure on the issue step after enrolments never throws, even with Stop Workflow', async () => {
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({
		type: 'status',
		status: 403,
		body: { errors: [{ code: 403, message: 'no write access' }] },
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(10, 4),
		parameters: parameters({ batchSize: 2 }),
		onError: 'stopWorkflow',
	});
	expect(run.error).toBeUndefined();
	expect(run.success).toEqual([]);
	expect(run.failed.map((i) => i.json.enrolled)).toEqual([true, true, false, false]);
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual([
		'not_applied',
		'not_applied',
		'not_applied',
		'not_applied',
	]);
	expect(run.failed.map((i) => errorOf(i).step)).toEqual(['earn', 'earn', undefined, undefined]);
	expect(run.failed[0].json.issualId).toEqual(expect.any(String));
	expect(String(errorOf(run.failed[2]).message)).toMatch(/^Not sent, because the run stopped/);
});

test('with parallel requests, a fatal failure keeps the batches already in flight and sends no more', async () => {
	sandbox.setLatency(30);
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({
		type: 'status',
		status: 400,
		body: { errors: [{ code: 400, message: 'bad' }] },
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(20, 16),
		parameters: unverifiedParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { batchSize: 2, parallelRequests: 3 },
		}),
		onError: 'continueRegularOutput',
	});
	const bulk = sandbox.requests.filter((r) => r.bulkAction);
	expect(bulk.length).toBeGreaterThanOrEqual(2);
	expect(bulk.length).toBeLessThanOrEqual(4);
	expect(run.success.length + run.failed.length).toBe(16);
	expect(run.success.length).toBe(sandbox.ledger.length);
	const notSent = run.failed.filter((i) => String(errorOf(i).message).startsWith('Not sent'));
	expect(notSent.length).toBe(16 - 2 * bulk.length);
});

describe('an issue step whose outcome is unknown after a successful enrolment', () => {
	test.each([
		['a reset after applying', { type: 'reset', afterApplying: true }],
		['a 502 without a body after applying', { type: 'status', status: 502, afterApplying: true }],
		['a short array', { type: 'short', drop: 1 }],
		['malformed JSON after applying', { type: 'malformed' }],
	] as const)(
		'%s: enrolled, issualId kept, outcome unknown, and no advice to issue again',
		async (_, fault) => {
			sandbox.injectFault({ type: 'latency', ms: 0 });
			sandbox.injectFault(fault);
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(40, 2),
				parameters: parameters({ maxRetries: 0 }),
			});
			expect(sandbox.ledger.filter((e) => e.action === 'EARN')).toHaveLength(2);
			expect(run.failed).toHaveLength(2);
			for (const item of run.failed) {
				expect(item.json).toMatchObject({
					enrolled: true,
					issualId: expect.any(String),
					error: { outcome: 'unknown', step: 'earn' },
				});
				const message = String(errorOf(item).message);
				expect(message).toMatch(/may have been issued: check in Capillary before issuing again/);
				expect(message).not.toMatch(/run Issue \(Earn\)/);
			}
		},
	);

	test('a timeout on the issue step is unknown too, and says a longer Timeout may help only as a check-first', async () => {
		sandbox.injectFault({ type: 'latency', ms: 0 });
		sandbox.injectFault({ type: 'hang', afterApplying: true });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(44, 1),
			parameters: parameters({ maxRetries: 0, timeout: 1000 }),
		});
		expect(sandbox.ledger.map((e) => e.action)).toEqual(['ENROL', 'EARN']);
		expect(run.failed[0].json).toMatchObject({
			enrolled: true,
			error: { outcome: 'unknown', step: 'earn' },
		});
		expect(String(errorOf(run.failed[0]).message)).not.toMatch(/run Issue \(Earn\)/);
	});
});

test('an issue Capillary refused after a successful enrolment says: run Issue (Earn) only, do not enrol again', async () => {
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({
		type: 'status',
		status: 201,
		body: {
			response: [
				{
					result: { entityId: 1, issualId: null, earnedId: null },
					errors: [{ status: false, code: 8899, message: 'Cannot enrol/issue to the user group' }],
					warnings: [],
				},
			],
		},
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(46, 1),
		parameters: parameters(),
	});
	expect(run.failed[0].json).toMatchObject({
		enrolled: true,
		issualId: expect.any(String),
		error: { code: 8899, outcome: 'not_applied', step: 'earn' },
	});
	expect(String(errorOf(run.failed[0]).message)).toMatch(
		/run Issue \(Earn\) only for this customer; do not enrol again/,
	);
});

describe('with an unusable credential', () => {
	// A credential that cannot be used used to stop the run before sending (stoppedBy): every item got
	// the same "Not sent, because the run stopped" error and enrolled: false. Now the first batch(es)
	// get the fatal from `send` without an `enrolled` array, the rest get the sendInBatches text.
	test('Enrol and Issue with an unusable credential: every item says enrolled false, with one message', async () => {
		const credentials = sandboxCredentials(sandbox, {
			oAuth: { baseUrl: 'http://capillary.example.com' },
		});
		const run = await runCapillary(credentials, {
			items: [1, 2, 3].map((k) => ({ mobile: DEMO.customer(k).mobile })),
			parameters: unverifiedParameters('enrolAndEarn', DEMO.promotions.birthday, 'mobile', {
				options: { batchSize: 1 },
			}),
			onError: 'continueRegularOutput',
		});
		expect(sandbox.requests).toEqual([]);
		expect(run.failed.map((i) => i.json.enrolled)).toEqual([false, false, false]);
		expect(new Set(run.failed.map((i) => (i.json.error as { message: string }).message)).size).toBe(
			1,
		);
	});
});
