import { DEMO, startSandbox } from '../sandbox';
import {
	capillaryWorkflow,
	unverifiedParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { runWorkflow } from '../support/engine/runWorkflow';
import { useSandbox } from '../support/useSandbox';
import { mobileItems, errorOf } from '../support/engine/items';

const sandbox = useSandbox();

const earn = (options = {}) =>
	unverifiedParameters('earn', DEMO.promotions.birthday, 'mobile', {
		options: { maxRetryWait: 50, ...options },
	});
const bulk = () => sandbox.requests.filter((r) => r.bulkAction);

/** An onStart hook for runWorkflow: cancels the execution once `ready()` holds (polled every 2 ms). */
const cancelWhen = (ready: () => boolean) => (cancel: () => void) => {
	const poll = setInterval(() => {
		if (!ready()) return;
		clearInterval(poll);
		cancel();
	}, 2);
};

test.each([429, 461, 503, 521])(
	'a %s is retried until it passes, and applied once',
	async (status) => {
		sandbox.injectFault({
			type: 'status',
			status,
			times: 2,
			body: { errors: [{ code: status, message: 'busy' }] },
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(0, 3),
			parameters: earn(),
		});
		expect(run.failed).toEqual([]);
		expect(run.success).toHaveLength(3);
		expect(bulk().map((r) => r.status)).toEqual([status, status, 200]);
		expect(sandbox.ledger).toHaveLength(3);
	},
);

test('Retry-After in seconds is honoured', async () => {
	sandbox.injectFault({ type: 'status', status: 429, retryAfter: '1' });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(10, 1),
		parameters: earn({ maxRetryWait: 5000 }),
	});
	expect(run.success).toHaveLength(1);
	const [limited, passed] = bulk();
	expect(passed.at - limited.at).toBeGreaterThanOrEqual(990);
});

test('Retry-After as an HTTP date is honoured', async () => {
	sandbox.injectFault({
		type: 'status',
		status: 503,
		retryAfter: new Date(Date.now() + 1500).toUTCString(),
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(20, 1),
		parameters: earn({ maxRetryWait: 5000 }),
	});
	expect(run.success).toHaveLength(1);
	const [limited, passed] = bulk();
	expect(passed.at - limited.at).toBeGreaterThanOrEqual(400);
});

test('when retries run out, the batch is Failed, not applied, saying how often it was retried', async () => {
	sandbox.injectFault({ type: 'status', status: 429, times: 10 });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(30, 2),
		parameters: earn({ maxRetries: 2 }),
	});
	expect(bulk()).toHaveLength(3);
	expect(errorOf(run.failed[0])).toMatchObject({
		kind: 'request_failed',
		code: 429,
		outcome: 'not_applied',
	});
	expect(String(errorOf(run.failed[0]).message)).toMatch(
		/\(after 2 retries\)\. Lower Parallel Requests, set Max Requests Per Minute, or raise Max Retries/,
	);
	expect(sandbox.ledger).toEqual([]);
});

test('a request whose outcome is unknown is not resent by default', async () => {
	sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(40, 2),
		parameters: earn(),
	});
	expect(bulk()).toHaveLength(1);
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['unknown', 'unknown']);
	expect(sandbox.ledger).toHaveLength(2);
});

test('retryUnknownOutcome resends it, and later failures stay unknown', async () => {
	sandbox.injectFault({ type: 'reset', afterApplying: true });
	sandbox.injectFault({ type: 'status', status: 429, times: 5 });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(50, 1),
		parameters: earn({ retryUnknownOutcome: true, maxRetries: 3 }),
	});
	expect(bulk()).toHaveLength(4);
	expect(errorOf(run.failed[0])).toMatchObject({
		kind: 'request_failed',
		code: 429,
		outcome: 'unknown',
	});
	expect(String(errorOf(run.failed[0]).message)).toContain(
		'an earlier attempt may have been applied',
	);
	expect(sandbox.ledger).toHaveLength(1);
});

test('retryUnknownOutcome may apply twice, as its description warns', async () => {
	sandbox.injectFault({ type: 'reset', afterApplying: true });
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(60, 1),
		parameters: earn({ retryUnknownOutcome: true }),
	});
	expect(run.success).toHaveLength(1);
	expect(sandbox.ledger).toHaveLength(2);
});

