/**
 * Review of issue 11: failures that happen before a bulk request is written (a TLS handshake that
 * fails, a token fetch that is timed out or cancelled, requests still waiting for another's token).
 * Promise: "not_applied" only when Capillary certainly did not act, "unknown" whenever it may have;
 * TLS failures not_applied and stop the run. "found in review, fixed": regressions the review reproduced; "held in review": what held.
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
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox();

const earn = (extra = {}) => promotionParameters('earn', DEMO.promotions.birthday, 'mobile', extra);
const bulkRequests = (s: CapillarySandbox = sandbox) => s.requests.filter((r) => r.bulkAction);

describe('found in review, fixed', () => {
	// An https:// Base URL on a host that speaks plain HTTP (or any TLS handshake failure other than a
	// certificate check): Node fails the handshake with EPROTO before a byte of the request is written.
	// classifyFailure knows only CERTIFICATE_CODES and NOT_SENT_CODES, so EPROTO is "No answer from
	// Capillary after the request was sent ... may have been applied", outcome unknown, not fatal:
	// every batch is tried and each is reported "unknown".
	test('a TLS handshake failure (https:// Base URL on a plain-HTTP host) is not_applied and stops the run after the first batch', async () => {
		const credentials = sandboxCredentials(sandbox, {
			basicAuth: { baseUrl: sandbox.url.replace(/^http:/, 'https:') },
		});
		const run = await runCapillary(credentials, {
			items: mobileItems(0, 3),
			authentication: 'basicAuth',
			parameters: earn({ options: { batchSize: 1 } }),
			onError: 'continueRegularOutput',
		});

		expect(sandbox.requests).toEqual([]); // nothing reached the server
		expect(run.failed.map((i) => errorOf(i).outcome)).toEqual([
			'not_applied',
			'not_applied',
			'not_applied',
		]);
		expect(String(errorOf(run.failed[0]).message)).not.toMatch(
			/after the request was sent|may have been applied/,
		);
		expect(String(errorOf(run.failed[2]).message)).toMatch(/^Not sent, because the run stopped/);
	});

	// requestDeadline bounds n8n's whole call, token fetch included; when it fires during the token fetch,
	// requestWithCredential reports ETIMEDOUT "after the request was sent", outcome unknown, although the
	// bulk request never left (n8n then sends it with the aborted signal, which axios refuses).
	test('a Timeout that fires while the token is still being fetched: the batch was never sent, so not_applied', async () => {
		sandbox.injectFault({ type: 'latency', ms: 2500, path: ENDPOINTS.sessionGenerate });
		// Max Retries 0: a token fetch the Timeout ended is retried like any other that sent nothing.
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(10, 1),
			parameters: earn({ options: { timeout: 1000, maxRetries: 0 } }),
			onError: 'continueRegularOutput',
		});
		await new Promise((resolve) => setTimeout(resolve, 2000)); // the token answer arrives; nothing follows it

		expect(bulkRequests()).toEqual([]);
		expect(errorOf(run.failed[0]).outcome).toBe('not_applied');
		expect(String(errorOf(run.failed[0]).message)).not.toMatch(/after the request was sent/);
	});

	test('a cancel while the token is being fetched: the batch was never sent, so not_applied (and Enrol and Issue: enrolled false)', async () => {
		sandbox.injectFault({ type: 'latency', ms: 1500, path: ENDPOINTS.sessionGenerate });
		const cancel = new AbortController();
		const poll = setInterval(() => sandbox.requests.length > 0 && cancel.abort(), 2);
		try {
			const [, failed] = await executeCapillary(
				sandboxCredentials(sandbox),
				{
					items: mobileItems(20, 1),
					parameters: promotionParameters('enrolAndEarn', DEMO.promotions.welcome),
					onError: 'continueRegularOutput',
				},
				cancel.signal,
			);
			await new Promise((resolve) => setTimeout(resolve, 1800));
			expect(bulkRequests()).toEqual([]);
			expect(failed[0].json).toMatchObject({ enrolled: false, error: { outcome: 'not_applied' } });
		} finally {
			clearInterval(poll);
		}
	});

	// With Parallel Requests > 1 the other requests wait for the first one's token fetch, i.e. for its
	// whole request (connection.tokenRefresh); after a cancel they still call requestWithCredential, whose
	// deadline is already aborted: ERR_CANCELED, "unknown", for batches that never left.
	test('a cancel during the first request: the batches that waited for its token were never sent, so not_applied', async () => {
		sandbox.setLatency(400);
		const cancel = new AbortController();
		const poll = setInterval(() => bulkRequests().length > 0 && cancel.abort(), 2);
		try {
			const [, failed] = await executeCapillary(
				sandboxCredentials(sandbox),
				{
					items: mobileItems(30, 3),
					parameters: earn({ options: { batchSize: 1, parallelRequests: 3 } }),
				},
				cancel.signal,
			);
			await new Promise((resolve) => setTimeout(resolve, 600));
			expect(bulkRequests()).toHaveLength(1);
			const sent = bulkRequests()[0];
			expect(sent.customerCount).toBe(1);
			// Item 0 was in flight (unknown is right); items 1 and 2 never left.
			expect(failed.map((i) => [i.pairedItem, errorOf(i).outcome])).toEqual([
				[{ item: 0 }, 'unknown'],
				[{ item: 1 }, 'not_applied'],
				[{ item: 2 }, 'not_applied'],
			]);
		} finally {
			clearInterval(poll);
		}
	});
});

describe('held in review', () => {
	test('Enrol and Issue: enrolment answered, then a cancel while the issue waits for the rate limit: enrolled true, issue not_applied, "run Issue (Earn) only"', async () => {
		const own = await startSandbox(); // a pacer of its own (pacers are per credential and host)
		const cancel = new AbortController();
		let seen = false;
		const poll = setInterval(() => {
			if (!seen && own.ledger.length > 0) {
				seen = true;
				setTimeout(() => cancel.abort(), 500); // the enrolment's answer has arrived; the issue waits ~60 s
			}
		}, 2);
		try {
			const started = Date.now();
			const [success, failed] = await executeCapillary(
				sandboxCredentials(own),
				{
					items: mobileItems(40, 1),
					parameters: promotionParameters('enrolAndEarn', DEMO.promotions.welcome, 'mobile', {
						options: { maxRequestsPerMinute: 1 },
					}),
				},
				cancel.signal,
			);
			expect(Date.now() - started).toBeLessThan(3000);
			expect(success).toEqual([]);
			expect(own.ledger.map((e) => e.action)).toEqual(['ENROL']);
			expect(failed[0].json).toMatchObject({
				enrolled: true,
				issualId: own.ledger[0].issualId,
				error: { step: 'earn', outcome: 'not_applied' },
			});
			expect(String(errorOf(failed[0]).message)).toMatch(
				/run Issue \(Earn\) only for this customer; do not enrol again/,
			);
		} finally {
			clearInterval(poll);
			await own.close();
		}
	});

	test('OAuth over a failing TLS handshake: the token fetch fails, nothing applied', async () => {
		const credentials = sandboxCredentials(sandbox, {
			oAuth: { baseUrl: sandbox.url.replace(/^http:/, 'https:') },
		});
		const run = await runCapillary(credentials, {
			items: mobileItems(50, 2),
			parameters: earn({ options: { maxRetries: 0 } }),
			onError: 'continueRegularOutput',
		});
		expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
	});

	test('a token endpoint answering 429 then 200 is retried: the batch goes', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 429,
			retryAfter: '0',
			path: ENDPOINTS.sessionGenerate,
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(60, 1),
			parameters: earn(),
		});
		expect(run.success).toHaveLength(1);
	});

	test('a token that runs out mid-run (2 s lifetime, slow answers) is replaced as needed: every batch goes, no 401 reaches a customer', async () => {
		sandbox.setTokenTtl(2);
		sandbox.setLatency(700);
		const credentials = sandboxCredentials(sandbox);
		const run = await runCapillary(credentials, {
			items: mobileItems(70, 6),
			parameters: earn({ options: { batchSize: 1 } }),
		});
		expect(run.success).toHaveLength(6);
		expect(credentials.preAuthenticationCalls.get('capillaryOAuthApi')).toBeLessThanOrEqual(4);
	}, 20_000);

	test.each([600, -600])(
		'a Capillary clock %i s off this host: one token fetch, every batch goes',
		async (offset) => {
			sandbox.setClockOffset(offset);
			const credentials = sandboxCredentials(sandbox);
			const run = await runCapillary(credentials, {
				items: mobileItems(80, 3),
				parameters: earn({ options: { batchSize: 1 } }),
			});
			expect(run.success).toHaveLength(3);
			expect(credentials.preAuthenticationCalls.get('capillaryOAuthApi')).toBe(1);
		},
	);
});
