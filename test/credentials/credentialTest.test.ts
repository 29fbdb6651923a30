import * as http from 'http';
import type { AddressInfo } from 'net';

import { DEMO, startSandbox } from '../sandbox';
import { sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { testCredential } from '../support/engine/testCredential';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox(undefined, { resetAfterEach: false });
let notCapillary: http.Server;
let notCapillaryUrl: string;
let closedUrl: string;

beforeAll(async () => {
	// A host that is up but is not Capillary's API (a wrong cluster or a mistyped base URL).
	notCapillary = http.createServer((_, response) =>
		response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>'),
	);
	await new Promise<void>((resolve) => notCapillary.listen(0, '127.0.0.1', resolve));
	notCapillaryUrl = `http://127.0.0.1:${(notCapillary.address() as AddressInfo).port}`;
	const closed = await startSandbox();
	closedUrl = closed.url;
	await closed.close();
});
afterAll(async () => {
	await new Promise((resolve) => notCapillary.close(resolve));
});

describe.each([
	[
		'capillaryOAuthApi',
		'oAuth',
		{ clientSecret: 'wrong-Secret-4242' },
		'Capillary refused the client key and secret (HTTP 401): check them and the cluster',
	],
	[
		'capillaryBasicApi',
		'basicAuth',
		{ password: 'wrong-Password-4242' },
		'Capillary refused the credential (HTTP 401: Authentication failed). Check the credential: for Basic Auth, the till user name and password; for OAuth, that the API client may call this API (its key and secret were accepted). Check its Cluster too.',
	],
] as const)('%s', (type, kind, wrongSecret, refusedMessage) => {
	const check = async (overrides: Record<string, unknown>) =>
		await testCredential(sandboxCredentials(sandbox, { [kind]: overrides }), type);

	test('the right credential: OK, with what it can see', async () => {
		expect(await check({})).toEqual({
			status: 'OK',
			message: 'Connected to Capillary (3 loyalty programs visible)',
		});
	});

	test('a wrong secret: says to check the secret', async () => {
		const result = await check(wrongSecret);
		expect(result).toEqual({ status: 'Error', message: refusedMessage });
		expect(result.message).not.toContain('4242');
	});

	test('a host that is not Capillary: says to check the cluster or base URL', async () => {
		const result = await check({ baseUrl: notCapillaryUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/does not answer like Capillary's API \(HTTP 404.*check the (credential's )?Cluster or Base URL/i,
		);
	});

	test('an unreachable host: says it could not reach it', async () => {
		const result = await check({ baseUrl: closedUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Could not reach Capillary.*ECONNREFUSED.*check the (credential's )?Cluster or Base URL/i,
		);
	});

	test('a refusal whose body echoes the request headers: the message keeps none of the credential', async () => {
		sandbox.injectFault({
			type: 'echoRequest',
			status: 401,
			format: 'json',
			path: ENDPOINTS.programs,
		});
		const result = await check({});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Capillary refused the credential \(HTTP 401: Request refused\. .*\[redacted\]/,
		);
		const md5 = DEMO.basic.passwordMd5;
		for (const secret of [
			DEMO.oauth.clientSecret,
			md5,
			DEMO.basic.header.replace('Basic ', ''),
			'eyJ' /* any JWT */,
		])
			expect(result.message).not.toContain(secret);
	});

	test('a non-https custom host: refused before any request', async () => {
		const before = sandbox.requests.length;
		const result = await check({ baseUrl: 'http://capillary.example.com' });
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining('must use https://'),
		});
		expect(sandbox.requests.length).toBe(before);
	});
});

test('a token endpoint whose answer echoes the client secret: the OAuth test message keeps none of it', async () => {
	sandbox.injectFault({
		type: 'echoRequest',
		status: 400,
		format: 'json',
		path: ENDPOINTS.sessionGenerate,
	});
	const result = await testCredential(sandboxCredentials(sandbox), 'capillaryOAuthApi');
	expect(result.status).toBe('Error');
	expect(result.message).not.toContain(DEMO.oauth.clientSecret);
	expect(result.message).not.toContain(encodeURIComponent(DEMO.oauth.clientSecret));
});
