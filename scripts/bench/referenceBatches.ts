import type { IDataObject } from 'n8n-workflow';

import { DEMO } from '../../test/sandbox';

type BulkAnswer = { response?: Array<{ result?: { earnedId?: string } }> } | undefined;

/**
 * What both references send: the node's bulk requests for the bench customers (Issue of the
 * Direct Issue promotion), `batchSize` mobiles each, `concurrency` at a time, through `post`
 * (which resolves with the answer's body). Resolves with how many customers were issued.
 */
export async function postInBatches(
	mobiles: string[],
	batchSize: number,
	concurrency: number,
	post: (body: IDataObject) => Promise<unknown>,
): Promise<number> {
	const { programId, promotionId } = DEMO.promotions.birthday;
	let next = 0;
	let issued = 0;
	const worker = async () => {
		while (next < mobiles.length) {
			const customers = mobiles
				.slice(next, (next += batchSize))
				.map((identifierValue) => ({ identifierValue, source: 'INSTORE' }));
			const answer = (await post({
				type: 'CUSTOMER',
				bulkAction: 'EARN',
				promotionDetails: { programId, promotionId },
				identifierName: 'mobile',
				customers,
			})) as BulkAnswer;
			issued += (answer?.response ?? []).filter(
				(entry) => entry.result?.earnedId !== undefined,
			).length;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return issued;
}
