import { startSandbox, type CapillarySandbox, type SandboxOptions } from '../sandbox';

/**
 * Starts a sandbox for the test file (beforeAll), resets it after each test, closes it at the end.
 * The returned object stands for that sandbox once it runs.
 */
export function useSandbox(
	options?: SandboxOptions,
	{ resetAfterEach = true } = {},
): CapillarySandbox {
	let running: CapillarySandbox | undefined;
	beforeAll(async () => {
		running = await startSandbox(options);
	});
	if (resetAfterEach) afterEach(() => running?.reset());
	afterAll(async () => await running?.close());
	return new Proxy({} as CapillarySandbox, {
		get(_, property) {
			if (!running) throw new Error('The sandbox is used before beforeAll started it');
			const value = Reflect.get(running, property) as unknown;
			return typeof value === 'function'
				? (value as (...args: unknown[]) => unknown).bind(running)
				: value;
		},
	});
}
