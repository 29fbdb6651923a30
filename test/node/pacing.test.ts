/**
 * The rate limit (the pacer): review of issue 11, items 8 and 12, on the shared rate limit and on
 * options that are out of range or of the wrong kind ("found in review, fixed": regressions the
 * review reproduced; "held in review": what held), and no request leaving the pacer once the run stopped.
 */
import { DEMO, startSandbox, type CapillarySandbox } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { errorOf, mobileItems } from '../support/engine/items';
import { executeCapillary } from '../support/engine/executeNode';

const sandbox = useSandbox();

const earn = (extra = {}) => promotionParameters('earn', DEMO.promotions.birthday, 'mobile', extra);
const bulkRequests = (s: CapillarySandbox) => s.requests.filter((r) => r.bulkAction);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('found in review, fixed', () => {
	// sharedPacers.joinSharedPacer: a run whose Max Requests Per Minute is 0 (the default) gets `unpaced`
	// and is neither held to, nor counted by, the credential's shared limiter. options.ts promises "Rate
	// limit shared by every execution of this n8n process that uses the same credential", and issue 11
	// item 8 "the lower limit wins while both run": a second workflow left at the default breaks it.
	test('while one run limits a credential to 2 requests a minute, another run on it (option left at 0) does not send 5 at once', async () => {
		const own = await startSandbox(); // a pacer of its own
		const credentials = sandboxCredentials(own);
		const stopA = new AbortController();
		const stopB = new AbortController();
		try {
			const limited = executeCapillary(
				credentials,
				{
					items: mobileItems(0, 3),
					parameters: earn({ options: { batchSize: 1, maxRequestsPerMinute: 2 } }),
				},
				stopA.signal,
			);
			while (bulkRequests(own).length === 0) await sleep(5);
			const unlimited = executeCapillary(
				credentials,
				{
					items: mobileItems(10, 5),
					parameters: earn({ options: { batchSize: 1 } }),
					onError: 'continueRegularOutput',
				},
				stopB.signal,
			);
			await sleep(3000);
			const sent = bulkRequests(own).length;
			stopA.abort();
			stopB.abort();
			await Promise.allSettled([limited, unlimited]);

			expect(sent).toBeLessThanOrEqual(2);
		} finally {
			await own.close();
		}
	}, 15_000);
});

describe('held in review', () => {
	test('two runs with different limits on one credential: once the stricter one is cancelled, the other goes at its own pace', async () => {
		const own = await startSandbox();
		const credentials = sandboxCredentials(own);
		const stopStrict = new AbortController();
		try {
			const strict = executeCapillary(
				credentials,
				{
					items: mobileItems(0, 3),
					parameters: earn({ options: { batchSize: 1, maxRequestsPerMinute: 1 } }),
				},
				stopStrict.signal,
			);
			while (bulkRequests(own).length === 0) await sleep(5);
			const started = Date.now();
			const relaxed = runCapillary(credentials, {
				items: mobileItems(10, 3),
				parameters: earn({ options: { batchSize: 1, maxRequestsPerMinute: 600 } }),
			});
			await sleep(500);
			expect(bulkRequests(own)).toHaveLength(1); // the stricter limit holds while both run
			stopStrict.abort();
			await strict.catch(() => undefined);
			const run = await relaxed;
			// After the cancel: within the 60 s window the one request already sent still counts, so the
			// relaxed run waits for nothing more than its own spacing and the strict run's window.
			expect(run.success).toHaveLength(3);
			expect(Date.now() - started).toBeLessThan(62_000);
		} finally {
			await own.close();
		}
	}, 90_000);

	test.each([
		['batchSize', '={{ "2.5" }}'],
		['batchSize', '={{ 0 }}'],
		['parallelRequests', '={{ -1 }}'],
		['maxRequestsPerMinute', '={{ 0.5 }}'],
		['maxRetryWait', '={{ Infinity }}'],
		['timeout', '={{ NaN }}'],
		['maxRetries', '={{ {} }}'],
		['deduplicate', '={{ "yes" }}'],
		['retryUnknownOutcome', '={{ 1 }}'],
		['includeInputFields', '={{ $json.nothing }}'],
	])(
		'option %s = %s stops the run before anything is sent, naming the option',
		async (name, value) => {
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(20, 2),
				parameters: earn({ options: { [name]: value } }),
				onError: 'continueRegularOutput',
			});
			expect(sandbox.requests).toEqual([]);
			expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
			expect(String(errorOf(run.failed[0]).message)).toMatch(/The option "[^"]+" /);
		},
	);

	test.each([
		['batchSize', '={{ "1" }}'],
		['deduplicate', '={{ "false" }}'],
		['maxRequestsPerMinute', '={{ "6000" }}'],
	])('option %s = %s (a numeric or boolean string) is read as its value', async (name, value) => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(30, 2),
			parameters: earn({ options: { [name]: value } }),
		});
		expect(run.success).toHaveLength(2);
	});
});

describe('after a fatal failure', () => {
	// A batch that already left its worker but still waits for the rate limiter is not "in flight":
	// once another batch stopped the run (403), it must not be sent.
	test('no batch leaves the pacer after a fatal failure', async () => {
		sandbox.injectFault({ type: 'status', status: 403 });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [1, 2, 3].map((k) => ({ mobile: DEMO.customer(k).mobile })),
			parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
				options: { batchSize: 1, parallelRequests: 2, maxRequestsPerMinute: 60 },
			}),
			onError: 'continueRegularOutput',
		});
		const bulk = sandbox.requests.filter((r) => r.bulkAction);
		expect(bulk.map((r) => r.status)).toEqual([403]);
		expect(run.failed.map((i) => (i.json.error as { outcome: string }).outcome)).toEqual([
			'not_applied',
			'not_applied',
			'not_applied',
		]);
	});
});
