import type { IExecuteFunctions } from 'n8n-workflow';

import type { FatalFailure } from '../helpers/types';
import { optionsCollection } from './options';

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

const RANGES: Partial<Record<keyof BulkOptions, [number, number]>> = {
	batchSize: [1, 100],
	parallelRequests: [1, 10],
	timeout: [1_000, 600_000],
	maxRetries: [0, 10],
	maxRetryWait: [0, 600_000],
	maxRequestsPerMinute: [0, 100_000],
};

/**
 * Node-wide settings, read once, for the first item (they do not vary per item). Out-of-range
 * numbers are clamped; a value that is not a number takes its default. Options that cannot be
 * evaluated stop the run before anything is sent: a guess could send batches too large or too fast.
 */
export function readOptions(context: IExecuteFunctions): { options: BulkOptions; fatal?: FatalFailure } {
	let given: Partial<Record<keyof BulkOptions, unknown>>;
	try {
		given = context.getNodeParameter('options', 0, {}) as typeof given;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { options: DEFAULT_OPTIONS, fatal: { code: null, message: `The Options could not be evaluated (${reason}): nothing was sent` } };
	}
	// n8n leaves out, or empties, an option whose expression failed: that is not the default.
	const unevaluated = expressionOptions(context).find((name) => given[name] === undefined || given[name] === null || given[name] === '');
	if (unevaluated) {
		const message = `The option ${optionLabel(unevaluated)} could not be evaluated (its expression gave no value for the first item): nothing was sent`;
		return { options: DEFAULT_OPTIONS, fatal: { code: null, message } };
	}
	const options = { ...DEFAULT_OPTIONS };
	for (const [name, [min, max]] of Object.entries(RANGES) as Array<[keyof BulkOptions, [number, number]]>) {
		const number = Math.floor(Number(given[name] ?? DEFAULT_OPTIONS[name]));
		(options[name] as number) = Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : (DEFAULT_OPTIONS[name] as number);
	}
	options.deduplicate = given.deduplicate !== false;
	options.includeInputFields = given.includeInputFields === true;
	options.retryUnknownOutcome = given.retryUnknownOutcome === true;
	return { options };
}

/** The options the node holds as expressions, by name. */
function expressionOptions(context: IExecuteFunctions): Array<keyof BulkOptions> {
	const raw = context.getNode().parameters.options;
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
	return Object.entries(raw)
		.filter(([, value]) => typeof value === 'string' && value.startsWith('='))
		.map(([name]) => name as keyof BulkOptions);
}

function optionLabel(name: string): string {
	const option = optionsCollection.options?.find((o) => 'name' in o && o.name === name);
	return option && 'displayName' in option ? `"${option.displayName}"` : `"${name}"`;
}
