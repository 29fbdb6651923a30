/**
 * Hostile review of the deferred reading of bulk answers (adaca70, 7300844): the fatal failure of an
 * answer is known at once, its results are paired and recorded once the next request left
 * (AfterRequestLeft), and what is left is flushed when the workers end. Through n8n's real
 * WorkflowExecute against the sandbox, and on sendInBatches directly.
 *
 * Promises checked (each test says which):
 *  P1 every input item yields exactly one output item, paired to it;
 *  P2 nothing that may have been applied is resent silently or reported not_applied; a Success is real;
 *  P3 after a fatal failure or a cancel no further batch starts; at most C in flight; no customer twice.
 * All tests here are "held in review" guards unless their name starts with FOUND.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { DEMO } from '../sandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
	unverifiedParameters,
	type CapillaryRun,
} from '../support/engine/capillaryWorkflow';
import { executeCapillary } from '../support/engine/executeNode';
import { errorOf, mobileItems } from '../support/engine/items';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';
import { customerRequest } from '../support/customerRequest';
import { JobQueue } from '../../nodes/Capillary/bulk/jobQueue';
import { sendInBatches, type BatchOutcome } from '../../nodes/Capillary/bulk/sendInBatches';
import type { BatchJob, CustomerRequest } from '../../nodes/Capillary/helpers/types';
import type { SentCustomer } from '../../nodes/Capillary/results/itemResults';

const sandbox = useSandbox();
const { birthday, welcome } = DEMO.promotions;

const bulk = () => sandbox.requests.filter((r) => r.bulkAction);
const all = (run: CapillaryRun) => [...run.success, ...run.failed, ...run.errorOutput];

/** P1: one output item per input item, each paired to its own input (and, with input fields, carrying it). */
function expectOnePerInput(items: INodeExecutionData[], count: number, inputField?: string) {
	const byItem = new Map<number, number>();
	for (const item of items) {
		const paired = (item.pairedItem as { item: number }).item;
		byItem.set(paired, (byItem.get(paired) ?? 0) + 1);
		if (inputField) expect(item.json[inputField]).toBe(`in-${paired}`);
	}
	expect(items).toHaveLength(count);
	expect([...byItem.keys()].sort((a, b) => a - b)).toEqual(
		Array.from({ length: count }, (_, k) => k),
	);
}

/** P2: each Success names a ledger entry (its earnedId) of its own customer. */
function expectSuccessesReal(run: CapillaryRun, items: Array<{ mobile: string }>) {
	for (const item of run.success) {
		const mobile = items[(item.pairedItem as { item: number }).item].mobile;
		const entry = sandbox.ledger.find((e) => e.earnedId === item.json.earnedId);
		expect(entry?.identifierValue).toBe(mobile);
	}
}

/** P2: a not_applied customer has no ledger entry for it. */
function expectNotAppliedTrue(run: CapillaryRun, items: Array<{ mobile: string }>) {
	for (const item of all(run)) {
		const error = item.json.error as { outcome?: string } | undefined;
		if (error?.outcome !== 'not_applied') continue;
		const mobile = items[(item.pairedItem as { item: number }).item].mobile;
		expect(sandbox.ledger.filter((e) => e.identifierValue === mobile)).toEqual([]);
	}
}

/**
 * P3: no bulk request arrived once the first fatal answer had been written (plus a little slack).
 * A 401 is fatal only on the resend after a token refresh: its fatal answer is the first 401 to a
 * bulk request that arrived after the run's second token request.
 */
function expectNothingAfterFatal(slackMs = 15, resendsAllowed = 0) {
	const requests = bulk();
	const tokens = sandbox.requests.filter((r) => r.path === ENDPOINTS.sessionGenerate);
	const refreshAt = tokens.length > 1 ? tokens[1].arrivedAtMs : Infinity;
	const fatal = requests.find(
		(r) =>
			r.status !== null &&
			(r.status === 400 || r.status === 303 || (r.status === 401 && r.arrivedAtMs > refreshAt)),
	);
	expect(fatal).toBeDefined();
	const answeredAt = fatal!.arrivedAtMs + fatal!.latencyMs;
	const late = requests.filter((r) => r.arrivedAtMs > answeredAt + slackMs);
	expect(late.length).toBeLessThanOrEqual(resendsAllowed);
	// A late request may only be a batch already started, resending after its token wait.
	for (const request of late) expect(request.status).toBe(401);
}

