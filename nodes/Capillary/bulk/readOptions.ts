import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FatalFailure } from '../helpers/types';
import { optionsCollection } from '../descriptions/options';
import { errorMessage } from '../helpers/errorMessage';

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
	verifyUnknownOutcomes: boolean;
	resendVerifiedNotApplied: boolean;
}

/** The editor's Options collection is the one definition of each option's default, kind and range. */
const DEFINITIONS = (optionsCollection.options ?? []) as INodeProperties[];

const DEFAULT_OPTIONS = Object.fromEntries(
	DEFINITIONS.map((option) => [option.name, option.default]),
) as unknown as BulkOptions;

/**
 * Node-wide settings, read once, for the first item (they do not vary per item). A value of the
 * wrong kind, outside the range the editor shows, or whose expression failed stops the run before
 * anything is sent, naming the option: a guess could send batches too large or too fast.
 */
export function readOptions(context: IExecuteFunctions): {
	options: BulkOptions;
	fatal?: FatalFailure;
} {
	let given: Record<string, unknown>;
	try {
		given = context.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	} catch (error) {
		const reason = errorMessage(error);
		return {
			options: DEFAULT_OPTIONS,
			fatal: {
				code: null,
				message: `The Options could not be evaluated (${reason}): nothing was sent`,
			},
		};
	}
	const options: Record<string, unknown> = { ...DEFAULT_OPTIONS };
	const stored = storedOptions(context);
	for (const definition of DEFINITIONS) {
		const { name } = definition;
		const value = given[name];
		const isExpression =
			typeof stored[name] === 'string' && (stored[name] as string).startsWith('=');
		if (value === undefined || value === null || value === '') {
			// n8n leaves out, or empties, an option whose expression failed: that is not the default.
			if (isExpression)
				return stop(
					definition,
					'could not be evaluated (its expression gave no value for the first item)',
				);
			continue;
		}
		const read =
			definition.type === 'boolean' ? readBoolean(value) : readWholeNumber(value, definition);
		if (typeof read === 'string') return stop(definition, read);
		options[name] = read.value;
	}
	return { options: options as unknown as BulkOptions };
}

function readBoolean(value: unknown): { value: boolean } | string {
	if (typeof value === 'boolean') return { value };
	if (value === 'true' || value === 'false') return { value: value === 'true' };
	return `must be true or false, got ${describe(value)}`;
}

function readWholeNumber(
	value: unknown,
	{ typeOptions }: INodeProperties,
): { value: number } | string {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	const min = typeOptions?.minValue ?? 0;
	const max = typeOptions?.maxValue ?? Number.MAX_SAFE_INTEGER;
	if (!Number.isInteger(number) || number < min || number > max)
		return `must be a whole number from ${min} to ${max}, got ${describe(value)}`;
	return { value: number };
}

function stop(
	{ displayName }: INodeProperties,
	problem: string,
): { options: BulkOptions; fatal: FatalFailure } {
	return {
		options: DEFAULT_OPTIONS,
		fatal: {
			code: null,
			message: `The option "${displayName}" ${problem}: correct it in the node's Options`,
		},
	};
}

function describe(value: unknown): string {
	const text =
		typeof value === 'string'
			? `"${value}"`
			: typeof value === 'object'
				? JSON.stringify(value)
				: String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The options as the workflow stores them: an expression is a string starting with "=". */
function storedOptions(context: IExecuteFunctions): Record<string, unknown> {
	const raw = context.getNode().parameters.options;
	return raw && typeof raw === 'object' && !Array.isArray(raw)
		? (raw as Record<string, unknown>)
		: {};
}
