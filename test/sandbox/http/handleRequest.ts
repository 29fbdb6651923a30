import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authScheme } from '../auth/authenticate';
import type { SandboxState } from '../state/sandboxState';
import type { Fault, RequestRecord } from '../types';
import { dripAnswer } from './drip';
import { serviceUnavailable } from './errorBodies';
import {
	cutOffResult,
	echoRequestResult,
	malformedResult,
	nulledResult,
	shortenedResult,
	statusFaultResult,
	strippedResult,
} from './faultResults';
import type { HandlerResult } from './handlerTypes';
import { parseJson, readBody, type ParsedJson } from './readBody';
import { routeRequest } from './routeRequest';
import { sendAnswer, serialiseResult } from './sendResult';
import type { Timers } from './timers';
import { ENDPOINTS } from '../../../nodes/Capillary/transport/endpoints';

/**
 * One request from arrival to answer: record it, take its fault (if one is queued for its path),
 * read the body, act, and answer once the configured latency has passed since arrival (the
 * sandbox's own work counts within it, as a real server's response time includes its work).
 * Faults marked afterApplying (and malformed/short) act on the answer after the handler applied
 * the request; the others replace it.
 */
export async function handleRequest(
	request: IncomingMessage,
	response: ServerResponse,
	state: SandboxState,
	timers: Timers,
): Promise<void> {
	const arrivedAt = performance.now();
	const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
	const isBulk = BULK_PATHS.has(url.pathname);
	const record: RequestRecord = {
		at: Date.now(),
		arrivedAtMs: performance.timeOrigin + arrivedAt,
		// Drawn on arrival, so that the i-th bulk request to arrive gets the i-th latency.
		latencyMs: state.latencyFor(isBulk),
		method: request.method ?? 'GET',
		path: url.pathname,
		status: null,
		requestId: randomUUID(),
		auth: authScheme(request.headers),
	};
	state.requests.push(record);
	const fault = state.faults.take(record.path);
	if (fault?.type === 'latency') record.latencyMs += fault.ms;
	let bodyText: string;
	try {
		bodyText = await readBody(request);
	} catch {
		return; // the client went away while sending
	}
	const body: ParsedJson = parseJson(bodyText);
	if (isBulk) describeBulkCall(record, body);
	if (fault?.type === 'expireToken') state.tokens.expireAll();

	const context = {
		requestId: record.requestId,
		method: record.method,
		path: record.path,
		query: url.searchParams,
		headers: request.headers,
		record,
		state,
	};
	const result =
		fault && actsBeforeApplying(fault)
			? answerBeforeApplying(fault, request, bodyText)
			: answerAfterApplying(fault, routeRequest(context, body), request, record.path);
	if (!result) return; // reset or hang: no answer
	const answer = serialiseResult(record, result);
	await timers.delay(arrivedAt + record.latencyMs - performance.now());
	// The server's own clock, as a skewed server's Date header shows it (none with omitDateHeader).
	if (state.settings.omitDateHeader) response.sendDate = false;
	else answer.headers.Date = new Date(state.serverNow()).toUTCString();
	if (fault?.type === 'drip') await dripAnswer(response, record, answer, fault, timers);
	else sendAnswer(response, record, answer);
}

/** The bulk endpoints: their calls are described in the request record, their malformed answer is a bulk fragment. */
const BULK_PATHS: ReadonlySet<string> = new Set([
	ENDPOINTS.bulkEnrolAndEarn,
	ENDPOINTS.bulkRevokeEnrolAndEarn,
]);

function actsBeforeApplying(fault: Fault): boolean {
	if (fault.type === 'echoRequest') return true;
	return (
		(fault.type === 'status' ||
			fault.type === 'reset' ||
			fault.type === 'hang' ||
			fault.type === 'drip') &&
		!fault.afterApplying
	);
}

function answerBeforeApplying(
	fault: Fault,
	request: IncomingMessage,
	bodyText: string,
): HandlerResult | undefined {
	if (fault.type === 'status') return statusFaultResult(fault);
	if (fault.type === 'echoRequest') return echoRequestResult(fault, request.headers, bodyText);
	if (fault.type === 'drip') return serviceUnavailable();
	if (fault.type === 'reset') request.socket.destroy();
	return undefined;
}

function answerAfterApplying(
	fault: Fault | undefined,
	applied: HandlerResult,
	request: IncomingMessage,
	path: string,
): HandlerResult | undefined {
	switch (fault?.type) {
		case 'status':
			return statusFaultResult(fault);
		case 'reset':
			request.socket.destroy();
			return undefined;
		case 'hang':
			return undefined;
		case 'malformed':
			return BULK_PATHS.has(path) ? malformedResult() : cutOffResult(applied);
		case 'short':
			return shortenedResult(applied, fault.drop);
		case 'nulls':
			return nulledResult(applied);
		case 'strip':
			return strippedResult(applied, fault.fields);
		default:
			return applied;
	}
}

/** Recorded whatever the outcome (even 401), so tests can count what the client sent. */
function describeBulkCall(record: RequestRecord, body: ParsedJson): void {
	if (!body.ok || typeof body.value !== 'object' || body.value === null) return;
	const { bulkAction, customers } = body.value as Record<string, unknown>;
	if (typeof bulkAction === 'string') record.bulkAction = bulkAction;
	if (Array.isArray(customers)) record.customerCount = customers.length;
}
