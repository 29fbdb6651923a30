import * as http from 'http';
import type { AddressInfo } from 'net';

import { DEMO } from '../sandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
	type AuthKind,
} from '../support/engine/capillaryWorkflow';
import { testCredential } from '../support/engine/testCredential';
import { useSandbox } from '../support/useSandbox';

const sandbox = useSandbox();
let redirector: http.Server;
let redirectorUrl: string;
const redirected: string[] = [];

beforeAll(async () => {
	// Another host that sends every request on to the sandbox, as a hostile or moved base URL would.
	redirector = http.createServer((request, response) => {
		redirected.push(request.url ?? '');
		response.writeHead(307, { Location: `${sandbox.url}${request.url}` }).end();
	});
	await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
	redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise((resolve) => redirector.close(resolve)));
beforeEach(() => {
	redirected.length = 0;
});

const credentialsVia = (authentication: AuthKind) =>
	sandboxCredentials(sandbox, { [authentication]: { baseUrl: redirectorUrl } });

test.each<AuthKind>(['oAuth', 'basicAuth'])(
	'%s: a redirect is not followed, so credentials never reach the other host',
	async (authentication) => {
		const run = await runCapillary(credentialsVia(authentication), {
			items: [{ mobile: DEMO.customer(1).mobile }],
			parameters: promotionParameters('earn', DEMO.promotions.birthday),
			authentication,
			onError: 'continueRegularOutput',
		});
		expect(redirected.length).toBeGreaterThanOrEqual(1);
		expect(sandbox.requests).toEqual([]);
		// OAuth: the token request was redirected, so the batch never left. Basic: a server may redirect a
		// POST after processing it, so the claim is only that it may have been applied.
		expect(run.failed[0].json.error).toMatchObject({
			kind: 'request_failed',
			outcome: authentication === 'oAuth' ? 'not_applied' : 'unknown',
		});
	},
);

test('the Basic credential test does not follow a redirect either', async () => {
	const result = await testCredential(credentialsVia('basicAuth'), 'capillaryBasicApi');
	expect(result.status).toBe('Error');
	expect(sandbox.requests).toEqual([]);
});

test('the OAuth credential test does not follow a redirect either', async () => {
	const result = await testCredential(credentialsVia('oAuth'), 'capillaryOAuthApi');
	expect(result).toEqual({
		status: 'Error',
		message: `${redirectorUrl} does not answer like Capillary's API (HTTP 307 for the token request): check the Cluster or Base URL`,
	});
	expect(sandbox.requests).toEqual([]);
});
