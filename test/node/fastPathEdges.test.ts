import {
	promotionParameters,
	runCapillary,
	sandboxCredentials,
} from '../support/engine/capillaryWorkflow';
import { useSandbox } from '../support/useSandbox';
import { DEMO } from '../sandbox';

const sandbox = useSandbox();

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
