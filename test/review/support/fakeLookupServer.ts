/**
 * A tiny HTTP server on loopback for the answers the sandbox cannot give: each lookup
 * (GET v2/customers/lookup/promotionData) is answered by the test's own function, given the query
 * and the request's index. Basic Auth only (no token path), so the node talks to nothing else.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { DEMO } from '../../sandbox';
import type { CapillarySandbox } from '../../sandbox';
import { sandboxCredentials } from '../../support/engine/capillaryWorkflow';
import type { TestCredentialsHelper } from '../../support/engine/credentialsHelper';

export interface LookupCall {
	query: URLSearchParams;
	/** 0 for the first lookup request this server got, and so on. */
	index: number;
	authorization?: string;
}

export type FakeAnswer =
	| { status?: number; body: unknown; headers?: Record<string, string> }
	| 'hang'
	| 'reset';

export interface FakeLookupServer {
	url: string;
	calls: LookupCall[];
	answer: (call: LookupCall) => FakeAnswer;
	credentials(): TestCredentialsHelper;
	close(): Promise<void>;
}

/** Starts a fake lookup server for the test file (beforeAll), closes it afterwards. */
export function useFakeLookupServer(): FakeLookupServer {
	const sockets = new Set<import('net').Socket>();
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const call: LookupCall = {
			query: url.searchParams,
			index: fake.calls.length,
			authorization: request.headers.authorization,
		};
		fake.calls.push(call);
		const answer = fake.answer(call);
		if (answer === 'hang') return;
		if (answer === 'reset') {
			request.socket.destroy();
			return;
		}
		const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
		response.writeHead(answer.status ?? 200, {
			'Content-Type': typeof answer.body === 'string' ? 'text/html' : 'application/json',
			'X-Cap-Requestid': `fake-${call.index}`,
			...answer.headers,
		});
		response.end(text);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	const fake: FakeLookupServer = {
		url: '',
		calls: [],
		answer: () => ({ status: 500, body: { errors: [{ code: 500, message: 'no answer set' }] } }),
		credentials: () =>
			sandboxCredentials({ url: fake.url } as CapillarySandbox, {
				basicAuth: { username: DEMO.basic.username, password: DEMO.basic.password },
			}),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	beforeAll(async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterEach(() => {
		fake.calls.length = 0;
		for (const socket of sockets) socket.destroy();
	});
	afterAll(async () => await fake.close());
	return fake;
}

/** One promotion as the docs' examples show it; `timelines: undefined` leaves the key out. */
export function promotion(
	promotionId: number,
	options: { type?: string; timelines?: unknown[]; [key: string]: unknown } = {},
): Record<string, unknown> {
	const { type = 'LOYALTY', timelines, ...extra } = options;
	const listed = 'timelines' in options ? timelines : [];
	return {
		promotionId,
		promotionName: `Promotion ${promotionId}`,
		programId: 469,
		startDate: '2026-01-01T00:00:00.000Z',
		endDate: '2026-12-31T23:59:59.000Z',
		identifier: `P${promotionId}`,
		active: true,
		pointsOfferType: type,
		...(listed === undefined ? {} : { customerPromotionTimelines: listed }),
		...extra,
	};
}

/** One timeline entry (an enrolment) with its issues. */
export function timeline(
	enrollmentId: number,
	issues: Array<{ issualId: unknown; issualDate?: string; [key: string]: unknown }> = [],
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		enrollmentDate: '2026-03-02T10:15:00.000Z',
		enrollmentExpiryDate: '2026-12-31T23:59:59.000Z',
		enrollmentId,
		enrollEventLogId: 12413589,
		issuedDetails: issues.map((issue) => ({
			issualDate: '2026-03-02T10:15:01.000Z',
			issualExpiryDate: '2026-12-31T23:59:59.000Z',
			issualEventLogId: 12413647,
			redeemedCount: 0,
			...issue,
		})),
		...extra,
	};
}

/** A 200 page of promotionData. */
export function page(
	customerId: number | undefined,
	promotions: unknown[],
	totalEntries = promotions.length,
	extra: Record<string, unknown> = {},
): FakeAnswer {
	return {
		body: {
			pageDetails: { pageNumber: 0, pageSize: 100, totalEntries, pageCount: 1 },
			...(customerId === undefined ? {} : { customerId }),
			promotions,
			warnings: [],
			...extra,
		},
	};
}

/** Promotions `from`..`to` (inclusive), Direct Issue, none held. */
export function promotionRange(from: number, to: number): Record<string, unknown>[] {
	return Array.from({ length: to - from + 1 }, (_, k) => promotion(from + k));
}
