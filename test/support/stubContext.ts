import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * A stub execution context for runBulkOperation, for what the engine cannot reach: items holding
 * getters (the engine deep-copies items), or many fast scenarios. Constant parameters, and
 * identifierValue through the `{{ $json.mobile }}` fast path.
 */
export function stubContext({
	options = {},
	signal,
}: { options?: Record<string, unknown>; signal?: AbortSignal } = {}): IExecuteFunctions {
	const parameters: Record<string, unknown> = {
		authentication: 'oAuth',
		programId: { __rl: true, mode: 'id', value: '469' },
		promotion: { __rl: true, mode: 'id', value: '57099' },
		identifierName: 'mobile',
		identifierValue: '={{ $json.mobile }}',
		source: 'INSTORE',
		options,
	};
	return {
		getNode: () => ({
			parameters,
			type: 'n8n-nodes-capillary.capillary',
			credentials: { capillaryOAuthApi: { id: '1', name: 'c' } },
		}),
		getNodeParameter: (name: string) => {
			const value = parameters[name];
			return value && typeof value === 'object' && '__rl' in value
				? (value as unknown as { value: unknown }).value
				: value;
		},
		getCredentials: async () => ({ cluster: 'eu' }),
		getExecutionCancelSignal: () => signal,
	} as unknown as IExecuteFunctions;
}
