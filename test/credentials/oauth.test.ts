import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { testCredential } from '../support/engine/testCredential';
import { errorOf, messageThenAdvice, mobileItems } from '../support/engine/items';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox();

const tokenRequests = () => sandbox.requests.filter((r) => r.path === ENDPOINTS.sessionGenerate);
const bulkRequests = () => sandbox.requests.filter((r) => r.bulkAction);
const parameters = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
	options: { batchSize: 1 },
});

test('the credential test passes with the right key and secret, and fails clearly with a wrong secret', async () => {
	expect(await testCredential(sandboxCredentials(sandbox), 'capillaryOAuthApi')).toEqual({
		status: 'OK',
		message: 'Connected to Capillary (3 loyalty programs visible)',
	});
	const wrong = await testCredential(
		sandboxCredentials(sandbox, { oAuth: { clientSecret: 'WRONG-s3cret-9931' } }),
		'capillaryOAuthApi',
	);
	expect(wrong.status).toBe('Error');
	expect(wrong.message).toContain('refused the client key and secret');
	expect(wrong.message).not.toContain('WRONG-s3cret-9931');
});

test('the token is fetched once and reused across requests and executions', async () => {
	const credentials = sandboxCredentials(sandbox);
	const first = await runCapillary(credentials, { items: mobileItems(0, 3), parameters });
	const second = await runCapillary(credentials, { items: mobileItems(3, 2), parameters });
	expect(first.success).toHaveLength(3);
	expect(second.success).toHaveLength(2);
	expect(bulkRequests()).toHaveLength(5);
	expect(tokenRequests()).toHaveLength(1);
	expect(bulkRequests().every((r) => r.auth === 'oauth' && r.status === 200)).toBe(true);
	expect(credentials.store.get('capillaryOAuthApi')!.accessToken).toMatch(
		/^[\w-]+\.[\w-]+\.[\w-]+$/,
	);
});

test('the credential is loaded once per execution, not once per request', async () => {
	const credentials = sandboxCredentials(sandbox);
	const run = await runCapillary(credentials, { items: mobileItems(60, 4), parameters });
	expect(run.success).toHaveLength(4);
	expect(bulkRequests()).toHaveLength(4);
	expect(credentials.decryptions.get('capillaryOAuthApi')).toBe(1);
});

test('a token whose JWT exp passes mid-run is replaced once, and the rest of the run uses the new one', async () => {
	sandbox.setTokenTtl(2); // JWT exp is in whole seconds: 2 s leaves the first request at least 0.8 s
	const credentials = sandboxCredentials(sandbox);
	sandbox.injectFault({ type: 'latency', ms: 2100 }); // the first batch outlives the token
	const run = await runCapillary(credentials, { items: mobileItems(70, 3), parameters });
	expect(run.success).toHaveLength(3);
	expect(bulkRequests().map((r) => r.status)).toEqual([200, 200, 200]);
	expect(tokenRequests()).toHaveLength(2);
});

test('parallel requests share one token fetch when the run starts without a token', async () => {
	const parallel = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
		options: { batchSize: 1, parallelRequests: 4 },
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(80, 8),
		parameters: parallel,
	});
	expect(run.success).toHaveLength(8);
	expect(tokenRequests()).toHaveLength(1);
	expect(bulkRequests().map((r) => r.status)).toEqual(Array(8).fill(200));
});

test('parallel requests that all find their token revoked fetch one new token between them, and each resends once', async () => {
	const parallel = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
		options: { batchSize: 1, parallelRequests: 4 },
	});
	const credentials = sandboxCredentials(sandbox);
	await runCapillary(credentials, { items: mobileItems(90, 1), parameters });
	sandbox.expireAllTokens();
	sandbox.setLatency(30); // the four first requests are all in flight when the first 401 comes back
	const run = await runCapillary(credentials, { items: mobileItems(91, 8), parameters: parallel });
	expect(run.success).toHaveLength(8);
	expect(tokenRequests()).toHaveLength(2);
	const statuses = bulkRequests().map((r) => r.status);
	expect(statuses.filter((status) => status === 401)).toHaveLength(4);
	expect(statuses.filter((status) => status === 200)).toHaveLength(1 + 8);
	expect(sandbox.ledger).toHaveLength(1 + 8);
});

test('a token that expires mid-run is refreshed once and the request resent exactly once', async () => {
	const credentials = sandboxCredentials(sandbox);
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({ type: 'expireToken' });
	const run = await runCapillary(credentials, { items: mobileItems(10, 3), parameters });
	expect(run.success).toHaveLength(3);
	expect(bulkRequests().map((r) => r.status)).toEqual([200, 401, 200, 200]);
	expect(tokenRequests()).toHaveLength(2);
	expect(sandbox.ledger.map((e) => e.customerId)).toEqual(
		[10, 11, 12].map((k) => DEMO.customer(k).id),
	);
});