const withInput = (items: Array<{ mobile: string }>) =>
	items.map((item, k) => ({ ...item, note: `in-${k}` }));

describe('fatal answers mid-run, Parallel Requests 3, batches of 1, deferred reading', () => {
	const items = withInput(mobileItems(100, 12));
	const options = {
		batchSize: 1,
		parallelRequests: 3,
		includeInputFields: true,
		verifyUnknownOutcomes: false,
	};

	beforeEach(() => sandbox.setLatency(40));

	test.each([
		['401, again after the token refresh', { type: 'status', status: 401, times: 50 }],
		[
			'400 batch limit 1060',
			{
				type: 'status',
				status: 400,
				body: { errors: [{ status: false, code: 1060, message: 'Batch limit exceeded' }] },
			},
		],
		['400', { type: 'status', status: 400, body: { errors: [{ code: 400, message: 'Bad' }] } }],
		['a 303 redirect (may have applied)', { type: 'status', status: 303 }],
	] as const)(
		'P1/P2/P3: %s on the 5th batch: one paired output per item, no batch starts after the answer',
		async (_, fault) => {
			for (let k = 0; k < 4; k++) sandbox.injectFault({ type: 'latency', ms: 0 });
			sandbox.injectFault(fault);
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items,
				parameters: promotionParameters('earn', birthday, 'mobile', { options }),
				onError: 'continueRegularOutput',
			});
			expectOnePerInput(all(run), items.length, 'note');
			expectSuccessesReal(run, items);
			expectNotAppliedTrue(run, items);
			// With a 401, the other batches in flight (started before the fatal answer) waited for the
			// token the refused request fetched, and resend with it: at most Parallel Requests − 1 of them.
			expectNothingAfterFatal(15, fault.status === 401 ? options.parallelRequests - 1 : 0);
			expect(run.failed.some((i) => errorOf(i).outcome === 'not_applied')).toBe(true);
		},
	);

	test('P1: continueErrorOutput: Success and Failed on their outputs, one each, after a mid-run 401', async () => {
		for (let k = 0; k < 4; k++) sandbox.injectFault({ type: 'latency', ms: 0 });
		sandbox.injectFault({ type: 'status', status: 401, times: 50 });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items,
			parameters: promotionParameters('earn', birthday, 'mobile', { options }),
			onError: 'continueErrorOutput',
		});
		expectOnePerInput(all(run), items.length, 'note');
	});

	test('P1: Deduplicate: duplicates after their first (interleaved) each get one item, after a mid-run 400', async () => {
		const twice = withInput([
			...mobileItems(200, 6),
			...mobileItems(200, 6),
			...mobileItems(200, 3),
		]);
		for (let k = 0; k < 3; k++) sandbox.injectFault({ type: 'latency', ms: 0 });
		sandbox.injectFault({
			type: 'status',
			status: 400,
			body: { errors: [{ code: 400, message: 'x' }] },
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: twice,
			parameters: promotionParameters('earn', birthday, 'mobile', {
				options: { ...options, deduplicate: true },
			}),
			onError: 'continueRegularOutput',
		});
		expectOnePerInput(all(run), twice.length, 'note');
		// A duplicate reports what its first got: never Success where the first failed.
		const byMobile = new Map<string, string>();
		for (const item of all(run)) {
			const mobile = twice[(item.pairedItem as { item: number }).item].mobile;
			const status = run.success.includes(item) ? 'success' : 'failed';
			expect(byMobile.get(mobile) ?? status).toBe(status);
			byMobile.set(mobile, status);
		}
	});
});

