import type { INodeProperties } from 'n8n-workflow';

/**
 * The Cluster and Base URL fields both credentials start with. Option values are stored in users'
 * credentials and are the keys of `CLUSTER_HOSTS` (transport/auth/baseUrl), which resolves them.
 */
export const clusterFields: INodeProperties[] = [
	{
		displayName: 'Cluster',
		name: 'cluster',
		type: 'options',
		options: [
			{ name: 'Asia-2 / SEA', value: 'apac2' },
			{ name: 'China', value: 'china' },
			{ name: 'Custom Base URL', value: 'custom' },
			{ name: 'EU', value: 'eu' },
			{ name: 'India / Asia-1', value: 'apac' },
			{ name: 'US', value: 'us' },
		],
		default: 'apac',
		description:
			'The Capillary cluster your organisation lives on (the host of your InTouch login)',
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: '',
		placeholder: 'https://eu.api.capillarytech.com',
		description:
			'Host root of the Capillary API, without /v2. Must use https://, except on localhost.',
		displayOptions: { show: { cluster: ['custom'] } },
	},
];
