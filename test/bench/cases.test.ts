import { caseName } from '../../scripts/bench/caseName';
import { planCases } from '../../scripts/bench/cases';
import { DEFAULT_OPTIONS, parseOptions } from '../../scripts/bench/options';

describe('the bench cases', () => {
	it('the default run: fixed-L cases, jittered node and references at N = 10,000, one-item cases', () => {
		const cases = planCases(DEFAULT_OPTIONS);
		const jittered = cases.filter((c) => c.latency.jitter > 0);
		expect(jittered.map(caseName)).toEqual([
			'node-n10000-c1-l100j30',
			'requests-n10000-c1-l100j30',
			'transport-n10000-c1-l100j30',
			'node-n10000-c4-l100j30',
			'requests-n10000-c4-l100j30',
			'transport-n10000-c4-l100j30',
		]);
		expect(cases.filter((c) => c.kind === 'oneItem').map(caseName)).toEqual([
			'oneItem-node-n100-l25',
			'oneItem-httpRequest-n100-l25',
		]);
		expect(cases.filter((c) => c.latency.jitter === 0).every((c) => c.latency.ms === 25)).toBe(
			true,
		);
	});

	it('without the HTTP Request node, or with "none", fewer cases', () => {
		const withoutHttp = planCases(DEFAULT_OPTIONS, { withHttpRequest: false });
		expect(withoutHttp.filter((c) => c.kind === 'oneItem').map(caseName)).toEqual([
			'oneItem-node-n100-l25',
		]);
		const options = parseOptions(['--quick', '--jittered-sizes', 'none', '--one-item=none']);
		expect(planCases(options).some((c) => c.latency.jitter > 0 || c.kind === 'oneItem')).toBe(
			false,
		);
	});

	it('parses the jittered latency, the jitter and K', () => {
		const options = parseOptions([
			'--jittered-latency',
			'50',
			'--jitter=0.1',
			'--jittered-sizes',
			'1000',
			'--one-item',
			'20',
		]);
		expect(options).toMatchObject({
			jitteredLatencyMs: 50,
			jitter: 0.1,
			jitteredSizes: [1000],
			oneItemExecutions: 20,
		});
		expect(() => parseOptions(['--jitter', '1.5'])).toThrow(/fraction/);
	});
});
