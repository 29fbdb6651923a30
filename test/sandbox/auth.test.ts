import { DEMO, md5Hex, startSandbox } from './index';
import {
	bulkBody,
	call,
	customerIds,
	generateToken,
	getJson,
	oauthHeaders,
	postBulk,
} from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const AUTH_FAILED = { errors: [{ status: false, code: 401, message: 'Authentication failed' }] };

function basic(username: string, passwordSlot: string): Record<string, string> {
	return {
		Authorization: 'Basic ' + Buffer.from(`${username}:${passwordSlot}`).toString('base64'),
	};
}

describe('sandbox authentication', () => {
	const sandbox = useSandbox();

	describe('Basic', () => {
		it('builds the header of the docs worked example', () => {
			expect(md5Hex('server123')).toBe('8a16a6b70505eb1f1ff7cdc0cd5559a7');
			expect(DEMO.basic.username).toBe('store.server');
			expect(DEMO.basic.passwordMd5).toBe('8a16a6b70505eb1f1ff7cdc0cd5559a7');
			expect(DEMO.basic.header).toBe(
				'Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3',
			);
		});

		it('accepts the worked example header', async () => {
			const answer = await getJson(sandbox.url, ENDPOINTS.programs, {
				Authorization: 'Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3',
			});
			expect(answer.status).toBe(200);
			expect(sandbox.requests[0].auth).toBe('basic');
		});

		it('accepts every demo till user', async () => {
			for (const user of DEMO.tillUsers) {
				expect(
					(await getJson(sandbox.url, ENDPOINTS.programs, basic(user.username, user.passwordMd5)))
						.status,
				).toBe(200);
			}
		});

		it.each([
			['the raw password', 'store.server', 'server123'],
			['an uppercase MD5', 'store.server', '8A16A6B70505EB1F1FF7CDC0CD5559A7'],
			['a wrong MD5', 'store.server', md5Hex('server124')],
			['an unknown user', 'nobody', md5Hex('server123')],
		])(
			'refuses %s with 401 and a JSON body that echoes nothing',
			async (_label, username, slot) => {
				const answer = await getJson(sandbox.url, ENDPOINTS.programs, basic(username, slot));
				expect(answer.status).toBe(401);
				expect(answer.json).toEqual(AUTH_FAILED);
				expect(answer.text).not.toContain(slot);
				expect(answer.text).not.toContain('server123');
			},
		);

		it('refuses a request without credentials', async () => {
			const answer = await getJson(sandbox.url, ENDPOINTS.programs, {});
			expect(answer.status).toBe(401);
			expect(answer.json).toEqual(AUTH_FAILED);
			expect(sandbox.requests[0].auth).toBe('none');
		});

		it('refuses a bulk call without applying it', async () => {
			const body = bulkBody({
				promotionId: DEMO.promotions.birthday.promotionId,
				values: customerIds(0, 2),
			});
			const answer = await postBulk(sandbox.url, body, {
				'Content-Type': 'application/json',
				...basic('store.server', 'server123'),
			});
			expect(answer.status).toBe(401);
			expect(sandbox.ledger).toHaveLength(0);
			expect(sandbox.requests[0]).toMatchObject({
				bulkAction: 'EARN',
				customerCount: 2,
				status: 401,
			});
		});
	});

	describe('OAuth', () => {
		it('generates an HS256 JWT carrying exp, iat, client_id and org_id', async () => {
			const answer = await generateToken(sandbox.url);
			expect(answer.status).toBe(200);
			expect(answer.json.errors).toBeNull();
			expect(answer.json.data?.ttlSeconds).toBe(300);
			const [header, payload, signature] = (answer.json.data?.accessToken ?? '').split('.');
			expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
				alg: 'HS256',
				typ: 'JWT',
			});
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
			expect(claims).toMatchObject({ client_id: DEMO.oauth.clientKey, org_id: DEMO.orgId });
			expect(claims.exp - claims.iat).toBe(300);
			expect(signature.length).toBeGreaterThan(0);
			expect(sandbox.requests[0].auth).toBe('none');
		});

		it('accepts its token on catalog and bulk endpoints', async () => {
			const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			expect((await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(token))).status).toBe(
				200,
			);
			const body = bulkBody({
				promotionId: DEMO.promotions.birthday.promotionId,
				values: customerIds(0, 1),
			});
			expect((await postBulk(sandbox.url, body, oauthHeaders(token))).status).toBe(200);
			expect(sandbox.requests.map((request) => request.auth)).toEqual(['none', 'oauth', 'oauth']);
		});

		it.each([
			['a wrong secret', DEMO.oauth.clientKey, 'not-the-secret'],
			['an unknown key', 'unknown-key', DEMO.oauth.clientSecret],
		])('refuses %s with a JSON 401 that does not echo the secret', async (_label, key, secret) => {
			const answer = await generateToken(sandbox.url, key, secret);
			expect(answer.status).toBe(401);
			expect(answer.json).toEqual({
				data: null,
				errors: [{ status: false, code: 401, message: 'Invalid client credentials' }],
			});
			expect(answer.text).not.toContain(secret);
		});

		it('answers 400 when key or secret is missing and 415 for a non-JSON body', async () => {
			const url = sandbox.url + ENDPOINTS.sessionGenerate;
			const missing = await call(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{"key":"sandbox-demo-key"}',
			});
			expect(missing.status).toBe(400);
			const form = await call(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: 'key=a&secret=b',
			});
			expect(form.status).toBe(415);
		});

		it('refuses every token issued before expireAllTokens()', async () => {
			const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			sandbox.expireAllTokens();
			const answer = await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(token));
			expect(answer.status).toBe(401);
			expect(answer.text).not.toContain(token);
			const fresh = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			expect((await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(fresh))).status).toBe(
				200,
			);
		});

		it('refuses a token whose lifetime has run out (setTokenTtl(0))', async () => {
			sandbox.setTokenTtl(0);
			const answer = await generateToken(sandbox.url);
			expect(answer.json.data?.ttlSeconds).toBe(0);
			expect(
				(
					await getJson(
						sandbox.url,
						ENDPOINTS.programs,
						oauthHeaders(answer.json.data?.accessToken ?? ''),
					)
				).status,
			).toBe(401);
		});

		it('refuses tampered, foreign and unknown tokens', async () => {
			const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			const [header, payload, signature] = token.split('.');
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
			const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86400 })).toString(
				'base64url',
			);
			const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
			const other = await startSandbox();
			const foreign = (await generateToken(other.url)).json.data?.accessToken ?? '';
			await other.close();
			for (const bad of [
				`${header}.${longer}.${signature}`,
				`${header}.${payload}.${flipped}`,
				foreign,
				'not-a-jwt',
				'',
			]) {
				const answer = await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(bad));
				expect(answer.status).toBe(401);
				expect(answer.json).toEqual(AUTH_FAILED);
			}
		});

		it('setClockOffset shifts the iat/exp of tokens issued next, not how long they are accepted', async () => {
			sandbox.setTokenTtl(300);
			sandbox.setClockOffset(-600);
			const before = Math.floor(Date.now() / 1000);
			const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
				iat: number;
				exp: number;
			};
			expect(claims.iat).toBeGreaterThanOrEqual(before - 601);
			expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) - 599);
			expect(claims.exp - claims.iat).toBe(300);
			expect(claims.exp * 1000).toBeLessThan(Date.now()); // past, by the client's clock
			expect((await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(token))).status).toBe(
				200,
			);
			sandbox.reset();
			const plain = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			const plainIat = (
				JSON.parse(Buffer.from(plain.split('.')[1], 'base64url').toString()) as { iat: number }
			).iat;
			expect(Math.abs(plainIat - Date.now() / 1000)).toBeLessThan(5);
		});

		it('ends tokens on reset()', async () => {
			const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
			sandbox.reset();
			expect((await getJson(sandbox.url, ENDPOINTS.programs, oauthHeaders(token))).status).toBe(
				401,
			);
		});
	});
});
