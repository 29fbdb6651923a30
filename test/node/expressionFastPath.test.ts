import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { useSandbox } from '../support/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox();

// `{{ $json.contact }}` is read straight from the item; `{{ $json.contact ?? undefined }}` goes
// through n8n's expression engine. Both must see the same value for every kind of field.
const values: unknown[] = [
	DEMO.customer(1).mobile,
	Number(DEMO.customer(2).mobile),
	`  ${DEMO.customer(3).mobile} `,
	null,
	undefined,
	true,
	{ nested: DEMO.customer(4).mobile },
	[DEMO.customer(5).mobile],
	'',
];

test('the direct read of {{ $json.field }} gives what n8n’s expression gives, for every kind of value', async () => {
	const items = values.map((contact) => (contact === undefined ? {} : { contact }));
	const run = async (identifierValue: string) => {
		sandbox.reset();
		const { success, failed } = await runCapillary(sandboxCredentials(sandbox), {
			items: items as never,
			parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
				identifierValue,
			}),
		});
		return [...success, ...failed]
			.sort(
				(a, b) => (a.pairedItem as { item: number }).item - (b.pairedItem as { item: number }).item,
			)
			.map(({ json }) => ({
				status: json.status,
				value: json.identifierValue,
				error: (json.error as { message?: string })?.message,
			}));
	};
	const direct = await run('={{ $json.contact }}');
	const bracket = await run('={{ $json["contact"] }}');
	const evaluated = await run('={{ $json.contact ?? undefined }}');
	expect(direct).toEqual(evaluated);
	expect(bracket).toEqual(evaluated);
	expect(direct.filter((r) => r.status === 'success')).toHaveLength(3);
});

describe('edge values', () => {
	const values: unknown[] = [
		NaN,
		Infinity,
		-0,
		1e21,
		919000000001.5,
		Number(DEMO.customer(2).mobile),
		'={{ 1 }}',
		`{{ $json.x }}`,
	];

	async function run(identifierValue: string) {
		sandbox.reset();
		const { success, failed, error } = await runCapillary(sandboxCredentials(sandbox), {
			items: values.map((contact) => ({ contact, x: DEMO.customer(3).mobile })) as never,
			parameters: promotionParameters('earn', DEMO.promotions.birthday, 'mobile', {
				identifierValue,
			}),
		});
		if (error) return error.message;
		return [...success, ...failed]
			.sort(
				(a, b) => (a.pairedItem as { item: number }).item - (b.pairedItem as { item: number }).item,
			)
			.map(({ json }) => ({
				status: json.status,
				value: json.identifierValue,
				error: (json.error as { message?: string })?.message,
			}));
	}

	test('fast path equals n8n for unusual numbers and expression-looking strings', async () => {
		const evaluated = await run('={{ $json.contact ?? undefined }}');
		expect(await run('={{ $json.contact }}')).toEqual(evaluated);
	});

	test('mismatched quotes are left to n8n, which rejects them, exactly as without the fast path', async () => {
		const direct = await run(`={{ $json["contact'] }}`);
		const viaN8n = await run(`={{ $json["contact'] ?? undefined }}`);
		expect(direct).toEqual(viaN8n);
	});
});
