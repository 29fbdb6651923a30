import type { IExecuteFunctions } from 'n8n-workflow';

import type { IdentifierName } from '../helpers/types';
import { getCustomerPromotionData } from '../transport/customerPromotionData';
import type { CapillaryResponse } from '../transport/types';
import { sendWithRetries, type Sender } from '../transport/retry/sendWithRetries';
import type { RetryDecision } from '../transport/retry/retryDecision';
import { classifyFailure, firstApiError } from '../results/classifyFailure';
import { readPromotionDataPage, type LookupPromotion } from './readPromotionData';
import { steadyNow } from '../verification/steadyClock';

/** Capillary's largest page. */
const PAGE_SIZE = 100;
/** A customer with more promotions than this is not paged further (a hostile total must not loop). */
const MAX_PAGES = 50;

export interface CustomerToLookUp {
	identifierName: IdentifierName;
	identifierValue: string;
	source: string;
	programId?: number;
}

export type CustomerPromotions =
	| {
			found: true;
			customerId?: number;
			promotions: LookupPromotion[];
			requestId?: string;
			/**
			 * How far Capillary's clock is at least ahead of n8n's steady clock (verification/steadyClock;
			 * ms, negative: behind), from the last page's Date header: the server wrote it before the
			 * answer arrived. Absent without one.
			 */
			clockOffsetMs?: number;
			/** That Date header, in ms on Capillary's clock: nothing it lists can be dated later. */
			serverDateMs?: number;
	  }
	/** `response`: the failed request, when one failed; `reason`: what could not be read otherwise. */
	| { found: false; reason: string; response?: CapillaryResponse; requestId?: string };

/**
 * Every promotion of one customer (of one program, when given), paged to the end. A read changes
 * nothing, so every failure that may pass later is retried (within Max Retries), the "unknown"
 * ones too. The pages must agree with each other and add up to the total they state.
 * `pageSize` (at most 100) is Capillary's largest page unless a test asks for smaller ones.
 */
export async function fetchCustomerPromotions(
	context: IExecuteFunctions,
	sender: Sender,
	customer: CustomerToLookUp,
	pageSize = PAGE_SIZE,
): Promise<CustomerPromotions> {
	const promotions: LookupPromotion[] = [];
	let customerId: number | undefined;
	let totalEntries: number | undefined;
	let requestId: string | undefined;
	// Only these go into the query: a caller may hand over a whole CustomerRequest.
	const { identifierName, identifierValue, source, programId } = customer;
	for (let page = 0; page < MAX_PAGES; page++) {
		const offset = page * pageSize;
		const { response, retries } = await sendWithRetries(
			sender,
			(options) =>
				getCustomerPromotionData(
					context,
					sender.connection,
					{ identifierName, identifierValue, source, programId, offset, limit: pageSize },
					options,
				),
			lookupRetryDecision,
		);
		const receivedAt = steadyNow();
		if (response.type !== 'http' || response.statusCode < 200 || response.statusCode >= 300)
			return { found: false, reason: failedLookup(response, retries), response };
		requestId = response.requestId;
		// A 2xx that carries Capillary's errors[] is its refusal, whatever else it holds.
		if (firstApiError(response.body))
			return { found: false, reason: 'Capillary answered with an error', response };
		const read = readPromotionDataPage(response.body);
		if ('unreadable' in read)
			return {
				found: false,
				reason: `its answer could not be read: ${read.unreadable}`,
				requestId,
			};
		if (page > 0 && read.customerId !== customerId)
			return { found: false, reason: 'its pages name different customers', requestId };
		if (page > 0 && read.totalEntries !== totalEntries)
			return {
				found: false,
				reason: `its pages state different totals (${totalEntries}, then ${read.totalEntries})`,
				requestId,
			};
		customerId = read.customerId;
		totalEntries = read.totalEntries;
		promotions.push(...read.promotions);
		if (promotions.length === read.totalEntries)
			return {
				found: true,
				customerId,
				promotions,
				requestId,
				...serverClock(response, receivedAt),
			};
		if (read.promotions.length === 0 || promotions.length > read.totalEntries)
			return {
				found: false,
				reason: `its pages hold ${promotions.length} promotions, not the ${read.totalEntries} it states`,
				requestId,
			};
	}
	return {
		found: false,
		reason: `the customer has more than ${MAX_PAGES * pageSize} promotions`,
		requestId,
	};
}

/**
 * A lookup is safe to repeat: what may pass later is retried, whatever the bulk calls' rules. A
 * failure that every request would meet (a redirect, say) is not: it would only fail again.
 */
export function lookupRetryDecision(response: CapillaryResponse): RetryDecision {
	if (response.type === 'http' && response.statusCode >= 200 && response.statusCode < 300)
		return 'done';
	if (response.type === 'notSent') return response.retryable ? 'retry' : 'done';
	const failure = classifyFailure(response);
	if (failure.transient) return 'retry';
	return failure.error.outcome === 'unknown' && !failure.fatal ? 'retry' : 'done';
}

/** What became of a lookup request that got no answer to read (credentials are redacted from answers). */
function failedLookup(response: CapillaryResponse, retries: number): string {
	const after = retries > 0 ? ` (after ${retries} ${retries === 1 ? 'retry' : 'retries'})` : '';
	if (response.type === 'network') return `no answer (${response.message})${after}`;
	if (response.type === 'notSent') return `${response.message}${after}`;
	const { statusCode } = response;
	const redirect =
		statusCode >= 300 && statusCode < 400 ? ', a redirect, which is not followed' : '';
	return `it answered HTTP ${statusCode}${redirect}${after}`;
}

/**
 * The server's Date, and the Date minus the arrival time (`receivedAt`, on the steady clock a bulk
 * request's sentAt is measured by): a lower bound of Capillary's clock minus that one. Neither
 * without a readable Date header.
 */
function serverClock(
	response: CapillaryResponse,
	receivedAt: number,
): { clockOffsetMs?: number; serverDateMs?: number } {
	if (response.type !== 'http' || !response.serverDate) return {};
	const serverMs = Date.parse(response.serverDate);
	return Number.isFinite(serverMs)
		? { clockOffsetMs: serverMs - receivedAt, serverDateMs: serverMs }
		: {};
}
