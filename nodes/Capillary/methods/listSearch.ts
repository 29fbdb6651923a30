import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveConnection } from '../transport/resolveConnection';
import { describeListFailure } from './describeListFailure';
import { promotionLabel, type ListedPromotion } from './promotionLabel';
import { capillaryRequestWithRefresh } from '../transport';
import { ENDPOINTS } from '../transport/endpoints';
import type { Connection } from '../transport/types';

const TIMEOUT_MS = 30_000;
const PAGE_SIZE = 25;
/** Pages read per call while looking for the chosen program's promotions; the next call goes on. */
const PAGES_PER_CALL = 5;
/** Drafts and ended promotions cannot be enrolled in or issued. */
const LISTED_STATUSES = 'LIVE,ACTIVE,UPCOMING';

/** Loyalty programs (`GET v2/organization/programs`), by name or ID. */
export async function searchPrograms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await getJson(this, await connect(this), ENDPOINTS.programs, {});
	const programs = Array.isArray((body as { data?: unknown }).data)
		? ((body as { data: unknown[] }).data as Array<Record<string, unknown>>)
		: [];
	const results = programs
		.filter((p) => typeof p.programId === 'number' || typeof p.programId === 'string')
		.map((p) => ({
			name: `${String(p.programName ?? 'Program')} (${String(p.programId)})`,
			value: String(p.programId),
			description: stringOr(p.programDescription),
		}))
		.filter((item) => matches(item, filter));
	return { results };
}

/**
 * The chosen program's live, active and upcoming promotions (`GET v3/promotions`), each with its
 * type and status. Drafts carry promotionId 0 there and are left out: they cannot be sent.
 */
export async function searchPromotions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const programId = String(
		this.getCurrentNodeParameter('programId', { extractValue: true }) ?? '',
	).trim();
	if (!/^\d+$/.test(programId))
		throw new NodeOperationError(
			this.getNode(),
			'Choose the Program first: its promotions are listed here',
		);
	const connection = await connect(this);
	const results: INodeListSearchItems[] = [];
	let page = Number(paginationToken ?? 0);
	let more = true;
	for (let read = 0; read < PAGES_PER_CALL && more && results.length === 0; read++, page++) {
		const body = await getJson(this, connection, ENDPOINTS.promotions, {
			status: LISTED_STATUSES,
			page,
			size: PAGE_SIZE,
		});
		const listed = ((body as { data?: unknown }).data ?? []) as Array<{
			metadata?: ListedPromotion;
		}>;
		for (const { metadata } of Array.isArray(listed) ? listed : []) {
			if (!isListable(metadata, programId)) continue;
			const item = { name: promotionLabel(metadata), value: String(metadata.promotionId) };
			if (
				matches(item, filter) ||
				matches({ name: String(metadata.promoIdentifier ?? ''), value: '' }, filter)
			)
				results.push(item);
		}
		// Without a page count, a full page means there may be another.
		const totalPages = (body as { totalPages?: unknown }).totalPages;
		more =
			typeof totalPages === 'number'
				? page + 1 < totalPages
				: Array.isArray(listed) && listed.length === PAGE_SIZE;
	}
	return { results, paginationToken: more ? String(page) : undefined };
}

/** A sendable promotion of the program: not a draft (promotionId 0), and live, active or upcoming even if the server ignored the filter. */
function isListable(
	metadata: ListedPromotion | undefined,
	programId: string,
): metadata is ListedPromotion {
	return (
		metadata !== undefined &&
		String(metadata.programId) === programId &&
		Number(metadata.promotionId) > 0 &&
		LISTED_STATUSES.split(',').includes(String(metadata.status ?? '').toUpperCase())
	);
}

async function connect(context: ILoadOptionsFunctions): Promise<Connection> {
	const resolved = await resolveConnection(context, TIMEOUT_MS);
	if ('fatal' in resolved) throw new NodeOperationError(context.getNode(), resolved.fatal.message);
	return resolved.connection;
}

async function getJson(
	context: ILoadOptionsFunctions,
	connection: Connection,
	path: string,
	qs: Record<string, string | number>,
) {
	const response = await capillaryRequestWithRefresh(context, connection, {
		method: 'GET',
		path,
		qs,
	});
	const failure = describeListFailure(response);
	if (failure) throw new NodeOperationError(context.getNode(), failure);
	return (response as { body: unknown }).body ?? {};
}

function matches(item: { name: string; value: string }, filter?: string): boolean {
	const wanted = filter?.trim().toLowerCase();
	return !wanted || item.name.toLowerCase().includes(wanted) || item.value.includes(wanted);
}

function stringOr(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}
