import { DEMO } from '../sandbox';
import { messageThenAdvice } from '../support/engine/items';
import { useSandbox } from '../support/useSandbox';
import {
	unverifiedParameters,
	runCapillary,
	sandboxCredentials,
	type OnError,
} from '../support/engine/capillaryWorkflow';

const sandbox = useSandbox();

const items = Array.from({ length: 6 }, (_, k) => ({ mobile: DEMO.customer(200 + k).mobile }));
const parameters = unverifiedParameters('earn', DEMO.promotions.birthday, 'mobile', {
	options: { batchSize: 2 },
});
const wrongSecret = () =>
	sandboxCredentials(sandbox, { oAuth: { clientSecret: 'wrong-secret-Zq81' } });

describe('a request-level failure before anything was applied', () => {
	test.each([undefined, 'stopWorkflow'] as const)(
		'On Error %s: the node throws a clear NodeApiError',
		async (onError) => {
			const run = await runCapillary(wrongSecret(), { items, parameters, onError });
			expect(run.error?.name).toBe('NodeApiError');
			expect(run.error?.message).toEqual(
				messageThenAdvice(
					'Capillary refused the client key and secret (HTTP 401): check them and the cluster',
				),
			);
			expect(JSON.stringify(run.error)).not.toContain('wrong-secret-Zq81');
			expect(sandbox.ledger).toEqual([]);
			expect(sandbox.requests.filter((r) => r.bulkAction)).toEqual([]);
		},
	);

	test.each<OnError>(['continueRegularOutput', 'continueErrorOutput'])(
		'On Error %s: every item on Failed, never thrown',
		async (onError) => {
			const run = await runCapillary(wrongSecret(), { items, parameters, onError });
			expect(run.error).toBeUndefined();
			expect(run.success).toEqual([]);
			expect(run.errorOutput).toEqual([]);
			expect(run.failed.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
			expect(run.failed[0].json.error).toMatchObject({
				kind: 'request_failed',
				outcome: 'not_applied',
			});
			expect(String((run.failed[5].json.error as { message: string }).message)).toMatch(
				/^Not sent, because the run stopped/,
			);
		},
	);

	test('a 401 with a wrong till password stops sending at once (Basic has no token to refresh)', async () => {
		const credentials = sandboxCredentials(sandbox, {
			basicAuth: { password: 'not-the-password-77' },
		});
		const run = await runCapillary(credentials, {
			items,
			parameters,
			authentication: 'basicAuth',
			onError: 'continueRegularOutput',
		});
		expect(run.failed).toHaveLength(6);
		expect(run.failed[0].json.error).toMatchObject({
			kind: 'request_failed',
			code: 401,
			outcome: 'not_applied',
		});
		expect(sandbox.requests.filter((r) => r.bulkAction).map((r) => r.status)).toEqual([401]);
	});
});

test('a fatal failure after something was applied never throws: applied items reach Success', async () => {
	sandbox.injectFault({ type: 'latency', ms: 0 });
	sandbox.injectFault({
		type: 'status',
		status: 403,
		body: { errors: [{ status: false, code: 403, message: 'access denied' }] },
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters,
		onError: 'stopWorkflow',
	});
	expect(run.error).toBeUndefined();
	expect(run.success.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(run.failed[0].json.error).toMatchObject({
		kind: 'request_failed',
		code: 403,
		outcome: 'not_applied',
	});
	expect(String((run.failed[0].json.error as { message: string }).message)).toContain(
		'access denied',
	);
	expect(String((run.failed[2].json.error as { message: string }).message)).toMatch(/^Not sent/);
	expect(sandbox.requests.filter((r) => r.bulkAction)).toHaveLength(2);
});

test('an unknown outcome before the fatal failure also prevents the throw', async () => {
	sandbox.injectFault({ type: 'status', status: 502, afterApplying: true });
	sandbox.injectFault({
		type: 'status',
		status: 400,
		body: { errors: [{ code: 400, message: 'bad input' }] },
	});
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items,
		parameters,
		onError: 'stopWorkflow',
	});
	expect(run.error).toBeUndefined();
	expect(run.failed.map((i) => (i.json.error as { outcome: string }).outcome)).toEqual([
		'unknown',
		'unknown',
		'not_applied',
		'not_applied',
		'not_applied',
		'not_applied',
	]);
});

test('invalid input alone never throws, even with Stop Workflow', async () => {
	const run = await runCapillary(sandboxCredentials(sandbox), {
		items: [{ mobile: 'x' }],
		parameters,
		onError: 'stopWorkflow',
	});
	expect(run.error).toBeUndefined();
	expect(run.failed).toHaveLength(1);
});
