/**
 * Review of issue 11, items 4 and 5: Deduplicate (one customer = identifier type + value, normalised:
 * emails without case, mobiles as digits), mobile formats, and what the output says was sent.
 * "found in review, fixed": regressions the review reproduced; "held in review": what held.
 */
import { DEMO } from '../sandbox';
import { useSandbox } from '../support/useSandbox';
import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { errorOf } from '../support/engine/items';

const sandbox = useSandbox();

const earnBy = (identifierName: 'mobile' | 'email' | 'id', extra = {}) =>
	promotionParameters('earn', DEMO.promotions.birthday, identifierName, {
		source: '={{ $json.channel }}',
		...extra,
	});
const earns = () => sandbox.ledger.filter((e) => e.action === 'EARN');

describe('found in review, fixed', () => {
	// itemResults.sentItemResult builds a duplicate's fields from the duplicate's own CustomerRequest,
	// so `identifierValueSent` (and `source`) name what the duplicate item held, not what was sent for it:
	// the first item's value and Source (options.ts: "The first item is sent, with its Source").
	test('a duplicate that differs only in case: identifierValueSent and source are what was sent, not what the duplicate held', async () => {
		const email = DEMO.customer(0).email;
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [
				{ email, channel: 'INSTORE' },
				{ email: email.toUpperCase(), channel: 'FACEBOOK' },
			],
			parameters: earnBy('email'),
		});

		expect(earns().map((e) => [e.identifierValue, e.source])).toEqual([[email, 'INSTORE']]);
		const duplicate = run.success.find((i) => i.json.duplicateOf === 0)!;
		expect(duplicate.json.identifierValue).toBe(email.toUpperCase()); // as given: right
		expect([duplicate.json.identifierValueSent, duplicate.json.source]).toEqual([email, 'INSTORE']);
	});
});

describe('held in review', () => {
	test('mobile formats of one customer (+, spaces, dashes, dots, brackets) are one customer: issued once, every item answered', async () => {
		const digits = DEMO.customer(1).mobile; // 919000000001
		const forms = [digits, `+${digits}`, '+91 90000 00001', '(91) 90000-00001', '91.9000.000.001'];
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: forms.map((mobile, k) => ({ mobile, channel: k % 2 ? 'WEBSITE' : 'INSTORE' })),
			parameters: earnBy('mobile'),
		});

		expect(earns()).toHaveLength(1);
		expect(
			run.success.map((i) => [i.pairedItem, i.json.identifierValueSent, i.json.duplicateOf]),
		).toEqual([
			[{ item: 0 }, digits, undefined],
			[{ item: 1 }, digits, 0],
			[{ item: 2 }, digits, 0],
			[{ item: 3 }, digits, 0],
			[{ item: 4 }, digits, 0],
		]);
	});

	test.each([
		['Arabic-Indic digits', '٩١٩٠٠٠٠٠٠٠٠٢'],
		['full-width digits', '９１９０００００００２'],
		['an extension', '+91 90000 00002 ext 12'],
		['too few digits', '+91 900'],
	])('a mobile with %s is refused before sending, with the reason', async (_, mobile) => {
		const run = await runCapillary(sandboxCredentials(sandbox), {
			items: [{ mobile, channel: 'INSTORE' }],
			parameters: earnBy('mobile'),
		});
		expect(sandbox.requests.filter((r) => r.bulkAction)).toEqual([]);
		expect(errorOf(run.failed[0])).toMatchObject({ kind: 'invalid_input', outcome: 'not_applied' });
		expect(String(errorOf(run.failed[0]).message)).toMatch(/is not a mobile number: /);
	});

	test('emails in other cases, ids with spaces, different Sources: one customer each, issued once', async () => {
		const { email, id } = DEMO.customer(3);
		const emails = await runCapillary(sandboxCredentials(sandbox), {
			items: [email, email.toUpperCase(), ` ${email.replace('customer', 'Customer')} `].map(
				(value, k) => ({ email: value, channel: ['INSTORE', 'WEBSITE', 'ALL'][k] }),
			),
			parameters: earnBy('email'),
		});
		const ids = await runCapillary(sandboxCredentials(sandbox), {
			items: [String(id), ` ${id} `, id].map((value, k) => ({
				id: value,
				channel: ['INSTORE', 'LINE', 'JD'][k],
			})),
			parameters: earnBy('id'),
		});
		expect(emails.success).toHaveLength(3);
		expect(ids.success).toHaveLength(3);
		expect(earns()).toHaveLength(2);
	});

	test('Deduplicate off, the same customer in parallel batches: its requests never overlap', async () => {
		sandbox.setLatency(150);
		const mobile = DEMO.customer(4).mobile;
		await runCapillary(sandboxCredentials(sandbox), {
			items: [mobile, `+${mobile}`, DEMO.customer(5).mobile, mobile].map((value) => ({
				mobile: value,
				channel: 'INSTORE',
			})),
			parameters: earnBy('mobile', {
				options: { deduplicate: false, batchSize: 1, parallelRequests: 4 },
			}),
		});
		const times = earns()
			.filter((e) => e.identifierValue === mobile)
			.map((e) => e.at);
		expect(times).toHaveLength(3);
		for (let i = 1; i < times.length; i++)
			expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(140);
	});
});
