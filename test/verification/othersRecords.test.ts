/**
 * Records the lookup shows that are not the verified request's: dated in the future, made by an
 * earlier run or another client just before or after the request, or never held at all. Each
 * claim is checked against the ledger. The `test.failing` ones are false claims nothing in
 * Capillary's answers can tell apart from true ones: each says why; they pass while the limit holds.
 */
import { useSandbox } from '../support/useSandbox';
import { bulkBody, basicHeaders, postBulk } from '../support/sandboxRequests';
import {
	claimsOf,
	customers,
	errorOf,
	goldDirect,
	ledgerOf,
	lookups,
	mobilesOf,
	NOT_APPLIED,
	onLookup,
	parametersFor,
	run,
} from './verification';

const sandbox = useSandbox();

/** A Timeout the dripped lookup fits in. */
const SLOW = { timeout: 5000 };

test('an issue dated an hour in the future (Capillary’s clock was set back since): unknown, not taken for this request’s', async () => {
	const [customer] = customers(1100, 1);
	sandbox.setClockOffset(3600);
	const earlier = await run(sandbox, mobilesOf([customer]), parametersFor('earn'), 'basicAuth');
	expect(earlier.success).toHaveLength(1);
	sandbox.setClockOffset(0);

	sandbox.injectFault(NOT_APPLIED);
	const result = await run(sandbox, mobilesOf([customer]), parametersFor('earn'), 'basicAuth');
	expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(1); // the earlier run's
	expect(result.failed.map((i) => [errorOf(i).outcome, i.json.verified])).toEqual([
		['unknown', false],
	]);
	expect(result.failed[0].json.verification).toMatch(/after the lookup answered/);
});

// Capillary dates records to the second; the lookup's Date header, to the second too, bounds its
// clock from below, the looser the longer the answer took to arrive (here 2.5 s, dripped). A record
// made that long before the request left is dated as this request's could be. Two runs for one
// customer within a second or two (a double-clicked execution, a webhook delivered twice) meet this.
describe('a record made by another run just before the request left', () => {
	const slowLookup = () =>
		sandbox.injectFault(
			onLookup({ type: 'drip', intervalMs: 100, bytes: 25, afterApplying: true }, 1),
		);

	test.failing(
		'[cannot be avoided] Issue: the earlier run’s issue is not claimed as this request’s',
		async () => {
			const [customer] = customers(1110, 1);
			await run(sandbox, mobilesOf([customer]), parametersFor('earn'));
			sandbox.injectFault(NOT_APPLIED);
			slowLookup();
			const result = await run(sandbox, mobilesOf([customer]), parametersFor('earn', SLOW));
			expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(1);
			expect(result.success).toEqual([]);
		},
	);

	test.failing(
		'[cannot be avoided] Enrol and Issue: the earlier enrolment is not claimed, nor issued on',
		async () => {
			const [customer] = customers(1120, 1);
			await run(sandbox, mobilesOf([customer]), parametersFor('enrol'));
			sandbox.injectFault(NOT_APPLIED);
			slowLookup();
			const result = await run(sandbox, mobilesOf([customer]), parametersFor('enrolAndEarn', SLOW));
			expect(ledgerOf(sandbox, 'ENROL', customer.id)).toHaveLength(1);
			expect(ledgerOf(sandbox, 'EARN', customer.id)).toEqual([]);
			expect(result.success).toEqual([]);
		},
	);
});

// An issue made by someone else after the request left and before the lookup is dated as this
// request's would be: nothing in promotionData says whose it is.
test.failing(
	'[cannot be avoided] an issue another client made between the request and the lookup: never Success',
	async () => {
		const [customer] = customers(1130, 1);
		sandbox.injectFault({ type: 'reset', afterApplying: false }); // then a 1 s wait before the lookup
		let otherIssue: Promise<unknown> | undefined;
		const watch = setInterval(() => {
			// Once the node's request has been reset, and well before its lookup (1 s later).
			if (otherIssue || !sandbox.requests.some((r) => r.bulkAction === 'EARN')) return;
			otherIssue = postBulk(
				sandbox.url,
				bulkBody({
					bulkAction: 'EARN',
					programId: goldDirect.programId,
					promotionId: goldDirect.promotionId,
					identifierName: 'mobile',
					values: [customer.mobile],
				}),
				basicHeaders(),
			);
		}, 2);
		try {
			const result = await run(sandbox, mobilesOf([customer]), parametersFor('earn'));
			await otherIssue;
			expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(1); // the other client's
			expect(lookups(sandbox)).toHaveLength(1);
			expect(result.success).toEqual([]);
		} finally {
			clearInterval(watch);
		}
	},
);

// Found by the property suite, fixed: an Earned ID the customer never held is not listed either, so
// absence no longer reads as "revoked".
test('Revoke Issue of an Earned ID the customer never held, its answer lost: never Success', async () => {
	const [customer] = customers(1140, 1);
	sandbox.injectFault({ ...NOT_APPLIED, path: '/v2/promotion/bulk/revokeEnrolAndEarn' });
	const result = await run(
		sandbox,
		[{ mobile: customer.mobile, ids: '999999' }],
		parametersFor('revokeEarn', {}, { earnedIds: '={{ $json.ids }}' }),
	);
	expect(ledgerOf(sandbox, 'REVOKE_EARN')).toEqual([]);
	expect(result.success).toEqual([]);
});

// pairResults reads an EARN entry without earnedId as "not issued" (8890's shape), so the issue the
// mobile request made is in no answer the run has: the email request's lookup finds it, dated after
// that request left, and claims it.
test.failing(
	'[outside verification: pairResults] one customer by mobile (issued, answered without earnedId) and by email (not applied): neither claim false',
	async () => {
		const [customer] = customers(1150, 1);
		sandbox.injectFault({ type: 'strip', fields: ['earnedId'] });
		sandbox.injectFault(NOT_APPLIED);
		const result = await run(
			sandbox,
			[
				{ name: 'mobile', value: customer.mobile },
				{ name: 'email', value: customer.email },
			],
			parametersFor(
				'earn',
				{ parallelRequests: 1 },
				{ identifierName: '={{ $json.name }}', identifierValue: '={{ $json.value }}' },
			),
		);
		expect(ledgerOf(sandbox, 'EARN', customer.id)).toHaveLength(1); // the mobile request's
		claimsOf(sandbox, result, 'earn');
	},
);
