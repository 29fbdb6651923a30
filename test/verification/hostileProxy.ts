/**
 * A loopback proxy in front of the sandbox that passes every request through (so the ledger stays
 * the truth) and lets a test rewrite the lookup's answers (`GET v2/customers/lookup/promotionData`):
 * its status, headers (Date) and body, or act before it answers. A hostile server, or a broken
 * cache or gateway, on the path the verification trusts.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import type { CapillarySandbox } from '../sandbox';
import { sandboxCredentials } from '../support/engine/capillaryWorkflow';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

export interface LookupAnswer {
	status: number;
	headers: Record<string, string>;
	/** The JSON body (undefined when it is not JSON), or `raw` text to send instead. */
	body?: unknown;
	raw?: string;
}

/** What the test makes of one lookup: the query sent, and the sandbox's own answer. */
export type LookupHook = (
	query: URLSearchParams,
	answer: LookupAnswer,
) => LookupAnswer | Promise<LookupAnswer>;

export interface LookupHooks {
	/** Runs before the lookup is forwarded: may change its query, or act on the sandbox first. */
	before?: (query: URLSearchParams) => void | Promise<void>;
	/** Rewrites the sandbox's answer. */
	answer?: LookupHook;
}

/**
 * A gateway that answers a bulk request at once, without Capillary's X-Cap-Requestid, and hands it
 * to Capillary (the sandbox) only `forwardAfterMs` later: Capillary still working on it.
 */
export interface GatewayAnswer {
	status: number;
	raw: string;
	forwardAfterMs: number;
}

export interface HostileProxy {
	credentials(): ReturnType<typeof sandboxCredentials>;
	/** The next bulk requests (until the test ends) meet this gateway. */
	onBulk(answer: GatewayAnswer): void;
	/** Hooks on every lookup until the test ends (a function: `answer`). */
	onLookup(hooks: LookupHooks | LookupHook): void;
	readonly url: string;
}

/** A proxy for `sandbox` for the test file (beforeAll), hooks cleared after each test. */
export function useHostileProxy(sandbox: CapillarySandbox): HostileProxy {
	let server: http.Server | undefined;
	let url = '';
	let hooks: LookupHooks = {};
	let gateway: GatewayAnswer | undefined;
	const late = new Set<ReturnType<typeof setTimeout>>();
	beforeAll(async () => {
		server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', async () => {
				const target = new URL(request.url ?? '/', sandbox.url);
				const isLookup = target.pathname === ENDPOINTS.customerPromotionData;
				const hook = isLookup ? hooks.answer : undefined;
				if (isLookup) await hooks.before?.(target.searchParams);
				const headers = { ...request.headers };
				delete headers.host;
				if (gateway && target.pathname.includes('/bulk/')) {
					const { status, raw, forwardAfterMs } = gateway;
					response.writeHead(status, { 'content-type': 'text/plain' });
					response.end(raw);
					const timer = setTimeout(() => {
						late.delete(timer);
						const forward = http.request(target, { method: request.method, headers });
						forward.on('error', () => undefined);
						forward.end(Buffer.concat(chunks));
					}, forwardAfterMs);
					late.add(timer);
					return;
				}
				const forward = http.request(target, { method: request.method, headers }, (answer) => {
					if (!hook) {
						response.writeHead(answer.statusCode ?? 502, answer.headers);
						answer.pipe(response);
						return;
					}
					const parts: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => parts.push(chunk));
					answer.on('end', () => {
						void rewrite(hook, target.searchParams, answer, Buffer.concat(parts), response);
					});
				});
				forward.on('error', () => response.destroy());
				// The client gave up (a Timeout): so does the proxy, as a gateway would.
				response.on('close', () => forward.destroy());
				forward.end(Buffer.concat(chunks));
			});
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
	});
	afterEach(() => {
		hooks = {};
		gateway = undefined;
		late.forEach((timer) => clearTimeout(timer));
		late.clear();
	});
	afterAll(async () => {
		server?.closeAllConnections();
		await new Promise((resolve) => server?.close(resolve));
	});

	async function rewrite(
		hook: LookupHook,
		query: URLSearchParams,
		answer: http.IncomingMessage,
		bytes: Buffer,
		response: http.ServerResponse,
	): Promise<void> {
		const text = bytes.toString('utf8');
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			body = undefined;
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(answer.headers))
			if (typeof value === 'string' && name !== 'content-length' && name !== 'transfer-encoding')
				headers[name] = value;
		const out = await hook(query, { status: answer.statusCode ?? 502, headers, body });
		const payload = out.raw ?? (out.body === undefined ? text : JSON.stringify(out.body));
		// Node adds a Date header of its own unless told not to: the answer's headers say which.
		response.sendDate = false;
		response.writeHead(out.status, {
			...out.headers,
			'content-length': Buffer.byteLength(payload),
		});
		response.end(payload);
	}

	return {
		credentials: () => sandboxCredentials({ url } as CapillarySandbox),
		onBulk(answer) {
			gateway = answer;
		},
		onLookup(next) {
			hooks = typeof next === 'function' ? { answer: next } : next;
		},
		get url() {
			return url;
		},
	};
}
