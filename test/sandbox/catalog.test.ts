import { DEMO } from './index';
import { generateToken, getJson, oauthHeaders } from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

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
	const sandbox = useSandbox(undefined, { resetAfterEach: false });

	it('lists the programs', async () => {
		const answer = await getJson<{
			data: { programId: number; programName: string; programDescription: string }[];
			errors: unknown[];
		}>(sandbox.url, ENDPOINTS.programs);
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
		for (const path of [ENDPOINTS.programs, ENDPOINTS.promotions]) {
			expect((await getJson(sandbox.url, path, {})).status).toBe(401);
		}
		const token = (await generateToken(sandbox.url)).json.data?.accessToken ?? '';
		expect((await getJson(sandbox.url, ENDPOINTS.promotions, oauthHeaders(token))).status).toBe(
			200,
		);
	});

	it('pages v3 promotions filtered by status and keeps the draft out', async () => {
		const metadata: V3Metadata[] = [];
		let totalPages = 1;
		for (let page = 0; page < totalPages; page += 1) {
			const answer = await getJson<V3Answer>(
				sandbox.url,
				`${ENDPOINTS.promotions}?status=LIVE,ACTIVE,UPCOMING&page=${page}&size=10`,
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
		const answer = await getJson<V3Answer>(sandbox.url, `${ENDPOINTS.promotions}?status=DRAFT`);
		expect(answer.json.data.map((item) => item.metadata)).toEqual([
			expect.objectContaining({
				status: 'DRAFT',
				promotionId: 0,
				promoIdentifier: DEMO.promotions.draft.promoIdentifier,
			}),
		]);
		const unfiltered = await getJson<V3Answer>(sandbox.url, `${ENDPOINTS.promotions}?size=100`);
		expect(unfiltered.json.data.some((item) => item.metadata.promotionId === 0)).toBe(true);
		expect(unfiltered.json.totalElements).toBe(unfiltered.json.data.length);
	});

	it('defaults v3 paging to page 0 of 10', async () => {
		const answer = await getJson<V3Answer>(sandbox.url, ENDPOINTS.promotions);
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