describe('Verify Unknown Outcomes with deferred reading', () => {
	test('P1/P2: unknown outcomes mid-run (reset after applying, hang) are all held, verified and output once; Successes real', async () => {
		sandbox.setLatency(30);
		const items = mobileItems(300, 10);
		sandbox.injectFault({ type: 'latency', ms: 0 });
		sandbox.injectFault({ type: 'reset', afterApplying: true });
		sandbox.injectFault({ type: 'latency', ms: 0 });
		sandbox.injectFault({ type: 'reset', afterApplying: false });
		sandbox.injectFault({ type: 'malformed' });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items,
			parameters: promotionParameters('earn', birthday, 'mobile', {
				options: { batchSize: 1, parallelRequests: 3, timeout: 5000 },
			}),
			onError: 'continueRegularOutput',
		});
		expectOnePerInput(all(run), items.length);
		expectNotAppliedTrue(run, items);
		// Every customer was applied at most once (nothing resent silently).
		for (const { mobile } of items)
			expect(sandbox.ledger.filter((e) => e.identifierValue === mobile).length).toBeLessThanOrEqual(
				1,
			);
		// Each Success has its own ledger entry.
		for (const item of run.success) {
			const mobile = items[(item.pairedItem as { item: number }).item].mobile;
			expect(sandbox.ledger.filter((e) => e.identifierValue === mobile)).toHaveLength(1);
		}
	});

	test('P1/P2: Enrol and Issue (two-step job) with a fatal 401 on an issue step mid-run', async () => {
		sandbox.setLatency(30);
		const items = mobileItems(400, 8);
		for (let k = 0; k < 5; k++) sandbox.injectFault({ type: 'latency', ms: 0 });
		sandbox.injectFault({ type: 'status', status: 401, times: 50 });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items,
			parameters: promotionParameters('enrolAndEarn', welcome, 'mobile', {
				options: { batchSize: 1, parallelRequests: 2 },
			}),
			onError: 'continueRegularOutput',
		});
		expectOnePerInput(all(run), items.length);
		for (const item of all(run)) {
			const mobile = items[(item.pairedItem as { item: number }).item].mobile;
			const ledger = sandbox.ledger.filter((e) => e.identifierValue === mobile);
			if (item.json.enrolled === false)
				expect(ledger.filter((e) => e.action === 'ENROL')).toEqual([]);
			if (run.success.includes(item))
				expect(ledger.map((e) => e.action).sort()).toEqual(['EARN', 'ENROL']);
		}
	});
});

/** Runs Issue on `items` with batches of 1, cancelling once `afterRequests` bulk requests arrived. */
async function runCancelledAfter(
	afterRequests: number,
	items: Array<{ mobile: string }>,
	parallelRequests: number,
): Promise<{ outputs: INodeExecutionData[]; cancelledAt: number }> {
	const cancel = new AbortController();
	let cancelledAt = Infinity;
	const poll = setInterval(() => {
		if (bulk().length >= afterRequests && !cancel.signal.aborted) {
			cancelledAt = performance.timeOrigin + performance.now();
			cancel.abort();
		}
	}, 1);
	try {
		const outputs = await executeCapillary(
			sandboxCredentials(sandbox),
			{
				items,
				parameters: unverifiedParameters('earn', birthday, 'mobile', {
					options: { batchSize: 1, parallelRequests },
				}),
				onError: 'continueRegularOutput',
			},
			cancel.signal,
		);
		return { outputs: outputs.flat(), cancelledAt };
	} finally {
		clearInterval(poll);
	}
}

describe('cancel mid-run', () => {
	test('P1/P3: a cancel while batches are in flight: one item per input, no bulk request arrives after the cancel', async () => {
		sandbox.setLatency(60);
		const items = mobileItems(500, 20);
		const { outputs, cancelledAt } = await runCancelledAfter(4, items, 3);
		expectOnePerInput(outputs, items.length);
		// At most the C requests already started (and not yet arrived) may arrive after the abort.
		expect(bulk().filter((r) => r.arrivedAtMs > cancelledAt + 15).length).toBe(0);
		expect(bulk().length).toBeLessThanOrEqual(4 + 3);
	});
});

describe('cancel while the spreader holds starts apart', () => {
	// P3: a cancel while later starts wait for the spread (0.5 × 600 ms ÷ 4 = 75 ms apart after a slow
	// first wave): no bulk request arrives after the cancel, and every item gets one output.
	test('P1/P3: slow first wave (600 ms), cancel once the second wave began: nothing more leaves', async () => {
		sandbox.setLatency(600);
		const items = mobileItems(700, 16);
		const { outputs, cancelledAt } = await runCancelledAfter(5, items, 4);
		expectOnePerInput(outputs, items.length);
		expect(bulk().filter((r) => r.arrivedAtMs > cancelledAt + 15)).toEqual([]);
		expect(bulk().length).toBeLessThan(8);
	});
});

