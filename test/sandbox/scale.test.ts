import { DEMO } from './index';
import { bulkBody, customerIds, postBulk } from '../support/sandboxRequests';
import { useSandbox } from '../support/useSandbox';

const REQUESTS = 1000;
const BATCH = 100;
const PARALLEL = 8;

describe('benchmark-sized runs', () => {
	const sandbox = useSandbox(undefined, { resetAfterEach: false });

	it('applies 1,000 requests of 100 distinct customers each (100,000 customers)', async () => {
		const statuses: number[] = [];
		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < REQUESTS) {
				const index = next++;
				const body = bulkBody({
					promotionId: DEMO.promotions.goldDirect.promotionId,
					programId: 2714,
					values: customerIds(index * BATCH, BATCH),
				});
				statuses[index] = (await postBulk(sandbox.url, body)).status;
			}
		};
		await Promise.all(Array.from({ length: PARALLEL }, worker));

		expect(statuses.filter((status) => status === 200)).toHaveLength(REQUESTS);
		expect(sandbox.ledger).toHaveLength(REQUESTS * BATCH);
		expect(new Set(sandbox.ledger.map((entry) => entry.customerId)).size).toBe(REQUESTS * BATCH);
		expect(new Set(sandbox.ledger.map((entry) => entry.earnedId)).size).toBe(REQUESTS * BATCH);
		expect(sandbox.ledger.map((entry) => entry.seq)).toEqual(
			Array.from({ length: REQUESTS * BATCH }, (_, i) => i + 1),
		);
		expect(sandbox.requests.filter((request) => request.customerCount === BATCH)).toHaveLength(
			REQUESTS,
		);
	});
});
