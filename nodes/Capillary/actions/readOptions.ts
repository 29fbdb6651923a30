import type { IExecuteFunctions } from 'n8n-workflow';

export interface BulkOptions {
	batchSize: number;
	parallelRequests: number;
	deduplicate: boolean;
	includeInputFields: boolean;
	timeout: number;
	maxRetries: number;
	maxRetryWait: number;
	retryUnknownOutcome: boolean;
	maxRequestsPerMinute: number;
}

export const DEFAULT_OPTIONS: BulkOptions = {
	batchSize: 100,
	parallelRequests: 1,
	deduplicate: true,
	includeInputFields: false,
	timeout: 60_000,
	maxRetries: 5,
	maxRetryWait: 30_000,
	retryUnknownOutcome: false,
	maxRequestsPerMinute: 0,
};

/** Node-wide settings, read once (they do not vary per item). Out-of-range numbers are clamped. */
export function readOptions(context: IExecuteFunctions): BulkOptions {
	const options = { ...DEFAULT_OPTIONS, ...(context.getNodeParameter('options', 0, {}) as Partial<BulkOptions>) };
	return {
		batchSize: clamp(options.batchSize, 1, 100),
		parallelRequests: clamp(options.parallelRequests, 1, 10),
		deduplicate: options.deduplicate !== false,
		includeInputFields: options.includeInputFields === true,
		timeout: clamp(options.timeout, 1_000, 600_000),
		maxRetries: clamp(options.maxRetries, 0, 10),
		maxRetryWait: clamp(options.maxRetryWait, 0, 600_000),
		retryUnknownOutcome: options.retryUnknownOutcome === true,
		maxRequestsPerMinute: clamp(options.maxRequestsPerMinute, 0, 100_000),
	};
}

function clamp(value: number, min: number, max: number): number {
	const number = Math.floor(Number(value));
	return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : min;
}
