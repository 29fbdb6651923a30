import { DEMO, startSandbox, type CapillarySandbox } from './index';
import { generateToken, getJson, oauthHeaders } from './testSupport';

const LIST_PATH = '/api_gateway/loyalty/v1/programs/promotions/list';

interface ListItem {
	id: number;
	programId: number;
	promotionStatus: string;
	pointsOfferType: string;
	promotionRestrictions: { restrictions: { earnRestrictions: { name: string; value: number }[] } };
}
interface ListAnswer {
	status: { code: number; message: string };
	data: ListItem[] | null;
	pageDetails: {
		pageNumber: number;
		pageSize: number;
		totalEntries: number;
		pageCount: number;
	} | null;
}
interface V3Metadata {
	name: string;
	programId: number;
	promotionType: string;
	status: string;
	promoIdentifier: string | null;
	promotionId: number;
}
interface V3Answer {
	data: { id: string; metadata: V3Metadata }[];
	page: number;
	size: number;
	totalElements: number;
	totalPages: number;
}

describe('catalog endpoints', () => {
	let sandbox: CapillarySandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('lists the programs', async () => {
		const answer = await getJson<{
			data: { programId: number; programName: string; programDescription: string }[];
			errors: unknown[];
		}>(sandbox.url, '/v2/organization/programs');
		expect(answer.status).toBe(200);
		expect(answer.json.errors).toEqual([]);
		expect(answer.json.data).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					programId: 469,
					programName: 'Demo Rewards',
					programDescription: expect.any(String),
				}),
				expect.objectContaining({ programId: 2714, programName: 'Gold Club' }),
			]),
		);
	});

	it('requires authentication on every catalog endpoint', async () => {
		for (const path of [
			'/v2/organization/programs',
			`${LIST_PATH}?limit=5&offset=0`,
			'/v3/promotions',
		]) {
			expect((await getJson(sandbox.url, path, {})).status).toBe(401);
		}
		const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
		expect((await getJson(sandbox.url, '/v3/promotions', oauthHeaders(token))).status).toBe(200);
	});

	it('pages the promotions list of a program without gaps or repeats', async () => {
		const seen: number[] = [];
		let pageCount = 1;
		for (let offset = 0; offset < pageCount; offset += 1) {
			const answer = await getJson<ListAnswer>(
				sandbox.url,
				`${LIST_PATH}?limit=10&offset=${offset}&program=469`,
			);
			expect(answer.status).toBe(200);
			expect(answer.json.pageDetails).toMatchObject({ pageNumber: offset, pageSize: 10 });
			pageCount = answer.json.pageDetails?.pageCount ?? 0;
			seen.push(...(answer.json.data ?? []).map((item) => item.id));
		}
		expect(pageCount).toBeGreaterThanOrEqual(4);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).toHaveLength(
			(await getJson<ListAnswer>(sandbox.url, `${LIST_PATH}?limit=1&offset=0&program=469`)).json
				.pageDetails?.totalEntries ?? -1,
		);
		expect(seen).toEqual(expect.arrayContaining([57099, 69218, 57100]));
		expect(seen).not.toContain(0);
		expect(seen).not.toContain(202188);
	});

	it('tells Enrol & Issue from Direct Issue by pointsOfferType and shows the issue limit', async () => {
		const answer = await getJson<ListAnswer>(sandbox.url, `${LIST_PATH}?limit=100&offset=0`);
		const byId = new Map((answer.json.data ?? []).map((item) => [item.id, item]));
		expect(byId.get(57099)?.pointsOfferType).toBe('LOYALTY_EARNING');
		expect(byId.get(69218)?.pointsOfferType).toBe('LOYALTY');
		expect(byId.get(202188)?.pointsOfferType).toBe('LOYALTY_EARNING');
		expect(byId.get(202090)?.pointsOfferType).toBe('LOYALTY');
		expect(byId.get(57102)?.pointsOfferType).toBe('GENERIC');
		expect(byId.get(69218)?.promotionRestrictions.restrictions.earnRestrictions[0]).toMatchObject({
			name: 'MAX_NUMBER_OF_EARNS_PER_CUSTOMER',
			value: 3,
		});
	});

	it('filters the promotions list by status', async () => {
		const answer = await getJson<ListAnswer>(
			sandbox.url,
			`${LIST_PATH}?limit=100&offset=0&status=INACTIVE`,
		);
		expect((answer.json.data ?? []).map((item) => item.id)).toEqual([57100]);
	});

	it('refuses a promotions list without limit/offset (4054) or with an unknown program (2010)', async () => {
		const missing = await getJson<ListAnswer>(sandbox.url, `${LIST_PATH}?limit=10`);
		expect(missing.status).toBe(400);
		expect(missing.json.status.code).toBe(4054);
		const unknown = await getJson<ListAnswer>(
			sandbox.url,
			`${LIST_PATH}?limit=10&offset=0&program=999`,
		);
		expect(unknown.json.status.code).toBe(2010);
	});

	it('pages v3 promotions filtered by status and keeps the draft out', async () => {
		const metadata: V3Metadata[] = [];
		let totalPages = 1;
		for (let page = 0; page < totalPages; page += 1) {
			const answer = await getJson<V3Answer>(
				sandbox.url,
				`/v3/promotions?status=LIVE,ACTIVE,UPCOMING&page=${page}&size=10`,
			);
			expect(answer.json).toMatchObject({ page, size: 10 });
			totalPages = answer.json.totalPages;
			metadata.push(...answer.json.data.map((item) => item.metadata));
		}
		expect(totalPages).toBeGreaterThanOrEqual(4);
		expect(metadata.every((item) => ['LIVE', 'UPCOMING'].includes(item.status))).toBe(true);
		expect(metadata.find((item) => item.promotionId === 57099)).toMatchObject({
			name: 'Welcome 10',
			programId: 469,
			promotionType: 'LOYALTY_EARNING',
			promoIdentifier: 'WELCOME10',
		});
		expect(metadata.some((item) => item.promotionId === 57101 && item.status === 'UPCOMING')).toBe(
			true,
		);
		expect(metadata.some((item) => item.promotionId === 0)).toBe(false);
	});

	it('shows the draft with promotionId 0 when drafts are asked for', async () => {
		const answer = await getJson<V3Answer>(sandbox.url, '/v3/promotions?status=DRAFT');
		expect(answer.json.data.map((item) => item.metadata)).toEqual([
			expect.objectContaining({
				status: 'DRAFT',
				promotionId: 0,
				promoIdentifier: DEMO.promotions.draft.promoIdentifier,
			}),
		]);
		const unfiltered = await getJson<V3Answer>(sandbox.url, '/v3/promotions?size=100');
		expect(unfiltered.json.data.some((item) => item.metadata.promotionId === 0)).toBe(true);
		expect(unfiltered.json.totalElements).toBe(unfiltered.json.data.length);
	});

	it('defaults v3 paging to page 0 of 10', async () => {
		const answer = await getJson<V3Answer>(sandbox.url, '/v3/promotions');
		expect(answer.json).toMatchObject({ page: 0, size: 10 });
		expect(answer.json.data).toHaveLength(10);
	});

	it('looks customers up', async () => {
		const customer = DEMO.customer(42);
		const found = await getJson<{ id: number }>(
			sandbox.url,
			`/v2/customers/lookup?source=INSTORE&identifierName=mobile&identifierValue=${customer.mobile}`,
		);
		expect(found.status).toBe(200);
		expect(found.json.id).toBe(customer.id);
		const missing = await getJson<{ errors: { code: number }[] }>(
			sandbox.url,
			`/v2/customers/lookup?source=INSTORE&identifierName=id&identifierValue=${DEMO.unknownCustomer.id}`,
		);
		expect(missing.json.errors[0].code).toBe(8015);
	});
});
