import { generate } from 'selfsigned';

import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { errorOf, mobileItems } from '../support/engine/items';
import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';

const DAY_MS = 86_400_000;

/** A certificate made at test time: self-signed for 127.0.0.1, self-signed for another name, or expired. */
async function certificate(kind: 'selfSigned' | 'wrongName' | 'expired') {
	const name = kind === 'wrongName' ? 'capillary.example.com' : '127.0.0.1';
	const notBeforeDate = new Date(Date.now() - (kind === 'expired' ? 3 * DAY_MS : DAY_MS));
	const pems = await generate([{ name: 'commonName', value: name }], {
		notBeforeDate,
		notAfterDate: new Date(notBeforeDate.getTime() + (kind === 'expired' ? DAY_MS : 3 * DAY_MS)),
		extensions: [
			{
				name: 'subjectAltName',
				altNames: kind === 'wrongName' ? [{ type: 2, value: name }] : [{ type: 7, ip: name }],
			},
		],
	} as Parameters<typeof generate>[1]);
	return { key: pems.private, cert: pems.cert };
}

describe.each(['selfSigned', 'wrongName', 'expired'] as const)(
	'a custom https host with a %s certificate',
	(kind) => {
		const sandbox = useSandbox(async () => ({ tls: await certificate(kind) }), {
			resetAfterEach: false,
		});

		test('is not_applied, stops the run after the first batch, and says to fix the certificate or the base URL', async () => {
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(0, 3),
				authentication: 'basicAuth',
				parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
					options: { batchSize: 1 },
				}),
				onError: 'continueRegularOutput',
			});
			expect(sandbox.requests).toEqual([]);
			expect(run.success).toEqual([]);
			expect(run.failed.map((item) => errorOf(item).outcome)).toEqual([
				'not_applied',
				'not_applied',
				'not_applied',
			]);
			expect(String(errorOf(run.failed[0]).message)).toMatch(
				/TLS certificate was refused.*Fix the server's certificate, or set the credential's Base URL/,
			);
			expect(String(errorOf(run.failed[1]).message)).toMatch(
				/^Not sent, because the run stopped: The server's TLS certificate was refused/,
			);
			expect(String(errorOf(run.failed[2]).message)).toMatch(/^Not sent, because the run stopped/);
		});

		test('with OAuth, the token request fails the same way: nothing applied', async () => {
			const run = await runCapillary(sandboxCredentials(sandbox), {
				items: mobileItems(0, 2),
				parameters: promotionParameters('earn', DEMO.promotions.birthday),
				onError: 'continueRegularOutput',
			});
			expect(sandbox.requests).toEqual([]);
			expect(run.failed.map((item) => errorOf(item).outcome)).toEqual([
				'not_applied',
				'not_applied',
			]);
			expect(String(errorOf(run.failed[0]).message)).toMatch(
				/TLS connection to https:\/\/127\.0\.0\.1:\d+ failed.*fix the server's certificate/,
			);
			expect(String(errorOf(run.failed[0]).message)).not.toMatch(/after \d+ retr/);
		});
	},
);
