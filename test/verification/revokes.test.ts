/**
 * Verify Unknown Outcomes for Revoke Issue and Revoke Enrolment: applied once the lookup no longer
 * lists what was revoked; never "not applied" (the docs do not say whether revoked records stay
 * listed, so a listed record proves nothing); with promotionDataShowsRevoked, always unknown.
 */
import type { CapillarySandbox, Fault } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';
import {
	claimsOf,
	customers,
	ledgerOf,
	mobilesOf,
	parametersFor,
	run,
	UNKNOWN_FAULTS,
} from './verification';

const sandbox = useSandbox();

const onRevoke = (fault: Fault): Fault => ({ ...fault, path: ENDPOINTS.bulkRevokeEnrolAndEarn });

/** Issues the Direct Issue promotion to `from`.., and returns the items to revoke those issues. */
async function issued(target: CapillarySandbox, from: number) {
	const list = customers(from, 2);
	const result = await run(target, mobilesOf(list), parametersFor('earn'));
	expect(result.success).toHaveLength(2);
	return list.map((c, k) => ({ mobile: c.mobile, ids: String(result.success[k].json.earnedId) }));
}

/** Enrols `from`.. in the Enrol & Issue promotion (no issue), and returns their items. */
async function enrolled(target: CapillarySandbox, from: number) {
	const list = customers(from, 2);
	const result = await run(target, mobilesOf(list), parametersFor('enrol'));
	expect(result.success).toHaveLength(2);
	return mobilesOf(list);
}

const revokeEarn = () => parametersFor('revokeEarn', {}, { earnedIds: '={{ $json.ids }}' });

describe('Revoke Issue', () => {
	test.each(UNKNOWN_FAULTS)('%s: applied when revoked, else unknown', async (_, fault, applied) => {
		const items = await issued(sandbox, 400);
		sandbox.injectFault(onRevoke(fault));
		const result = await run(sandbox, items, revokeEarn());

		// A revoke is never decided: an issue no longer listed may never have been held.
		expect(claimsOf(sandbox, result, 'revokeEarn')).toEqual(['unknown', 'unknown']);
		expect(ledgerOf(sandbox, 'REVOKE_EARN')).toHaveLength(applied ? 2 : 0);
		for (const item of result.failed)
			expect(item.json.verification).toMatch(
				applied ? /lists none of issues \d+: revoked, or never held/ : /still lists issue \d+/,
			);
	});

	test('Earned IDs empty (all of them), applied: unknown, saying none is listed', async () => {
		const items = await issued(sandbox, 410);
		sandbox.injectFault(onRevoke({ type: 'hang', afterApplying: true }));
		const result = await run(
			sandbox,
			items.map(({ mobile }) => ({ mobile })),
			parametersFor('revokeEarn', {}, { earnedIds: '' }),
		);
		expect(claimsOf(sandbox, result, 'revokeEarn')).toEqual(['unknown', 'unknown']);
		for (const item of result.failed)
			expect(item.json.verification).toMatch(/all revoked, or none held/);
	});
});

describe('Revoke Enrolment', () => {
	test.each(UNKNOWN_FAULTS)('%s: applied when revoked, else unknown', async (_, fault, applied) => {
		const items = await enrolled(sandbox, 420);
		sandbox.injectFault(onRevoke(fault));
		const result = await run(sandbox, items, parametersFor('revokeEnrol'));

		expect(claimsOf(sandbox, result, 'revokeEnrol')).toEqual(['unknown', 'unknown']);
		expect(ledgerOf(sandbox, 'REVOKE_ENROL')).toHaveLength(applied ? 2 : 0);
		for (const item of result.failed)
			expect(item.json.verification).toMatch(
				applied
					? /lists no enrolment in this promotion: revoked, or never held/
					: /still lists an enrolment/,
			);
	});
});

describe('a lookup that lists revoked records (promotionDataShowsRevoked)', () => {
	const listing = useSandbox({ promotionDataShowsRevoked: true });

	test('Revoke Issue applied, its answer lost: unknown, never Success nor not_applied', async () => {
		const items = await issued(listing, 430);
		listing.injectFault(onRevoke({ type: 'status', status: 502, afterApplying: true }));
		const result = await run(listing, items, revokeEarn());
		expect(claimsOf(listing, result, 'revokeEarn')).toEqual(['unknown', 'unknown']);
		expect(ledgerOf(listing, 'REVOKE_EARN')).toHaveLength(2);
	});

	test('Revoke Enrolment applied, its answer lost: unknown', async () => {
		const items = await enrolled(listing, 440);
		listing.injectFault(onRevoke({ type: 'hang', afterApplying: true }));
		const result = await run(listing, items, parametersFor('revokeEnrol'));
		expect(claimsOf(listing, result, 'revokeEnrol')).toEqual(['unknown', 'unknown']);
		expect(ledgerOf(listing, 'REVOKE_ENROL')).toHaveLength(2);
	});
});
