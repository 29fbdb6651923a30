/**
 * Enrolments and issues, keyed by promotion and customer so each bulk entry costs O(1).
 * IDs are strings, as Capillary's bulk answers return them; counters restart on clear().
 * `at` is the sandbox's own clock (the client's clock plus clockOffsetSeconds), in ms: the lookup
 * answers dates from it. Revoked records are kept, marked, so the lookup can show or hide them.
 */
const FIRST_ISSUAL_ID = 100001;
const FIRST_EARNED_ID = 500001;
const FIRST_EVENT_LOG_ID = 12000001;

/** One ENROL (backend "issue"): its issualId is the lookup's enrollmentId. */
export interface EnrolmentRecord {
	issualId: string;
	at: number;
	eventLogId: number;
	revoked: boolean;
}

/**
 * One EARN (backend "earn", UI "issue"): its earnedId is the lookup's issuedDetails[].issualId.
 * issualId is the active enrolment's (Enrol & Issue) or the dummy one made with it (Direct Issue).
 */
export interface EarnRecord {
	earnedId: string;
	issualId: string;
	at: number;
	eventLogId: number;
	revoked: boolean;
}

export interface CustomerPromotionRecords {
	enrolments: EnrolmentRecord[];
	earns: EarnRecord[];
	active?: EnrolmentRecord; // the one active enrolment; a new ENROL replaces it
}

function key(promotionId: number, customerId: number): string {
	return `${promotionId}:${customerId}`;
}

export class LoyaltyState {
	private readonly records = new Map<string, CustomerPromotionRecords>();
	private nextIssualId = FIRST_ISSUAL_ID;
	private nextEarnedId = FIRST_EARNED_ID;
	private nextEventLogId = FIRST_EVENT_LOG_ID;

	/** ENROL replaces any active enrolment with a new one. */
	enrol(promotionId: number, customerId: number, at: number): string {
		const enrolment: EnrolmentRecord = {
			issualId: this.newIssualId(),
			at,
			eventLogId: this.nextEventLogId++,
			revoked: false,
		};
		const records = this.recordsOf(promotionId, customerId);
		records.enrolments.push(enrolment);
		records.active = enrolment;
		return enrolment.issualId;
	}

	activeIssualId(promotionId: number, customerId: number): string | undefined {
		return this.records.get(key(promotionId, customerId))?.active?.issualId;
	}

	/** Every EARN ever applied, revoked ones included: a revoke does not give the issue limit back. */
	earnCount(promotionId: number, customerId: number): number {
		return this.records.get(key(promotionId, customerId))?.earns.length ?? 0;
	}

	recordEarn(promotionId: number, customerId: number, issualId: string, at: number): string {
		const earnedId = String(this.nextEarnedId++);
		const earn = { earnedId, issualId, at, eventLogId: this.nextEventLogId++, revoked: false };
		this.recordsOf(promotionId, customerId).earns.push(earn);
		return earnedId;
	}

	/** Direct Issue promotions have no enrolment; Capillary still returns a dummy issualId. */
	newIssualId(): string {
		return String(this.nextIssualId++);
	}

	activeEarns(promotionId: number, customerId: number): EarnRecord[] {
		const earns = this.records.get(key(promotionId, customerId))?.earns ?? [];
		return earns.filter((earn) => !earn.revoked);
	}

	revokeEarn(earn: EarnRecord): void {
		earn.revoked = true;
	}

	/** Revokes the active enrolment and returns it; undefined when there is none. */
	revokeEnrolment(promotionId: number, customerId: number): EnrolmentRecord | undefined {
		const records = this.records.get(key(promotionId, customerId));
		const active = records?.active;
		if (!records || !active) return undefined;
		active.revoked = true;
		records.active = undefined;
		return active;
	}

	/** What the lookup reads; undefined when the customer never touched the promotion. */
	view(promotionId: number, customerId: number): Readonly<CustomerPromotionRecords> | undefined {
		return this.records.get(key(promotionId, customerId));
	}

	clear(): void {
		this.records.clear();
		this.nextIssualId = FIRST_ISSUAL_ID;
		this.nextEarnedId = FIRST_EARNED_ID;
		this.nextEventLogId = FIRST_EVENT_LOG_ID;
	}

	private recordsOf(promotionId: number, customerId: number): CustomerPromotionRecords {
		const k = key(promotionId, customerId);
		let records = this.records.get(k);
		if (!records) {
			records = { enrolments: [], earns: [] };
			this.records.set(k, records);
		}
		return records;
	}
}
