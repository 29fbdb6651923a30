import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { handleRequest } from './http/handleRequest';
import { Timers } from './http/timers';
import { checkJitter, SandboxState, settingsFrom } from './state/sandboxState';
import type { CapillarySandbox, Fault, SandboxOptions } from './types';

/** Starts an in-memory fake of Capillary's loyalty API on loopback (ephemeral port by default). */
export async function startSandbox(options: SandboxOptions = {}): Promise<CapillarySandbox> {
	const state = new SandboxState(settingsFrom(options), options.latencySeed);
	const timers = new Timers();
	const sockets = new Set<Socket>();
	const onRequest = (request: IncomingMessage, response: ServerResponse) => {
		handleRequest(request, response, state, timers).catch(() => response.destroy());
	};
	const server: Server = options.tls
		? createTlsServer(options.tls, onRequest)
		: createServer(onRequest);
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	const host = options.host ?? '127.0.0.1';
	await listen(server, options.port ?? 0, host);
	const { port } = server.address() as AddressInfo;
	const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
	let closing: Promise<void> | undefined;

	return {
		url,
		get ledger() {
			return state.ledger;
		},
		get requests() {
			return state.requests;
		},
		injectFault: (fault: Fault) => state.faults.add(fault),
		setLatency: (ms: number, jitter?: number) => {
			state.setLatency(
				nonNegative(ms, 'latency'),
				jitter === undefined ? state.settings.latencyJitter : checkJitter(jitter),
			);
		},
		setTokenTtl: (seconds: number) => {
			state.settings.tokenTtlSeconds = nonNegative(seconds, 'token TTL');
		},
		setClockOffset: (seconds: number) => {
			if (!Number.isFinite(seconds)) throw new RangeError('clock offset must be a finite number');
			state.settings.clockOffsetSeconds = seconds;
		},
		expireAllTokens: () => state.tokens.expireAll(),
		reset: () => state.reset(),
		close: () => (closing ??= close(server, sockets, timers)),
	};
}

function nonNegative(value: number, name: string): number {
	if (!Number.isFinite(value) || value < 0)
		throw new RangeError(`${name} must be a non-negative number`);
	return value;
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/** Ends hanging and keep-alive connections too, so nothing keeps the process (or jest) alive. */
function close(server: Server, sockets: Set<Socket>, timers: Timers): Promise<void> {
	timers.cancelAll();
	return new Promise((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		for (const socket of sockets) socket.destroy();
		server.closeAllConnections();
	});
}
