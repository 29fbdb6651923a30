import type { IDataObject } from 'n8n-workflow';

import { DEMO } from '../../test/sandbox';

type BulkAnswer =
	| { response?: Array<{ result?: { earnedId?: string }; errors?: unknown[] }> }
	| undefined;

/** Customers a bulk answer's body reports issued: entries with an earnedId and no errors. */
export function issuedIn(answer: unknown): number {
	return ((answer as BulkAnswer)?.response ?? []).filter(
		(entry) => entry.result?.earnedId !== undefined && (entry.errors ?? []).length === 0,
	).length;
}

/**
 * The body the node posts to Issue the bench's promotion (Direct Issue, by ID) to these mobiles,
 * as nodes/Capillary/transport/postBulkAction.ts builds it from the bench workflow's parameters.
 */
export function bulkEarnBody(mobiles: readonly string[]): IDataObject {
	const { programId, promotionId } = DEMO.promotions.birthday;
	return {
		type: 'CUSTOMER',
		bulkAction: 'EARN',
		promotionDetails: { programId, promotionId },
		identifierName: 'mobile',
		customers: mobiles.map((identifierValue) => ({ identifierValue, source: 'INSTORE' })),
	};
}

/**
 * What the references send: the node's bulk requests for the bench customers (Issue of the
 * Direct Issue promotion), `batchSize` mobiles each, `concurrency` at a time, through `post`
 * (which resolves with the answer's body). Resolves with how many customers were issued.
 */
export async function postInBatches(
	mobiles: string[],
	batchSize: number,
	concurrency: number,
	post: (body: IDataObject) => Promise<unknown>,
): Promise<number> {
	let next = 0;
	let issued = 0;
	const worker = async () => {
		while (next < mobiles.length) {
			// Awaited before the sum: `issued += await …` would add to the value read before the wait.
			const answer = await post(bulkEarnBody(mobiles.slice(next, (next += batchSize))));
			issued += issuedIn(answer);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return issued;
}