test('an expired stored token is refreshed on the first 401', async () => {
	const credentials = sandboxCredentials(sandbox);
	await runCapillary(credentials, { items: mobileItems(20, 1), parameters });
	sandbox.expireAllTokens();
	const run = await runCapillary(credentials, { items: mobileItems(21, 1), parameters });
	expect(run.success).toHaveLength(1);
	expect(bulkRequests().map((r) => r.status)).toEqual([200, 401, 200]);
});

test('a non-https custom host is refused before any request, with a clear message', async () => {
	const credentials = sandboxCredentials(sandbox, {
		oAuth: { baseUrl: 'http://capillary.example.com' },
	});
	const run = await runCapillary(credentials, { items: mobileItems(30, 1), parameters });
	expect(run.error?.message).toEqual(
		messageThenAdvice(
			'The custom Base URL must use https:// (http:// is allowed only for localhost), got http://capillary.example.com. Fix the credential: nothing was sent',
		),
	);
	const test = await testCredential(credentials, 'capillaryOAuthApi');
	expect(test).toEqual({ status: 'Error', message: expect.stringContaining('must use https://') });
	expect(sandbox.requests).toEqual([]);
});

test('loopback hosts may use http, in every spelling', async () => {
	for (const host of ['localhost', '127.0.0.1', '[::1]']) {
		const url = sandbox.url.replace('127.0.0.1', host);
		if (host === '[::1]') continue; // the sandbox listens on IPv4 only; the rule itself is unit-tested
		const run = await runCapillary(sandboxCredentials(sandbox, { oAuth: { baseUrl: url } }), {
			items: mobileItems(40, 1),
			parameters,
		});
		expect(run.success).toHaveLength(1);
		sandbox.reset();
	}
});

test('a token past its JWT exp is replaced before sending, without waiting for a 401', async () => {
	sandbox.setTokenTtl(2);
	const credentials = sandboxCredentials(sandbox);
	await runCapillary(credentials, { items: mobileItems(50, 1), parameters });
	await new Promise((resolve) => setTimeout(resolve, 1900));
	const run = await runCapillary(credentials, { items: mobileItems(51, 1), parameters });
	expect(run.success).toHaveLength(1);
	expect(tokenRequests()).toHaveLength(2);
	expect(bulkRequests().map((r) => r.status)).toEqual([200, 200]);
});

describe('clock skew between the n8n host and Capillary', () => {
	test('with the n8n clock 10 minutes ahead, a fresh 5-minute token is used as is: one token fetch, every batch sent', async () => {
		sandbox.setClockOffset(-600); // the token's exp is already past by the n8n host's clock
		const credentials = sandboxCredentials(sandbox);
		const first = await runCapillary(credentials, { items: mobileItems(110, 3), parameters });
		const second = await runCapillary(credentials, { items: mobileItems(113, 1), parameters });
		expect(first.error).toBeUndefined();
		expect(first.success).toHaveLength(3);
		expect(second.success).toHaveLength(1);
		expect(tokenRequests()).toHaveLength(1);
		expect(bulkRequests().map((r) => r.status)).toEqual([200, 200, 200, 200]);
	});

	test('with the n8n clock an hour behind, a token is still replaced before sending once its lifetime has passed', async () => {
		sandbox.setTokenTtl(2);
		sandbox.setClockOffset(3600); // the token's exp looks an hour away by the n8n host's clock
		const credentials = sandboxCredentials(sandbox);
		await runCapillary(credentials, { items: mobileItems(120, 1), parameters });
		await new Promise((resolve) => setTimeout(resolve, 1900));
		const run = await runCapillary(credentials, { items: mobileItems(121, 1), parameters });
		expect(run.success).toHaveLength(1);
		expect(tokenRequests()).toHaveLength(2);
		expect(bulkRequests().map((r) => r.status)).toEqual([200, 200]);
	});

	test('a stored token without a local expiry (saved before it was kept) is replaced once, then reused', async () => {
		sandbox.setClockOffset(-600);
		const credentials = sandboxCredentials(sandbox);
		await runCapillary(credentials, { items: mobileItems(130, 1), parameters });
		const { sessionExpiresAt, ...older } = credentials.store.get('capillaryOAuthApi')!;
		expect(sessionExpiresAt).toEqual(expect.any(Number));
		credentials.store.set('capillaryOAuthApi', older);
		const again = await runCapillary(credentials, { items: mobileItems(131, 2), parameters });
		const third = await runCapillary(credentials, { items: mobileItems(133, 1), parameters });
		expect(again.success).toHaveLength(2);
		expect(third.success).toHaveLength(1);
		expect(tokenRequests()).toHaveLength(2);
		expect(bulkRequests().map((r) => r.status)).toEqual([200, 200, 200, 200]);
	});

	test('a token that lives 0 s by the server: at most two token fetches, then the run stops on the 401', async () => {
		sandbox.setTokenTtl(0);
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(140, 2),
			parameters,
			onError: 'continueRegularOutput',
		});
		expect(tokenRequests().length).toBeLessThanOrEqual(2);
		expect(bulkRequests().length).toBeLessThanOrEqual(2);
		expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
		expect(sandbox.ledger).toEqual([]);
	});
});

