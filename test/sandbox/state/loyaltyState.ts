/**
 * Enrolments and issue counts, keyed by promotion and customer so each bulk entry costs O(1).
 * IDs are strings, as Capillary returns them; counters restart on clear().
 */
const FIRST_ISSUAL_ID = 100001;
const FIRST_EARNED_ID = 500001;

function key(promotionId: number, customerId: number): string {
	return `${promotionId}:${customerId}`;
}

export class LoyaltyState {
	private readonly activeIssualIds = new Map<string, string>();
	private readonly earnCounts = new Map<string, number>();
	private nextIssualId = FIRST_ISSUAL_ID;
	private nextEarnedId = FIRST_EARNED_ID;

	/** ENROL replaces any active enrolment with a new one. */
	enrol(promotionId: number, customerId: number): string {
		const issualId = this.newIssualId();
		this.activeIssualIds.set(key(promotionId, customerId), issualId);
		return issualId;
	}

	activeIssualId(promotionId: number, customerId: number): string | undefined {
		return this.activeIssualIds.get(key(promotionId, customerId));
	}

	earnCount(promotionId: number, customerId: number): number {
		return this.earnCounts.get(key(promotionId, customerId)) ?? 0;
	}

	recordEarn(promotionId: number, customerId: number): string {
		const k = key(promotionId, customerId);
		this.earnCounts.set(k, (this.earnCounts.get(k) ?? 0) + 1);
		return String(this.nextEarnedId++);
	}

	/** Direct Issue promotions have no enrolment; Capillary still returns a dummy issualId. */
	newIssualId(): string {
		return String(this.nextIssualId++);
	}

	clear(): void {
		this.activeIssualIds.clear();
		this.earnCounts.clear();
		this.nextIssualId = FIRST_ISSUAL_ID;
		this.nextEarnedId = FIRST_EARNED_ID;
	}
}
