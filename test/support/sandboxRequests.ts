/** Helpers for the sandbox's own tests: talk to it over loopback with Node's fetch. */
import { DEMO } from '../sandbox/index';
import type { IdentifierName } from '../sandbox/types';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

export interface BulkEntryJson {
	result?: {
		entityType: string;
		entityId: number;
		promotionId: number;
		programId: number;
		issualId?: string;
		earnedId?: string;
	};
	errors: { status: boolean; code: number; message: string }[];
	warnings: { status: boolean; code: number; message: string }[];
}

export interface BulkResponseJson {
	response: BulkEntryJson[];
	totalCount: number;
	failureCount: number;
}

export interface Answer<T = unknown> {
	status: number;
	requestId: string | null;
	headers: Headers;
	text: string;
	json: T;
}

export function basicHeaders(): Record<string, string> {
	return { Authorization: DEMO.basic.header, 'Content-Type': 'application/json' };
}

export interface BulkBodyOptions {
	bulkAction?: string;
	programId?: number;
	promotionId?: number;
	promoIdentifier?: string;
	identifierName?: IdentifierName | string;
	values: string[];
	source?: string;
}

export function bulkBody(options: BulkBodyOptions): Record<string, unknown> {
	const promotionDetails: Record<string, unknown> = {
		programId: options.programId ?? DEMO.programs.demoRewards,
	};
	if (options.promotionId !== undefined) promotionDetails.promotionId = options.promotionId;
	if (options.promoIdentifier !== undefined)
		promotionDetails.promoIdentifier = options.promoIdentifier;
	return {
		type: 'CUSTOMER',
		bulkAction: options.bulkAction ?? 'EARN',
		promotionDetails,
		identifierName: options.identifierName ?? 'id',
		customers: options.values.map((identifierValue) => ({
			identifierValue,
			source: options.source ?? 'INSTORE',
		})),
	};
}

/** Customer ids (as strings) of rule customers `from` .. `from + count - 1`. */
export function customerIds(from: number, count: number): string[] {
	return Array.from({ length: count }, (_, i) => String(DEMO.customer(from + i).id));
}

export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
	const response = await fetch(url, init);
	const text = await response.text();
	let json: unknown;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = undefined;
	}
	return {
		status: response.status,
		requestId: response.headers.get('x-cap-requestid'),
		headers: response.headers,
		text,
		json: json as T,
	};
}

export function postBulk(
	baseUrl: string,
	body: unknown,
	headers: Record<string, string> = basicHeaders(),
	signal?: AbortSignal,
): Promise<Answer<BulkResponseJson>> {
	return call<BulkResponseJson>(baseUrl + ENDPOINTS.bulkEnrolAndEarn, {
		method: 'POST',
		headers,
		body: JSON.stringify(body),
		signal,
	});
}

export function getJson<T = unknown>(
	baseUrl: string,
	path: string,
	headers: Record<string, string> = basicHeaders(),
): Promise<Answer<T>> {
	return call<T>(baseUrl + path, { headers });
}

export async function generateToken(
	baseUrl: string,
	key: string = DEMO.oauth.clientKey,
	secret: string = DEMO.oauth.clientSecret,
): Promise<Answer<{ data: { accessToken: string; ttlSeconds: number } | null; errors: unknown }>> {
	return call(baseUrl + ENDPOINTS.sessionGenerate, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ key, secret }),
	});
}

export function oauthHeaders(token: string): Record<string, string> {
	return { 'X-CAP-API-OAUTH-TOKEN': token, 'Content-Type': 'application/json' };
}

/** One element of a revokeEnrolAndEarn response[], as the docs' examples show it. */
export interface RevokeEntryJson {
	result?: {
		entityType: string;
		entityId: number;
		promotionId?: number;
		promoIdentifier?: string;
		programId: number;
		issualId?: string;
		revokedIssualId?: number;
		revokedEarnIds?: number[];
	};
	errors: { status: boolean; code: number; message: string }[];
	warnings: unknown[];
}

export interface RevokeResponseJson {
	response: RevokeEntryJson[];
	totalCount: number;
	failureCount: number;
}

export function postRevoke(
	baseUrl: string,
	body: unknown,
	headers: Record<string, string> = basicHeaders(),
): Promise<Answer<RevokeResponseJson>> {
	return call<RevokeResponseJson>(baseUrl + ENDPOINTS.bulkRevokeEnrolAndEarn, {
		method: 'POST',
		headers,
		body: JSON.stringify(body),
	});
}

/** One issue (backend earn) in a promotionData timeline. */
export interface IssuedDetailJson {
	issualId: number;
	issualDate: string;
	issualExpiryDate: string;
	issualEventLogId: number;
	redeemedCount: number;
}

export interface TimelineJson {
	enrollmentDate: string;
	enrollmentExpiryDate: string;
	enrollmentId: number;
	enrollEventLogId: number;
	issuedDetails: IssuedDetailJson[];
}

export interface PromotionDataJson {
	pageDetails: { pageNumber: number; pageSize: number; totalEntries: number; pageCount: number };
	customerId: number;
	promotions: Array<{
		promotionId: number;
		programId: number;
		identifier: string | null;
		pointsOfferType: string;
		active: boolean;
		promotionRestriction: Record<string, Array<Record<string, string>>>;
		customerPromotionTimelines?: TimelineJson[];
		[field: string]: unknown;
	}>;
	warnings: unknown[];
}

/** GET promotionData with these query parameters (identifierName id and source INSTORE unless given). */
export function getPromotionData(
	baseUrl: string,
	query: Record<string, string | number>,
	headers: Record<string, string> = basicHeaders(),
	signal?: AbortSignal,
): Promise<Answer<PromotionDataJson>> {
	const params = new URLSearchParams({ identifierName: 'id', source: 'INSTORE' });
	for (const [name, value] of Object.entries(query)) params.set(name, String(value));
	return call<PromotionDataJson>(`${baseUrl}${ENDPOINTS.customerPromotionData}?${params}`, {
		headers,
		signal,
	});
}
