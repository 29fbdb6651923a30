import { DEMO } from '../sandbox';
import { useSandbox } from '../engine/useSandbox';
import { promotionParameters, runCapillary, sandboxCredentials, type CapillaryRunOptions } from '../engine/capillaryWorkflow';
import { readEngineLog } from '../engine/environment';

const sandbox = useSandbox(undefined, { resetAfterEach: false });

const items = [0, 1, 2].map((k) => ({ mobile: DEMO.customer(500 + k).mobile })).concat([{ mobile: 'bad' }]);
const none = () => {};
const scenarios: Array<[string, Partial<CapillaryRunOptions>, () => void]> = [
	['success over OAuth', {}, none],
	['success over Basic', { authentication: 'basicAuth' }, none],
	['a 500 without body', {}, () => sandbox.injectFault({ type: 'status', status: 500 })],
	['an unmatched response', {}, () => sandbox.injectFault({ type: 'short', drop: 1 })],
	['a reset', {}, () => sandbox.injectFault({ type: 'reset', afterApplying: false })],
	['an expired token', {}, () => sandbox.injectFault({ type: 'expireToken' })],
	['a 403 under Stop Workflow', { onError: 'stopWorkflow' }, () => sandbox.injectFault({ type: 'status', status: 403 })],
];

test.each(scenarios)('no secret in any output item, error or log: %s', async (_, options, injectFault) => {
	sandbox.reset();
	injectFault();
	const credentials = sandboxCredentials(sandbox);
	const run = await runCapillary(credentials, {
		items,
		parameters: promotionParameters('enrolAndEarn', DEMO.promotions.welcome),
		...options,
	});
	const secrets = [
		DEMO.oauth.clientSecret,
		DEMO.basic.password,
		DEMO.basic.passwordMd5,
		DEMO.basic.header.replace('Basic ', ''),
		String(credentials.store.get('capillaryOAuthApi')!.accessToken),
	].filter((s) => s.length > 0);
	expect(secrets.length).toBeGreaterThanOrEqual(4);
	const text = JSON.stringify({ run, error: run.error, message: run.error?.message, stack: run.error?.stack }) + readEngineLog();
	for (const secret of secrets) expect(text).not.toContain(secret);
	expect(run.success.length + run.failed.length + (run.error ? items.length : 0)).toBe(items.length);
});
