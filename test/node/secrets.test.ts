import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
	type CapillaryRunOptions,
} from '../support/engine/capillaryWorkflow';
import { readEngineLog } from '../support/engine/environment';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox(undefined, { resetAfterEach: false });

const items = [0, 1, 2]
	.map((k) => ({ mobile: DEMO.customer(500 + k).mobile }))
	.concat([{ mobile: 'bad' }]);
const none = () => {};
const scenarios: Array<[string, Partial<CapillaryRunOptions>, () => void]> = [
	['success over OAuth', {}, none],
	['success over Basic', { authentication: 'basicAuth' }, none],
	['a 500 without body', {}, () => sandbox.injectFault({ type: 'status', status: 500 })],
	['an unmatched response', {}, () => sandbox.injectFault({ type: 'short', drop: 1 })],
	['a reset', {}, () => sandbox.injectFault({ type: 'reset', afterApplying: false })],
	['an expired token', {}, () => sandbox.injectFault({ type: 'expireToken' })],
	[
		'a 403 under Stop Workflow',
		{ onError: 'stopWorkflow' },
		() => sandbox.injectFault({ type: 'status', status: 403 }),
	],
	// Servers and proxies that echo the request's credentials back (raw, base64, URL-encoded):
	[
		'a 403 whose JSON echoes the token',
		{},
		() => sandbox.injectFault({ type: 'echoRequest', status: 403, format: 'json' }),
	],
	[
		'two 401s whose JSON echoes the token',
		{},
		() => sandbox.injectFault({ type: 'echoRequest', status: 401, format: 'json', times: 2 }),
	],
	[
		'a 200 HTML debug page echoing the token',
		{},
		() => sandbox.injectFault({ type: 'echoRequest', status: 200, format: 'html' }),
	],
	[
		'a 403 JSON echo under Stop Workflow',
		{ onError: 'stopWorkflow' },
		() => sandbox.injectFault({ type: 'echoRequest', status: 403, format: 'json' }),
	],
	[
		'a 401 whose JSON echoes the Basic header',
		{ authentication: 'basicAuth' },
		() => sandbox.injectFault({ type: 'echoRequest', status: 401, format: 'json' }),
	],
	[
		'a 200 HTML debug page echoing the Basic header',
		{ authentication: 'basicAuth' },
		() => sandbox.injectFault({ type: 'echoRequest', status: 200, format: 'html' }),
	],
	[
		'a token endpoint answering 500 with a page echoing the secret',
		{},
		() =>
			sandbox.injectFault({
				type: 'echoRequest',
				status: 500,
				format: 'html',
				path: ENDPOINTS.sessionGenerate,
				times: 20,
			}),
	],
	[
		'a token endpoint answering 400 with JSON echoing the secret',
		{},
		() =>
			sandbox.injectFault({
				type: 'echoRequest',
				status: 400,
				format: 'json',
				path: ENDPOINTS.sessionGenerate,
			}),
	],
];

/** Each secret as sent, and in the encodings an echoing server may use. */
const inEveryForm = (secret: string) => {
	const base64 = Buffer.from(secret).toString('base64').replace(/=+$/, '');
	return [
		secret,
		base64,
		Buffer.from(secret).toString('base64url'),
		encodeURIComponent(secret),
		encodeURIComponent(base64),
	];
};

test.each(scenarios)(
	'no secret in any output item, error or log: %s',
	async (_, options, injectFault) => {
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
			DEMO.basic.header,
			DEMO.basic.header.replace('Basic ', ''),
			String(credentials.store.get('capillaryOAuthApi')!.accessToken),
		]
			.filter((s) => s.length > 0)
			.flatMap(inEveryForm);
		expect(secrets.length).toBeGreaterThanOrEqual(4 * 5);
		const text =
			JSON.stringify({
				run,
				error: run.error,
				message: run.error?.message,
				stack: run.error?.stack,
			}) + readEngineLog();
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(run.success.length + run.failed.length + (run.error ? items.length : 0)).toBe(
			items.length,
		);
	},
);