describe('sendInBatches, on its own', () => {
	const job = (...customers: CustomerRequest[]): BatchJob => ({
		group: { programId: 469, promotion: { promotionId: 1 }, identifierName: 'mobile' },
		customers,
	});
	const ok = (j: BatchJob): BatchOutcome => ({
		results: j.customers.map(() => ({ status: 'success', warnings: [] })),
	});

	async function run(
		jobs: BatchJob[],
		concurrency: number,
		sendJob: Parameters<typeof sendInBatches>[0]['sendJob'],
		requestLeft?: () => Promise<void>,
	) {
		const queue = new JobQueue();
		jobs.forEach((j) => queue.push(j));
		queue.close();
		const reports = new Map<number, SentCustomer[]>();
		const { fatal } = await sendInBatches({
			queue,
			concurrency,
			sendJob,
			isCancelled: () => false,
			requestLeft,
			onResult: (customer, sent) =>
				reports.set(customer.itemIndex, [...(reports.get(customer.itemIndex) ?? []), sent]),
		});
		return { reports, fatal };
	}

	test('P3: a fatal known from the answer stops the next batch although its results are read later', async () => {
		const jobs = Array.from({ length: 8 }, (_, k) => job(customerRequest(k, `v${k}`)));
		const started: number[] = [];
		const { reports, fatal } = await run(jobs, 2, async (j) => {
			started.push(j.customers[0].itemIndex);
			await new Promise((resolve) => setTimeout(resolve, 5));
			if (j.customers[0].itemIndex === 2)
				return { fatal: { code: 401, message: 'refused' }, read: () => ok(j) };
			return { read: () => ok(j) };
		});
		expect(fatal?.code).toBe(401);
		expect(started).toEqual([0, 1, 2, 3]);
		expect([...reports.values()].every((r) => r.length === 1)).toBe(true);
		expect(reports.size).toBe(8);
	});

	test('P3: a customer in two batches (no Deduplicate): the second waits for the first, and its fatal stops it', async () => {
		const same = customerRequest(0, 'v0');
		const jobs = [job(same), job(customerRequest(1, 'v1')), job({ ...same, itemIndex: 2 })];
		const started: number[] = [];
		const { reports, fatal } = await run(jobs, 3, async (j) => {
			started.push(j.customers[0].itemIndex);
			await new Promise((resolve) => setTimeout(resolve, 5));
			return j.customers[0].itemIndex === 0
				? { fatal: { code: 400, message: 'bad' }, read: () => ok(j) }
				: { read: () => ok(j) };
		});
		expect(fatal?.code).toBe(400);
		expect(started).toEqual([0, 1]);
		expect(reports.get(2)![0].result).toMatchObject({ error: { outcome: 'not_applied' } });
		expect([...reports.values()].every((r) => r.length === 1)).toBe(true);
	});

	// A `read` that throws only becomes fatal when it runs, a requestLeft later: the batches started in
	// between are sent. They are real sends (their results are read), so no promise breaks; the test
	// pins that at most the batches already taken by the workers left, and every customer has one result.
	test('P1/P3: a read that throws: every customer one result; the thrown batch unknown; later batches not sent', async () => {
		const jobs = Array.from({ length: 10 }, (_, k) => job(customerRequest(k, `v${k}`)));
		const started: number[] = [];
		const { reports, fatal } = await run(jobs, 3, async (j) => {
			started.push(j.customers[0].itemIndex);
			await new Promise((resolve) => setTimeout(resolve, 2));
			return {
				read: () => {
					if (j.customers[0].itemIndex === 1) throw new Error('cannot read');
					return ok(j);
				},
			};
		});
		expect(fatal?.message).toContain('cannot read');
		expect(reports.size).toBe(10);
		expect([...reports.values()].every((r) => r.length === 1)).toBe(true);
		expect(reports.get(1)![0].result).toMatchObject({ error: { outcome: 'unknown' } });
		for (const [index, [sent]] of reports)
			if (!started.includes(index))
				expect(sent.result).toMatchObject({ error: { outcome: 'not_applied' } });
		expect(started.length).toBeLessThan(10);
	});
});
