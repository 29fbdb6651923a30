/**
 * Work put off until the run's latest request has had time to leave (`requestLeft`, see
 * StartSpreader), so that it does not delay that request; `flush()` does what is left at once.
 * Tasks run in the order added.
 */
export class AfterRequestLeft {
	private readonly tasks: Array<() => void> = [];

	private waiting = false;

	constructor(private readonly requestLeft: () => Promise<void>) {}

	add(task: () => void): void {
		this.tasks.push(task);
		if (this.waiting) return;
		this.waiting = true;
		void this.requestLeft().then(() => {
			this.waiting = false;
			this.flush();
		});
	}

	flush(): void {
		for (const task of this.tasks.splice(0)) task();
	}
}