describe('a failing token endpoint', () => {
	const retrying = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
		options: { batchSize: 1, maxRetries: 2, maxRetryWait: 20 },
	});

	test.each([
		['HTTP 429', { type: 'status', status: 429 }],
		['HTTP 500', { type: 'status', status: 500 }],
		['HTTP 503', { type: 'status', status: 503, retryAfter: '0' }],
		['a connection reset', { type: 'reset', afterApplying: false }],
	] as const)('%s twice is retried under Max Retries, then the run goes on', async (_, fault) => {
		sandbox.injectFault({ ...fault, path: ENDPOINTS.sessionGenerate, times: 2 });
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(150, 2),
			parameters: retrying,
		});
		expect(run.error).toBeUndefined();
		expect(run.success).toHaveLength(2);
		expect(tokenRequests()).toHaveLength(3);
		expect(bulkRequests().map((r) => r.status)).toEqual([200, 200]);
	});

	test('a 429 from it waits as its Retry-After says before the token is asked again', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 429,
			retryAfter: '1',
			path: ENDPOINTS.sessionGenerate,
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(155, 1),
			parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
				options: { maxRetries: 1, maxRetryWait: 5000 },
			}),
		});
		expect(run.success).toHaveLength(1);
		const [first, second] = tokenRequests();
		expect(second.at - first.at).toBeGreaterThanOrEqual(950);
	});

	test('when its retries run out, nothing is sent and the message says what failed and what to do', async () => {
		sandbox.injectFault({
			type: 'status',
			status: 503,
			path: ENDPOINTS.sessionGenerate,
			times: 10,
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(160, 2),
			parameters: retrying,
			onError: 'continueRegularOutput',
		});
		expect(tokenRequests()).toHaveLength(3);
		expect(bulkRequests()).toEqual([]);
		expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
		expect(errorOf(run.failed[0]).message).toEqual(
			messageThenAdvice(
				"Capillary's token endpoint answered HTTP 503: no access token, so nothing was sent; try again later (after 2 retries)",
			),
		);
	});

	test('a refused client secret (401) is not retried', async () => {
		const credentials = sandboxCredentials(sandbox, {
			oAuth: { clientSecret: 'wrong-secret-7781' },
		});
		const run = await runCapillary(credentials, {
			items: mobileItems(170, 2),
			parameters: retrying,
			onError: 'continueRegularOutput',
		});
		expect(tokenRequests()).toHaveLength(1);
		expect(bulkRequests()).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({
			outcome: 'not_applied',
			message: expect.stringContaining('refused the client key and secret'),
		});
	});

	test('parallel requests that find the token endpoint down share its answer instead of each asking again', async () => {
		sandbox.setLatency(30);
		sandbox.injectFault({
			type: 'status',
			status: 503,
			path: ENDPOINTS.sessionGenerate,
			times: 100,
		});
		const parallel = promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
			options: { batchSize: 1, parallelRequests: 4, maxRetries: 0 },
		});
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: mobileItems(180, 8),
			parameters: parallel,
			onError: 'continueRegularOutput',
		});
		expect(run.failed).toHaveLength(8);
		expect(tokenRequests()).toHaveLength(1);
		expect(bulkRequests()).toEqual([]);
	});
});

test('a token with line breaks (a hostile token endpoint) applies nothing and claims nothing', async () => {
	sandbox.injectFault({
		type: 'status',
		status: 200,
		path: ENDPOINTS.sessionGenerate,
		body: { data: { accessToken: 'abc\r\nX-Evil: 1', ttlSeconds: 300 }, errors: null },
		times: 10,
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: mobileItems(190, 2),
		parameters,
		onError: 'continueRegularOutput',
	});
	expect(sandbox.ledger).toEqual([]);
	expect(run.success).toEqual([]);
	expect(run.failed.map((i) => errorOf(i).outcome)).toEqual(['not_applied', 'not_applied']);
});