test('connection refused is retried, then stops the run as not applied', async () => {
	const closed = await startSandbox();
	const url = closed.url;
	await closed.close();
	const credentials = sandboxCredentials(sandbox, { basicAuth: { baseUrl: url } });
	const run = await runCapillary(credentials, {
		items: mobileItems(70, 3),
		parameters: earn({ maxRetries: 2, maxRetryWait: 10, batchSize: 1 }),
		authentication: 'basicAuth',
		onError: 'continueRegularOutput',
	});
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual([
		'not_applied',
		'not_applied',
		'not_applied',
	]);
	expect(errorOf(run.failed[0])).toMatchObject({ code: 'ECONNREFUSED' });
	expect(String(errorOf(run.failed[0]).message)).toMatch(/after 2 retries/);
	expect(String(errorOf(run.failed[1]).message)).toMatch(/^Not sent, because the run stopped/);
});

test('Max Requests Per Minute spaces every request, retries included, across parallel requests', async () => {
	const credentials = sandboxCredentials(sandbox);
	await runCapillary(credentials, { items: mobileItems(79, 1), parameters: earn() }); // the token, fetched beforehand
	const warmUp = bulk().length;
	sandbox.injectFault({ type: 'status', status: 429, times: 2 });
	const perMinute = 600;
	await runCapillary(credentials, {
		items: mobileItems(80, 8),
		parameters: earn({
			batchSize: 1,
			parallelRequests: 4,
			maxRequestsPerMinute: perMinute,
			maxRetryWait: 0,
		}),
	});
	const starts = bulk()
		.slice(warmUp)
		.map((r) => r.at);
	expect(starts).toHaveLength(10);
	// No span of k consecutive gaps is shorter than k intervals, give or take 50 ms of scheduling jitter.
	const interval = 60_000 / perMinute;
	for (let i = 0; i < starts.length; i++) {
		for (let j = i + 1; j < starts.length; j++)
			expect(starts[j] - starts[i]).toBeGreaterThanOrEqual((j - i) * interval - 50);
	}
});

test('with parallel requests and no deduplication, one customer is never in two requests at once', async () => {
	sandbox.setLatency(20);
	const same = { mobile: DEMO.customer(90).mobile };
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [same, ...mobileItems(91, 2), same, ...mobileItems(93, 2), same],
		parameters: earn({ batchSize: 2, parallelRequests: 4, deduplicate: false }),
	});
	expect(run.success).toHaveLength(7);
	// Each request is answered 20 ms after the server applied it: serialised requests apply ≥ 20 ms apart.
	const applied = sandbox.ledger
		.filter((e) => e.customerId === DEMO.customer(90).id)
		.map((e) => e.at);
	expect(applied).toHaveLength(3);
	for (let i = 1; i < applied.length; i++)
		expect(applied[i] - applied[i - 1]).toBeGreaterThanOrEqual(15);
	expect(bulk()).toHaveLength(4);
});

test('once the execution is cancelled, no further batch is sent', async () => {
	sandbox.setLatency(100);
	const workflow = capillaryWorkflow({
		items: mobileItems(100, 10),
		parameters: earn({ batchSize: 1 }),
	});
	await runWorkflow(workflow, sandboxCredentials(sandbox), undefined, {
		onStart: cancelWhen(() => bulk().length > 0),
	}).catch(() => undefined);
	await new Promise((resolve) => setTimeout(resolve, 300));
	expect(bulk().length).toBeGreaterThanOrEqual(1);
	expect(bulk().length).toBeLessThanOrEqual(2);
});

test('Max Requests Per Minute holds across executions that share the credential', async () => {
	const credentials = sandboxCredentials(sandbox);
	const perMinute = 300;
	const parameters = earn({ batchSize: 1, maxRequestsPerMinute: perMinute });
	await runCapillary(credentials, { items: mobileItems(400, 2), parameters });
	await runCapillary(credentials, { items: mobileItems(402, 2), parameters });
	const starts = bulk().map((r) => r.at);
	expect(starts).toHaveLength(4);
	const interval = 60_000 / perMinute;
	// The second execution's first request waits for its turn after the first execution's last.
	expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(interval - 50);
});

