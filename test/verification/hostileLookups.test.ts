/**
 * Verify Unknown Outcomes against a hostile lookup: a proxy in front of the sandbox rewrites the
 * lookup's answers (another customer's, a promotion listed twice, dates without a zone, a Date header
 * far off or unreadable, pages that disagree, a redirect, huge answers), or the sandbox echoes
 * secrets. Every claim is checked against the ledger; none may be false. The `test.failing` ones
 * are false claims the node cannot avoid from what Capillary shows: each says why.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO, type Fault } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import { runCapillary, type CapillaryRun } from '../support/engine/capillaryWorkflow';
import { useHostileProxy, type LookupAnswer } from './hostileProxy';
import {
	APPLIED,
	claimsOf,
	customers,
	goldDirect,
	ledgerOf,
	lookups,
	mobilesOf,
	NOT_APPLIED,
	parametersFor,
	run,
} from './verification';

const sandbox = useSandbox();
const proxy = useHostileProxy(sandbox);

async function throughProxy(
	items: IDataObject[],
	parameters: INodeParameters,
	fault?: Fault,
): Promise<CapillaryRun> {
	if (fault) sandbox.injectFault(fault);
	return await runCapillary(proxy.credentials(), { items, parameters });
}

type Body = {
	customerId?: number;
	pageDetails: { totalEntries: number };
	promotions: Array<Record<string, unknown>>;
};
const promotionOf = (body: Body, promotionId: number) =>
	body.promotions.find((p) => p.promotionId === promotionId)!;
type Timeline = { enrollmentDate: string; issuedDetails: Array<Record<string, unknown>> };

describe('a lookup answering for another customer', () => {
	test('by id: the answer names another customerId: unknown', async () => {
		const [customer, other] = customers(900, 2);
		proxy.onLookup((_, answer) => ({
			...answer,
			body: { ...(answer.body as Body), customerId: other.id },
		}));
		const result = await throughProxy(
			[{ id: String(customer.id) }],
			parametersFor('earn', {}, { identifierName: 'id', identifierValue: '={{ $json.id }}' }),
			NOT_APPLIED,
		);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
		expect(result.failed[0].json.verification).toMatch(
			new RegExp(`answered for customer ${other.id}, not this one`),
		);
	});

	test('by mobile, two held customers answered as one: both unknown', async () => {
		const [a, b, other] = customers(910, 3);
		proxy.onLookup({ before: (query) => query.set('identifierValue', other.mobile) });
		const result = await throughProxy(mobilesOf([a, b]), parametersFor('earn'), APPLIED);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown', 'unknown']);
	});

	test('by mobile, answered with a customer an earlier batch reached by another mobile: unknown', async () => {
		const [answered, held] = customers(915, 2);
		proxy.onLookup({
			before: (query) => {
				if (query.get('identifierValue') === held.mobile)
					query.set('identifierValue', answered.mobile);
			},
		});
		sandbox.injectFault({ type: 'latency', ms: 0 }); // the first batch: answered
		const result = await throughProxy(
			mobilesOf([answered, held]),
			parametersFor('earn', { batchSize: 1, parallelRequests: 1 }),
			APPLIED,
		);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied', 'unknown']);
		expect(result.failed[0].json.verification).toMatch(
			new RegExp(
				`answered for customer ${answered.id}, whom this run also reached by another mobile`,
			),
		);
	});

	// The promotionData answer names the customer only by customerId: for a mobile or an email,
	// nothing in it shows whose it is. A lookup that answers for another customer (who holds nothing)
	// reads as "not applied".
	test.failing(
		'[cannot be avoided] by mobile, one held customer answered as another: never not_applied',
		async () => {
			const [customer, other] = customers(920, 2);
			proxy.onLookup({ before: (query) => query.set('identifierValue', other.mobile) });
			const result = await throughProxy(mobilesOf([customer]), parametersFor('earn'), APPLIED);
			expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
		},
	);
});

test.each([
	['applied', APPLIED, 1],
	['not applied', NOT_APPLIED, 0],
] as const)('the promotion listed twice (request %s): unknown', async (_, fault, issues) => {
	proxy.onLookup((_query, answer) => {
		const body = answer.body as Body;
		const promotion = promotionOf(body, goldDirect.promotionId);
		body.promotions.push(structuredClone(promotion));
		body.pageDetails.totalEntries += 1;
		return answer;
	});
	const [customer] = customers(930, 1);
	const result = await throughProxy(mobilesOf([customer]), parametersFor('earn'), fault);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
	expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(issues);
	expect(result.failed[0].json.verification).toMatch(/more than once/);
});

test('an issue dated without a zone ("2026-…T…:…:…", no Z): unknown, the answer unreadable', async () => {
	proxy.onLookup((_, answer) => {
		const timeline = promotionOf(answer.body as Body, goldDirect.promotionId)
			.customerPromotionTimelines as Timeline[];
		for (const entry of timeline)
			for (const issue of entry.issuedDetails)
				issue.issualDate = String(issue.issualDate).replace(/\.000Z$/, '');
		return answer;
	});
	const result = await throughProxy(mobilesOf(customers(940, 1)), parametersFor('earn'), APPLIED);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
	expect(result.failed[0].json.verification).toMatch(/could not be read: .*issualDate/);
});

describe('the lookup’s Date header', () => {
	const withDate = (date: string) => (_: URLSearchParams, answer: LookupAnswer) => ({
		...answer,
		headers: { ...answer.headers, date },
	});

	test.each(['yesterday', 'Mon, 32 Foo 2026 99:99:99 GMT', ''])(
		'unreadable (%j): unknown for Issue and Enrol',
		async (date) => {
			proxy.onLookup(withDate(date));
			const issued = await throughProxy(
				mobilesOf(customers(950, 1)),
				parametersFor('earn'),
				APPLIED,
			);
			const enrolled = await throughProxy(
				mobilesOf(customers(951, 1)),
				parametersFor('enrol'),
				NOT_APPLIED,
			);
			expect(claimsOf(sandbox, issued, 'earn')).toEqual(['unknown']);
			expect(claimsOf(sandbox, enrolled, 'enrol')).toEqual(['unknown']);
			expect(issued.failed[0].json.verification).toMatch(/no \(readable\) Date header/);
		},
	);

	test('a day behind the clock that dates the records: the issue looks newer than the lookup: unknown', async () => {
		proxy.onLookup(withDate(new Date(Date.now() - 86_400_000).toUTCString()));
		const result = await throughProxy(mobilesOf(customers(960, 1)), parametersFor('earn'), APPLIED);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
		expect(result.failed[0].json.verification).toMatch(/after the lookup answered/);
	});

	// The Date header is the only clock the node can read Capillary's by. Should it run a day ahead of
	// the clock that dates the records (a gateway's clock, say), the request's own issue looks a day
	// old: "not applied", and Resend Verified Not Applied would issue it again.
	test.failing(
		'[cannot be avoided] a day ahead of the clock that dates the records: never not_applied',
		async () => {
			proxy.onLookup(withDate(new Date(Date.now() + 86_400_000).toUTCString()));
			const result = await throughProxy(
				mobilesOf(customers(970, 1)),
				parametersFor('earn'),
				APPLIED,
			);
			expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
		},
	);
});

describe('pages', () => {
	test('pages that disagree on the total (each adding up to the last one’s): unknown', async () => {
		let first = 0;
		proxy.onLookup((query, answer) => {
			const body = answer.body as Body;
			if (query.get('offset') === '0') {
				// The first page claims more than it holds: the node asks for the next page.
				first = body.promotions.length;
				body.pageDetails.totalEntries = first + 9;
				return answer;
			}
			// The next page holds one promotion, and states a total the two pages add up to.
			body.promotions = [
				{ ...structuredClone(promotionOf(body, goldDirect.promotionId) ?? {}), promotionId: 1 },
			];
			body.pageDetails.totalEntries = first + 1;
			return answer;
		});
		const result = await throughProxy(
			mobilesOf(customers(980, 1)),
			parametersFor('earn'),
			NOT_APPLIED,
		);
		expect(lookups(sandbox)).toHaveLength(2);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
		expect(result.failed[0].json.verification).toMatch(/its pages state different totals/);
	});

	test('a total no page ever reaches (10^12): unknown after two pages, not fifty', async () => {
		proxy.onLookup((_, answer) => {
			(answer.body as Body).pageDetails.totalEntries = 1_000_000_000_000;
			return answer;
		});
		const result = await throughProxy(mobilesOf(customers(985, 1)), parametersFor('earn'), APPLIED);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
		expect(lookups(sandbox)).toHaveLength(2);
	});
});

test('a huge answer (20,000 more issues, a 5 MB description): decided as the ledger shows, the item stays small', async () => {
	proxy.onLookup((_, answer) => {
		const body = answer.body as Body;
		const promotion = promotionOf(body, goldDirect.promotionId);
		promotion.description = 'x'.repeat(5_000_000);
		const timelines = promotion.customerPromotionTimelines as unknown[];
		for (let k = 0; k < 20_000; k++)
			timelines.push({
				enrollmentDate: '2020-01-01T00:00:00.000Z',
				enrollmentId: 10_000_000 + k,
				issuedDetails: [{ issualId: 20_000_000 + k, issualDate: '2020-01-01T00:00:00.000Z' }],
			});
		return answer;
	});
	const result = await throughProxy(
		mobilesOf(customers(990, 1)),
		parametersFor('earn', { timeout: 10_000 }),
		APPLIED,
	);
	expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied']);
	expect(JSON.stringify([...result.success, ...result.failed]).length).toBeLessThan(10_000);
});

describe('a redirect on the lookup path', () => {
	let catcher: http.Server;
	let caught = 0;
	let catcherUrl = '';
	beforeAll(async () => {
		catcher = http.createServer((_, response) => {
			caught++;
			response.end('{}');
		});
		await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
		catcherUrl = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => catcher.close(resolve)));

	test.each([301, 302, 307, 308])(
		'HTTP %d: not followed (the credential stays on its host), unknown',
		async (status) => {
			proxy.onLookup(() => ({
				status,
				headers: { location: `${catcherUrl}/v2/customers/lookup/promotionData` },
				raw: '',
			}));
			const result = await throughProxy(
				mobilesOf(customers(995, 1)),
				parametersFor('earn'),
				APPLIED,
			);
			expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown']);
			expect(result.failed[0].json.verification).toMatch(
				new RegExp(`HTTP ${status}, a redirect, which is not followed`),
			);
			expect(caught).toBe(0);
		},
	);
});

describe('secrets echoed by the lookup', () => {
	const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
	const secrets = [
		DEMO.oauth.clientSecret,
		DEMO.basic.password,
		DEMO.basic.passwordMd5,
		DEMO.basic.header.replace(/^Basic /, ''),
		Buffer.from(DEMO.oauth.clientSecret).toString('base64').replace(/=+$/, ''),
	];

	test.each([
		['oAuth', 200, 'json'],
		['oAuth', 200, 'html'],
		['oAuth', 500, 'json'],
		['basicAuth', 200, 'json'],
		['basicAuth', 502, 'html'],
	] as const)(
		'%s, HTTP %d %s: unknown, and no secret in any item',
		async (auth, status, format) => {
			sandbox.injectFault(APPLIED);
			sandbox.injectFault({
				type: 'echoRequest',
				status,
				format,
				path: '/v2/customers/lookup/promotionData',
				times: 100,
			});
			const result = await run(sandbox, mobilesOf(customers(996, 2)), parametersFor('earn'), auth);
			expect(claimsOf(sandbox, result, 'earn')).toEqual(['unknown', 'unknown']);
			const output = JSON.stringify(result);
			expect(output).not.toMatch(JWT);
			for (const secret of secrets) expect(output).not.toContain(secret);
		},
	);
});

test.each([
	['Issue', 'earn', {}],
	['Revoke Issue', 'revokeEarn', { earnedIds: '1, 2' }],
] as const)(
	'%s: the lookup sends the customer’s identifier, source and program, nothing else of the item',
	async (_, operation, extra) => {
		const queries: string[][] = [];
		proxy.onLookup({ before: (query) => void queries.push([...query.keys()].sort()) });
		sandbox.injectFault({
			...NOT_APPLIED,
			...(operation === 'revokeEarn' ? { path: '/v2/promotion/bulk/revokeEnrolAndEarn' } : {}),
		});
		await throughProxy(
			[{ mobile: ` ${customers(998, 1)[0].mobile} ` }],
			parametersFor(operation, {}, extra),
		);
		expect(queries).toEqual([
			['identifierName', 'identifierValue', 'limit', 'offset', 'programs', 'source'],
		]);
	},
);

describe('a gateway’s answer while Capillary still works on the request', () => {
	test('a 500 without Capillary’s request id: not taken for Capillary’s own, so the lookup waits and finds the issue', async () => {
		const [customer] = customers(999, 1);
		proxy.onBulk({ status: 500, raw: 'Internal Server Error', forwardAfterMs: 300 });
		const result = await throughProxy(
			mobilesOf([customer]),
			parametersFor('earn', { resendVerifiedNotApplied: true }),
		);
		expect(claimsOf(sandbox, result, 'earn')).toEqual(['applied']);
		expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(1);
	});

	// Verification waits as long as the Timeout (at most 10 s): a request Capillary applies later than
	// that cannot be seen, and reads as not applied (the option's description says so).
	test.failing(
		'[cannot be avoided] Capillary applying the request after the wait: never not_applied',
		async () => {
			const [customer] = customers(999, 1);
			proxy.onBulk({ status: 502, raw: 'Bad Gateway', forwardAfterMs: 1500 });
			const result = await throughProxy(mobilesOf([customer]), parametersFor('earn'));
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(1);
			claimsOf(sandbox, result, 'earn');
		},
	);
});
