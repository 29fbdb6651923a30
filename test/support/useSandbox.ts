import { startSandbox, type CapillarySandbox, type SandboxOptions } from '../sandbox';

/**
 * Starts a sandbox for the test file or describe block (beforeAll), resets it after each test
 * unless told not to, closes it at the end. `options` may be made when it starts (a certificate, say).
 * The returned object stands for that sandbox once it runs.
 */
export function useSandbox(
	options?: SandboxOptions | (() => Promise<SandboxOptions>),
	{ resetAfterEach = true } = {},
): CapillarySandbox {
	let running: CapillarySandbox | undefined;
	beforeAll(async () => {
		running = await startSandbox(typeof options === 'function' ? await options() : options);
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