// Issue 11, item 8. runWorkflow returns once the node's execute() ended, cancelled or not.
test('a cancelled run gives back the rate-limit starts it did not use: the next run is not held up', async () => {
	const credentials = sandboxCredentials(sandbox);
	// Basic Auth: a pacer of its own, untouched by the other tests of this file.
	const parameters = earn({ batchSize: 1, parallelRequests: 10, maxRequestsPerMinute: 60 });
	const workflow = capillaryWorkflow({
		items: mobileItems(500, 12),
		parameters,
		authentication: 'basicAuth',
	});
	await runWorkflow(workflow, credentials, undefined, {
		onStart: cancelWhen(() => bulk().length > 0),
	}).catch(() => undefined);
	const next = await runCapillary(credentials, {
		items: mobileItems(520, 1),
		parameters,
		authentication: 'basicAuth',
	});
	expect(next.success).toHaveLength(1);
	const [cancelled, ...later] = bulk();
	expect(later).toHaveLength(1);
	// One interval (~1 s) after the cancelled run's only request; it was ten, one per waiting request.
	expect(later[0].at - cancelled.at).toBeLessThan(4000);
});

test('a cancelled run does not sit out a Retry-After', async () => {
	sandbox.injectFault({ type: 'status', status: 429, retryAfter: '20' });
	const workflow = capillaryWorkflow({
		items: mobileItems(530, 1),
		parameters: earn({ maxRetryWait: 30_000 }),
	});
	let answeredAt = Infinity;
	const answered = () => {
		if (bulk()[0]?.status === 429) answeredAt = Math.min(answeredAt, Date.now());
		return Date.now() - answeredAt > 200; // the 429 has reached the node, which now waits 20 s
	};
	const started = Date.now();
	await runWorkflow(workflow, sandboxCredentials(sandbox), undefined, {
		onStart: cancelWhen(answered),
	}).catch(() => undefined);
	expect(Date.now() - started).toBeLessThan(5000);
	expect(bulk()).toHaveLength(1);
});

test('two workflows with different limits on one credential share one limiter: the lower limit holds while both run', async () => {
	const credentials = sandboxCredentials(sandbox);
	const run = (from: number, count: number, perMinute: number) =>
		runCapillary(credentials, {
			items: mobileItems(from, count),
			parameters: earn({ batchSize: 1, maxRequestsPerMinute: perMinute }),
			authentication: 'basicAuth',
		});
	const [slow, fast] = await Promise.all([run(540, 3, 60), run(550, 2, 600)]);
	expect(slow.success).toHaveLength(3);
	expect(fast.success).toHaveLength(2);
	const starts = bulk().map((r) => r.at);
	expect(starts).toHaveLength(5);
	// The slow run's last request leaves last (starts go in call order), so every gap falls while both run.
	for (let i = 1; i < starts.length; i++)
		expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(1000 - 50);
});

test('a retry the stop ended before it left is not counted, and the attempt that may have applied stays unknown', async () => {
	sandbox.injectFault({ type: 'status', status: 502, retryAfter: '20', afterApplying: true });
	sandbox.injectFault({
		type: 'status',
		status: 403,
		body: { errors: [{ code: 403, message: 'access denied' }] },
	});
	const started = Date.now();
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(560, 2),
		parameters: earn({
			batchSize: 1,
			parallelRequests: 2,
			retryUnknownOutcome: true,
			maxRetryWait: 30_000,
		}),
		authentication: 'basicAuth',
		onError: 'continueRegularOutput',
	});
	expect(Date.now() - started).toBeLessThan(5000);
	expect(sandbox.ledger).toHaveLength(1);
	const unknown = run.failed.filter((i) => errorOf(i).outcome === 'unknown');
	expect(unknown).toHaveLength(1);
	expect(String(errorOf(unknown[0]).message)).toMatch(/an earlier attempt may have been applied/);
	expect(String(errorOf(unknown[0]).message)).not.toMatch(/after 1 retry/);
});
