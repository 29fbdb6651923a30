import type { CustomerResult } from '../helpers/types';

/**
 * The ids this run's own answers named (issualId, earnedId), per Capillary customer: when the
 * lookup shows such a record, it is another request's, not the one being verified. `blind` once an
 * answer named an id without its customer: then any record may be another request's.
 */
export class RunRecords {
	private readonly ids = new Map<number, Set<string>>();

	blind = false;

	note(result: CustomerResult): void {
		const named = [result.issualId, result.earnedId].filter((id) => id !== undefined);
		if (named.length === 0) return;
		if (result.entityId === undefined) {
			this.blind = true;
			return;
		}
		let ids = this.ids.get(result.entityId);
		if (!ids) this.ids.set(result.entityId, (ids = new Set()));
		named.forEach((id) => ids.add(id));
	}

	idsFor(customerId: number): ReadonlySet<string> {
		return this.ids.get(customerId) ?? new Set();
	}
}
