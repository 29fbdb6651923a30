import { TokenStore } from '../auth/tokenStore';
import { BulkLatencies } from '../latency/bulkLatencies';
import type { LedgerEntry, RequestRecord, SandboxOptions } from '../types';
import { FaultQueue } from './faultQueue';
import { LoyaltyState } from './loyaltyState';

export interface SandboxSettings {
	tokenTtlSeconds: number;
	batchLimit: number;
	latencyMs: number;
	latencyJitter: number;
	clockOffsetSeconds: number;
	revokeEnrolIdKey: 'issualId' | 'revokedIssualId';
	promotionDataShowsRevoked: boolean;
	omitDateHeader: boolean;
}

export function settingsFrom(options: SandboxOptions): SandboxSettings {
	const settings = {
		tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
		batchLimit: options.batchLimit ?? 100,
		latencyMs: options.latencyMs ?? 0,
		latencyJitter: options.latencyJitter ?? 0,
		clockOffsetSeconds: options.clockOffsetSeconds ?? 0,
		revokeEnrolIdKey: options.revokeEnrolIdKey ?? 'issualId',
		promotionDataShowsRevoked: options.promotionDataShowsRevoked ?? false,
		omitDateHeader: options.omitDateHeader ?? false,
	};
	if (!Number.isInteger(settings.batchLimit) || settings.batchLimit < 1)
		throw new RangeError('batchLimit must be a positive integer');
	if (!(settings.tokenTtlSeconds >= 0) || !(settings.latencyMs >= 0))
		throw new RangeError('tokenTtlSeconds and latencyMs must be non-negative');
	checkJitter(settings.latencyJitter);
	if (!Number.isInteger(options.latencySeed ?? DEFAULT_LATENCY_SEED))
		throw new RangeError('latencySeed must be an integer');
	if (!Number.isFinite(settings.clockOffsetSeconds))
		throw new RangeError('clockOffsetSeconds must be a finite number');
	if (settings.revokeEnrolIdKey !== 'issualId' && settings.revokeEnrolIdKey !== 'revokedIssualId')
		throw new RangeError("revokeEnrolIdKey must be 'issualId' or 'revokedIssualId'");
	return settings;
}

/** The seed of the bulk latencies when the options name none: any fixed number keeps runs alike. */
export const DEFAULT_LATENCY_SEED = 20_260_101;

export function checkJitter(jitter: number): number {
	if (!(jitter >= 0 && jitter <= 1)) throw new RangeError('latencyJitter must be within 0..1');
	return jitter;
}

/** Everything one sandbox instance remembers. reset() returns it to the seed and the start options. */
export class SandboxState {
	readonly ledger: LedgerEntry[] = [];
	readonly requests: RequestRecord[] = [];
	readonly loyalty = new LoyaltyState();
	readonly faults = new FaultQueue();
	tokens = new TokenStore();
	settings: SandboxSettings;
	readonly bulkLatencies: BulkLatencies;

	constructor(
		private readonly initialSettings: SandboxSettings,
		latencySeed = DEFAULT_LATENCY_SEED,
	) {
		this.settings = { ...initialSettings };
		this.bulkLatencies = new BulkLatencies(latencySeed);
	}

	/** The set latency of the request arriving now: jittered on the bulk paths (in arrival order), plain elsewhere. */
	latencyFor(isBulk: boolean): number {
		const { latencyMs, latencyJitter } = this.settings;
		return isBulk ? this.bulkLatencies.next(latencyMs, latencyJitter) : latencyMs;
	}

	/** A new latency, and the bulk latencies' sequence from its start. */
	setLatency(latencyMs: number, latencyJitter: number): void {
		this.settings.latencyMs = latencyMs;
		this.settings.latencyJitter = latencyJitter;
		this.bulkLatencies.restart();
	}

	/** The sandbox's own clock in ms: the client's plus clockOffsetSeconds. */
	serverNow(): number {
		return Date.now() + this.settings.clockOffsetSeconds * 1000;
	}

	/** Appends one applied action with the next seq. */
	appendLedger(entry: Omit<LedgerEntry, 'seq' | 'at'>): void {
		this.ledger.push({ seq: this.ledger.length + 1, at: Date.now(), ...entry });
	}

	reset(): void {
		this.ledger.length = 0;
		this.requests.length = 0;
		this.loyalty.clear();
		this.faults.clear();
		this.tokens = new TokenStore();
		this.settings = { ...this.initialSettings };
		this.bulkLatencies.restart();
	}
}
