import type { IDataObject } from 'n8n-workflow';

import type { CustomerResult, FatalFailure } from '../helpers/types';
import { errorMessage } from '../helpers/errorMessage';
import { describePromotion, isPromotion } from './describePromotion';
import type { CustomerPromotions } from './fetchCustomerPromotions';
import { lookupFailure, unusable } from './lookupFailure';
import type { LookupRequest } from './readLookupCustomers';

export interface LookupResult {
	/** The item's fields: who was looked up, the filters given, and (on success) what was found. */
	fields: IDataObject;
	result: CustomerResult;
	fatal?: FatalFailure;
}

/**
 * The result of one customer's lookup. Success: the customer's promotions of the chosen program
 * and promotion (all, when none is chosen), each described for the output; Failed otherwise.
 */
export function lookupResult(customer: LookupRequest, found: CustomerPromotions): LookupResult {
	const fields = requestFields(customer);
	// A failed request's id is Capillary's too: its support asks for it.
	const id = found.requestId ?? (found.found ? undefined : failedRequestId(found));
	const requestId = id === undefined ? {} : { requestId: id };
	if (!found.found) {
		const { error, fatal } = lookupFailure(found);
		return { fields, result: { status: 'failed', error, ...requestId }, fatal };
	}
	const doubt = answerDoubt(customer, found);
	if (doubt) return { fields, result: { status: 'failed', error: unusable(doubt), ...requestId } };
	const { programId, promotion: chosen } = customer;
	const now = Date.now() + (found.clockOffsetMs ?? 0);
	const promotions: IDataObject[] = [];
	for (const promotion of found.promotions) {
		// `programs` was sent: this only drops what Capillary should have left out.
		const otherProgram = promotion.programId !== undefined && promotion.programId !== programId;
		if (programId !== undefined && otherProgram) continue;
		if (chosen && !isPromotion(promotion, chosen)) continue;
		const described = describePromotion(promotion, now);
		if (typeof described === 'string') {
			const error = unusable(`its answer could not be read: ${described}`);
			return { fields, result: { status: 'failed', error, ...requestId } };
		}
		promotions.push(described);
	}
	return {
		fields: {
			...fields,
			...(found.customerId === undefined ? {} : { customerId: found.customerId }),
			promotionCount: promotions.length,
			promotions,
		},
		result: { status: 'success', warnings: [], ...requestId },
	};
}

/** Why the answer cannot be taken as this customer's promotions, if it cannot. */
function answerDoubt(
	customer: LookupRequest,
	{ customerId, promotions }: Extract<CustomerPromotions, { found: true }>,
): string | undefined {
	if (customer.identifierName === 'id' && String(customerId) !== customer.identifierValue)
		return `Capillary answered for customer ${String(customerId)}, not for customer ${customer.identifierValue}`;
	const seen = new Set<number>();
	for (const { promotionId } of promotions) {
		if (seen.has(promotionId))
			return `its answer lists promotion ${promotionId} more than once: what the customer holds of it cannot be told`;
		seen.add(promotionId);
	}
	const chosen = customer.promotion;
	if (
		chosen &&
		'promoIdentifier' in chosen &&
		promotions.some((p) => p.promoIdentifier === undefined)
	)
		return 'its answer lists promotions without their identifier, so the promotion chosen by its identifier cannot be found among them';
	return undefined;
}

function failedRequestId({ response }: Extract<CustomerPromotions, { found: false }>) {
	return response?.type === 'http' ? response.requestId : undefined;
}

/** Who was looked up (the value as given, and as sent) and the filters given. */
export function requestFields(customer: LookupRequest): IDataObject {
	const { identifierName, identifierValue, givenValue, source, programId, promotion } = customer;
	return {
		identifierName,
		identifierValue: givenValue ?? identifierValue,
		identifierValueSent: identifierValue,
		source,
		...(programId === undefined ? {} : { programId }),
		...promotion,
	};
}

/** An item whose lookup never left, because the run stopped (cancelled, or a request failed for good). */
export function notLookedUp(
	customer: LookupRequest,
	stoppedBy: FatalFailure | undefined,
): LookupResult {
	const message = stoppedBy
		? `Not looked up, because the run stopped: ${stoppedBy.message}`
		: 'Not looked up: the run was cancelled';
	return {
		fields: requestFields(customer),
		result: {
			status: 'failed',
			error: {
				kind: 'request_failed',
				code: stoppedBy?.code ?? null,
				message,
				outcome: 'not_applied',
			},
		},
	};
}

/** A lookup that threw (a bug): its item is Failed, and the run stops. */
export function unexpectedFailure(customer: LookupRequest, error: unknown): LookupResult {
	const message = `The node failed unexpectedly while looking this customer up (${errorMessage(error)})`;
	return {
		fields: requestFields(customer),
		result: {
			status: 'failed',
			error: { kind: 'request_failed', code: null, message, outcome: 'not_applied' },
		},
		fatal: { code: null, message },
	};
}
