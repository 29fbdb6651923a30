import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { testCredential } from '../support/engine/testCredential';

const sandbox = useSandbox();

const parameters = promotionParameters('earn', DEMO.promotions.birthday);
const oneItem = (k: number) => [{ mobile: DEMO.customer(k).mobile }];
const basic = (basicAuth: ICredentialDataDecryptedObject) =>
	sandboxCredentials(sandbox, { basicAuth });

test('the password is MD5-hashed before base64, as in the docs’ worked example', async () => {
	const run = await runCapillary(basic({}), {
		items: oneItem(1),
		parameters,
		authentication: 'basicAuth',
	});
	expect(run.success).toHaveLength(1);
	expect(sandbox.requests[0].auth).toBe('basic');
	expect(createHash('md5').update('server123').digest('hex')).toBe(
		'8a16a6b70505eb1f1ff7cdc0cd5559a7',
	);
});

test('a password that is already the MD5 hash is sent as given (any case)', async () => {
	for (const password of [DEMO.basic.passwordMd5, DEMO.basic.passwordMd5.toUpperCase()]) {
		const run = await runCapillary(basic({ password, isMd5Hash: true }), {
			items: oneItem(2),
			parameters,
			authentication: 'basicAuth',
		});
		expect(run.success).toHaveLength(1);
		sandbox.reset();
	}
});

test('a pre-hashed password that is not an MD5 hash is refused before sending', async () => {
	const run = await runCapillary(basic({ password: 'server123', isMd5Hash: true }), {
		items: oneItem(3),
		parameters,
		authentication: 'basicAuth',
	});
	expect(run.error?.message).toMatch(/marked as an MD5 hash but is not 32 hexadecimal characters/);
	expect(run.error?.message).not.toContain('server123');
	expect(sandbox.requests).toEqual([]);
});

test('the credential test: right password OK, wrong password a clear 401 without the password', async () => {
	expect((await testCredential(basic({}), 'capillaryBasicApi')).status).toBe('OK');
	const wrong = await testCredential(basic({ password: 'Hunter2-not-it' }), 'capillaryBasicApi');
	expect(wrong.status).toBe('Error');
	expect(wrong.message).not.toContain('Hunter2-not-it');
	expect(wrong.message).not.toContain(createHash('md5').update('Hunter2-not-it').digest('hex'));
});

test('a wrong password fails the run with a clear message and no secret', async () => {
	const run = await runCapillary(basic({ password: 'Hunter2-not-it' }), {
		items: oneItem(4),
		parameters,
		authentication: 'basicAuth',
	});
	expect(run.error?.message).toBe(
		'Capillary refused the request with HTTP 401: Authentication failed. Check the credential: for Basic Auth, the till user name and password; for OAuth, that the API client may call this API (its key and secret were accepted). Check its Cluster too, then run again. Nothing was applied.',
	);
	const text = JSON.stringify(run);
	expect(text).not.toContain('Hunter2-not-it');
	expect(text).not.toContain(createHash('md5').update('Hunter2-not-it').digest('hex'));
});
