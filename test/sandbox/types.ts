// Public types of the sandbox. Other parts of the project depend on these exact shapes.

export interface SandboxOptions {
	port?: number; // default 0 (ephemeral)
	host?: string; // default '127.0.0.1'
	tokenTtlSeconds?: number; // OAuth token lifetime, default 300
	batchLimit?: number; // max customers per bulk request, default 100 (request-level code 1060 above it)
	latencyMs?: number; // response time of every request, counted from its arrival, default 0
	// Bulk requests only: each gets latencyMs × (1 + latencyJitter × (2u − 1)), u drawn in arrival
	// order from a PRNG seeded with latencySeed (restarted by reset() and setLatency). Default 0: none.
	latencyJitter?: number; // 0..1
	latencySeed?: number; // integer, default a fixed number (DEFAULT_LATENCY_SEED)
	tls?: { key: string; cert: string }; // serve https with this key and certificate (PEM); url is then https://
	clockOffsetSeconds?: number; // the sandbox's clock minus the client's, as issued tokens' iat/exp and promotionData dates show it, default 0
	// Key of the revoked enrolment id in a REVOKE_ENROL result: 'issualId' (a string, as the docs'
	// only example shows it, the default) or 'revokedIssualId' (an integer, as their table lists it).
	revokeEnrolIdKey?: 'issualId' | 'revokedIssualId';
	// promotionData lists revoked enrolments and issues as if active (the docs show no revoked flag)
	// instead of leaving them out (the default). The docs do not say which Capillary does.
	promotionDataShowsRevoked?: boolean;
	omitDateHeader?: boolean; // answer without a Date header (the server's clock cannot be read), default false
}

export interface CapillarySandbox {
	readonly url: string;
	readonly ledger: readonly LedgerEntry[];
	readonly requests: readonly RequestRecord[];
	injectFault(fault: Fault): void;
	setLatency(ms: number, jitter?: number): void; // jitter omitted: unchanged; restarts the bulk latencies' sequence
	setTokenTtl(seconds: number): void;
	setClockOffset(seconds: number): void; // for tokens issued from now on; validity still counts ttl from issue
	expireAllTokens(): void;
	reset(): void;
	close(): Promise<void>;
}

export type IdentifierName = 'id' | 'mobile' | 'email';

/**
 * One applied ENROL, EARN or revoke. seq starts at 1 (again after reset()); at is Date.now();
 * identifierValue and source are as sent. ENROL: issualId is the new enrolment. EARN: earnedId is
 * the new issue, issualId its enrolment's (or the dummy one of a Direct Issue). REVOKE_ENROL:
 * issualId is the enrolment revoked. REVOKE_EARN: one entry per issue revoked, earnedId that issue,
 * issualId its enrolment's (as in its EARN entry).
 */
export interface LedgerEntry {
	seq: number;
	at: number;
	requestId: string; // X-Cap-Requestid of the request that applied it
	action: 'ENROL' | 'EARN' | 'REVOKE_ENROL' | 'REVOKE_EARN';
	programId: number;
	promotionId: number;
	customerId: number;
	identifierName: IdentifierName;
	identifierValue: string;
	source: string;
	issualId: string;
	earnedId?: string;
}

/** Recorded on arrival; status is filled in when the answer is written. */
export interface RequestRecord {
	at: number;
	arrivedAtMs: number; // the arrival as epoch ms with sub-millisecond precision (the performance clock), for spacing
	latencyMs: number; // the response time it was given: the set latency (jittered on bulk paths), plus a latency fault's
	method: string;
	path: string; // pathname, without the query string
	status: number | null; // null when the socket was reset/hung (or the client left before the answer)
	requestId: string; // sent as X-Cap-Requestid (not sent at all when reset/hung)
	bulkAction?: string; // bulk endpoints only (enrolAndEarn, revokeEnrolAndEarn), whenever the body is JSON (even if the request is refused)
	customerCount?: number; // likewise: customers.length as sent
	auth: 'basic' | 'oauth' | 'none'; // scheme attempted, valid or not; the OAuth header wins when both are sent
}

/**
 * Injected faults are queued FIFO; each request takes at most one: the oldest aimed at its path
 * (the bulk enrolAndEarn endpoint when `path` is absent), used `times` times (default 1).
 * Every answer still carries X-Cap-Requestid.
 */
export type Fault =
	// Answer with this status (object body -> JSON, string -> raw, undefined -> empty). afterApplying:
	// apply the customers first, e.g. a 502 from a proxy after the server acted.
	(
		| {
				type: 'status';
				status: number;
				body?: unknown;
				retryAfter?: string;
				afterApplying?: boolean;
		  }
		| { type: 'reset'; afterApplying: boolean } // destroy the socket without answering
		| { type: 'hang'; afterApplying: boolean } // never answer; close() still ends it
		// apply, then answer 200 with invalid JSON: on the bulk paths a cut-off bulk answer, on the
		// others (promotionData, say) the request's own answer cut off halfway
		| { type: 'malformed' }
		| { type: 'short'; drop: number } // apply, then answer without the last `drop` entries of response[]
		| { type: 'expireToken' } // expire all tokens before handling this request (an OAuth call gets 401)
		| { type: 'latency'; ms: number } // delay this one answer (after applying), on top of the set latency
		// Answer this status without applying, with a debug body (JSON, or an HTML page) that echoes the
		// request's Authorization and X-CAP-API-OAUTH-TOKEN headers and its body: raw, base64 and URL-encoded.
		| { type: 'echoRequest'; status: number; format: 'json' | 'html' }
		// Write the status and headers, then one space every intervalMs (`bytes` of them, default 100; for
		// ever with `forever`), then the body: a patient client reads the normal answer (JSON allows the
		// spaces). afterApplying: the handler's answer, applied first; else nothing is applied and the
		// answer is a 503. Stops when the client leaves; close() ends it.
		| {
				type: 'drip';
				intervalMs: number;
				bytes?: number;
				forever?: boolean;
				afterApplying?: boolean;
		  }
		// Apply, then answer with nulls where the answer had nothing (as Capillary's token answer has
		// "errors": null): empty errors/warnings lists, a failed entry's result, a result's missing ids.
		| { type: 'nulls' }
		// Apply, then answer as usual without these keys, wherever they occur in the JSON body: data
		// that is missing or of an unexpected shape, e.g. ['customerPromotionTimelines'] or
		// ['issualDate'] on promotionData, ['earnedId'] on the bulk endpoint.
		| { type: 'strip'; fields: string[] }
	) & { path?: string; times?: number };
