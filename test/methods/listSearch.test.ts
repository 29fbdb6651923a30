import { DEMO, PROMOTIONS } from '../sandbox';
import { sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { searchList } from '../support/engine/listSearch';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

const sandbox = useSandbox();

const withProgram = (programId: number, authentication = 'oAuth') => ({
	authentication,
	programId: { __rl: true, mode: 'list', value: String(programId), cachedResultName: 'x' },
});

test.each(['oAuth', 'basicAuth'])(
	'programs are listed with name and ID (%s)',
	async (authentication) => {
		const { results } = await searchList(sandboxCredentials(sandbox), 'searchPrograms', {
			authentication,
		});
		expect(results).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'Demo Rewards (469)', value: '469' }),
				expect.objectContaining({ name: 'Gold Club (2714)', value: '2714' }),
			]),
		);
	},
);

test('the program search filters by name or ID', async () => {
	const byName = await searchList(
		sandboxCredentials(sandbox),
		'searchPrograms',
		{},
		{ filter: 'gold' },
	);
	expect(byName.results.map((r) => r.value)).toEqual(['2714']);
	const byId = await searchList(
		sandboxCredentials(sandbox),
		'searchPrograms',
		{},
		{ filter: '469' },
	);
	expect(byId.results.map((r) => r.value)).toEqual(['469']);
});

test('promotions of the chosen program, live/active/upcoming only, never drafts, across pages', async () => {
	const credentials = sandboxCredentials(sandbox);
	const seen: Array<{ name: string; value: string }> = [];
	let token: string | undefined;
	let calls = 0;
	do {
		const page = await searchList(credentials, 'searchPromotions', withProgram(469), {
			paginationToken: token,
		});
		seen.push(...page.results.map(({ name, value }) => ({ name, value: String(value) })));
		token = page.paginationToken as string | undefined;
		calls++;
	} while (token !== undefined && calls < 10);
	expect(calls).toBeGreaterThan(1);
	const expected = PROMOTIONS.filter(
		(p) =>
			p.programId === 469 && p.promotionId > 0 && ['LIVE', 'ACTIVE', 'UPCOMING'].includes(p.status),
	);
	expect(seen.map((s) => Number(s.value)).sort()).toEqual(
		expected.map((p) => p.promotionId).sort(),
	);
	expect(new Set(seen.map((s) => s.value)).size).toBe(seen.length);
	expect(seen.find((s) => s.value === '57099')?.name).toBe(
		'Welcome 10 · Enrol & Issue · LIVE · 57099',
	);
	expect(seen.find((s) => s.value === '69218')?.name).toBe(
		'Birthday 2026 · Direct Issue · LIVE · 69218',
	);
	expect(seen.find((s) => s.value === '57101')?.name).toContain('UPCOMING');
	expect(seen.some((s) => s.value === '0' || s.value === '57100' || s.value === '57103')).toBe(
		false,
	);
});

test('the promotion search filters by name, identifier or ID', async () => {
	const credentials = sandboxCredentials(sandbox);
	const byCode = await searchList(credentials, 'searchPromotions', withProgram(469), {
		filter: 'bday2026',
	});
	expect(byCode.results.map((r) => r.value)).toEqual([
		String(DEMO.promotions.birthday.promotionId),
	]);
	const other = await searchList(credentials, 'searchPromotions', withProgram(2714));
	expect(other.results.map((r) => r.value).sort()).toEqual(['202090', '202188']);
});

test('without a program, the promotion picker says to choose one first', async () => {
	await expect(searchList(sandboxCredentials(sandbox), 'searchPromotions', {})).rejects.toThrow(
		'Choose the Program first',
	);
});

test('a wrong secret makes the picker say which part to fix', async () => {
	const credentials = sandboxCredentials(sandbox, { basicAuth: { password: 'nope-nope' } });
	await expect(
		searchList(credentials, 'searchPrograms', { authentication: 'basicAuth' }),
	).rejects.toThrow(
		'Capillary refused the credential (HTTP 401: Authentication failed). Check the credential: for Basic Auth, the till user name and password; for OAuth, that the API client may call this API (its key and secret were accepted). Check its Cluster too.',
	);
});

test('an expired OAuth token is replaced and the list still loads', async () => {
	const credentials = sandboxCredentials(sandbox);
	await searchList(credentials, 'searchPrograms', {});
	sandbox.expireAllTokens();
	const { results } = await searchList(credentials, 'searchPrograms', {});
	expect(results.length).toBeGreaterThan(0);
	expect(sandbox.requests.filter((r) => r.path === ENDPOINTS.sessionGenerate)).toHaveLength(2);
});

test('without a page count, a full page means another may follow; paused promotions are left out anyway', async () => {
	const entry = (promotionId: number, status: string) => ({
		metadata: {
			name: `P${promotionId}`,
			programId: 469,
			promotionId,
			promoIdentifier: `P${promotionId}`,
			promotionType: 'LOYALTY',
			status,
		},
	});
	const data = [
		...Array.from({ length: 24 }, (_, i) => entry(90000 + i, 'LIVE')),
		entry(99999, 'PAUSED'),
	];
	sandbox.injectFault({ type: 'status', status: 200, body: { data }, path: ENDPOINTS.promotions });
	const page = await searchList(sandboxCredentials(sandbox), 'searchPromotions', withProgram(469));
	expect(page.results).toHaveLength(24);
	expect(page.results.some((r) => r.value === '99999')).toBe(false);
	expect(page.paginationToken).toBe('1');
});

test.each(['oAuth', 'basicAuth'])(
	'a refusal whose body echoes the credential headers does not put them in the picker message (%s)',
	async (authentication) => {
		const credentials = sandboxCredentials(sandbox);
		sandbox.injectFault({
			type: 'echoRequest',
			status: 403,
			format: 'json',
			path: ENDPOINTS.programs,
		});
		const message = await searchList(credentials, 'searchPrograms', { authentication }).then(
			() => 'no error',
			(error: Error) => error.message,
		);
		expect(message).toMatch(
			/^The credential is valid but may not read this \(HTTP 403: Request refused\. .*\[redacted\]/,
		);
		const token = String(credentials.store.get('capillaryOAuthApi')!.accessToken);
		for (const secret of [
			token,
			DEMO.basic.header.replace('Basic ', ''),
			DEMO.basic.passwordMd5,
		].filter((s) => s !== '')) {
			expect(message).not.toContain(secret);
		}
	},
);
