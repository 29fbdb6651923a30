import { DEMO, PROMOTIONS } from '../sandbox';
import { fetchCustomerPromotions } from '../../nodes/Capillary/lookup/fetchCustomerPromotions';
import { runConnection } from '../../nodes/Capillary/transport/runConnection';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';
import type { Sender } from '../../nodes/Capillary/transport/retry/sendWithRetries';
import { lookupParameters, sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { capillaryContext } from '../support/engine/executeNode';
import { useSandbox } from '../support/useSandbox';

// The sandbox holds 40 published promotions, fewer than one page of 100: paging is tested here
// with smaller pages, against the sandbox, through a real execution context.
const sandbox = useSandbox();
const published = PROMOTIONS.filter((promotion) => promotion.status !== 'DRAFT');
const customer = {
	identifierName: 'id' as const,
	identifierValue: String(DEMO.customer(7).id),
	source: 'INSTORE',
};
const lookups = () => sandbox.requests.filter((r) => r.path === ENDPOINTS.customerPromotionData);

async function lookUp(pageSize: number, programId?: number, maxRetries = 0) {
	const context = capillaryContext(sandboxCredentials(sandbox), {
		items: [{}],
		parameters: lookupParameters(),
	});
	const opened = await runConnection(context, {
		timeout: 10_000,
		maxRequestsPerMinute: 0,
		parallelRequests: 1,
	}).open();
	if ('fatal' in opened) throw new Error(opened.fatal.message);
	const sender: Sender = {
		...opened,
		retry: { maxRetries, maxRetryWait: 0, retryUnknownOutcome: false },
		shouldStop: () => false,
	};
	return await fetchCustomerPromotions(context, sender, { ...customer, programId }, pageSize);
}

test.each([
	[7, 6],
	[8, 5],
	[100, 1],
])('pages of %d: every promotion once, in order, in %d requests', async (pageSize, requests) => {
	const found = await lookUp(pageSize);
	expect(found).toMatchObject({ found: true, customerId: DEMO.customer(7).id });
	expect(found.found && found.promotions.map((p) => p.promotionId)).toEqual(
		published.map((p) => p.promotionId),
	);
	expect(lookups()).toHaveLength(requests);
});

test('a program is sent as the programs filter', async () => {
	const found = await lookUp(100, DEMO.programs.goldClub);
	expect(found.found && found.promotions.map((p) => p.programId)).toEqual([2714, 2714]);
});

test('a page that cannot be read fails the whole lookup, saying why', async () => {
	sandbox.injectFault({ type: 'latency', ms: 0, path: ENDPOINTS.customerPromotionData });
	sandbox.injectFault({
		type: 'strip',
		fields: ['totalEntries'],
		path: ENDPOINTS.customerPromotionData,
	});
	expect(await lookUp(10)).toMatchObject({
		found: false,
		reason: 'its answer could not be read: pageDetails.totalEntries is missing',
	});
	expect(lookups()).toHaveLength(2);
});

test('a lookup changes nothing: a 5xx is retried, and so is a reset', async () => {
	sandbox.injectFault({ type: 'status', status: 500, path: ENDPOINTS.customerPromotionData });
	sandbox.injectFault({
		type: 'reset',
		afterApplying: false,
		path: ENDPOINTS.customerPromotionData,
	});
	expect(await lookUp(100, undefined, 2)).toMatchObject({ found: true });
	expect(lookups().map((r) => r.status)).toEqual([500, null, 200]);
});

test('a redirect is not retried: every request would meet it', async () => {
	sandbox.injectFault({
		type: 'status',
		status: 302,
		path: ENDPOINTS.customerPromotionData,
		times: 3,
	});
	const found = await lookUp(100, undefined, 2);
	expect(found).toMatchObject({ found: false, response: { type: 'http', statusCode: 302 } });
	expect(lookups()).toHaveLength(1);
});
