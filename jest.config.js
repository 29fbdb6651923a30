/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testTimeout: 30000,
	// Most suites spend their time waiting (sandbox latency, timeouts, rate-limit and retry waits), so
	// two workers overlap those waits even on two cores: about 80 s instead of 150 s here.
	maxWorkers: 2,
};
