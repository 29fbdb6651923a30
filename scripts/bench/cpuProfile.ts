import * as fs from 'fs';
import { Session } from 'inspector';

/** Records a V8 CPU profile of what runs between start() and stop(), for `--profile DIR`. */
export class CpuProfile {
	private readonly session = new Session();

	async start(): Promise<void> {
		this.session.connect();
		await this.post('Profiler.enable');
		await this.post('Profiler.setSamplingInterval', { interval: 200 });
		await this.post('Profiler.start');
	}

	/** Writes the profile (open it in Chrome DevTools, or summarise it with profileSummary.ts). */
	async stop(file: string): Promise<void> {
		const { profile } = (await this.post('Profiler.stop')) as { profile: unknown };
		this.session.disconnect();
		fs.writeFileSync(file, JSON.stringify(profile));
	}

	private post(method: string, params: object = {}): Promise<unknown> {
		return new Promise((resolve, reject) =>
			this.session.post(method, params, (error, result) =>
				error ? reject(error) : resolve(result),
			),
		);
	}
}
