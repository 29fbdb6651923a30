import type { INodeProperties } from 'n8n-workflow';

import { SOURCES } from './sources';

/** Get Customer Promotions: the operation whose Program and Promotion are optional filters. */
const LOOKUP = 'getCustomerPromotions';

const program: INodeProperties = {
	displayName: 'Program',
	name: 'programId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The loyalty program the promotion belongs to',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Choose a program…',
			typeOptions: { searchListMethod: 'searchPrograms', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 469',
			hint: 'The numeric program ID from Capillary (Loyalty+ → Programs)',
		},
	],
};

const promotion: INodeProperties = {
	displayName: 'Promotion',
	name: 'promotion',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The loyalty promotion, by its numeric ID or its external promotion identifier. Enrol works on Enrol & Issue promotions only; a Direct Issue promotion can only be issued.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Choose a promotion of the program…',
			typeOptions: {
				searchListMethod: 'searchPromotions',
				searchable: true,
				searchFilterRequired: false,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 57099',
			hint: 'The numeric promotion ID (promotionId)',
		},
		{
			displayName: 'By Promotion Identifier',
			name: 'promoIdentifier',
			type: 'string',
			placeholder: 'e.g. WELCOME10',
			hint: 'The external identifier configured on the promotion (promoIdentifier)',
		},
	],
};

/** The same parameter (same name, modes and pickers) as an optional filter of Get Customer Promotions. */
function lookupFilter(parameter: INodeProperties, description: string): INodeProperties {
	return {
		...parameter,
		required: false,
		description,
		displayOptions: { show: { operation: [LOOKUP] } },
	};
}

/** Parameters every operation shares. Names and option values are stored in users' workflows. */
export const operationParameters: INodeProperties[] = [
	{ ...program, displayOptions: { hide: { operation: [LOOKUP] } } },
	lookupFilter(
		program,
		'Only this program’s promotions (sent as the programs filter). Leave empty for all programs.',
	),
	{ ...promotion, displayOptions: { hide: { operation: [LOOKUP] } } },
	lookupFilter(
		promotion,
		'Only this promotion, by its numeric ID or its promotion identifier. Leave empty for all of the customer’s promotions.',
	),
	{
		displayName: 'Identifier Type',
		name: 'identifierName',
		type: 'options',
		options: [
			{
				name: 'Mobile',
				value: 'mobile',
				description: 'Mobile number, 8 to 15 digits, optionally after a +',
			},
			{ name: 'Email', value: 'email' },
			{ name: 'Customer ID', value: 'id', description: 'Capillary customer ID (a whole number)' },
		],
		default: 'mobile',
		description:
			'How customers are identified. One request carries one type only; items are grouped by it.',
	},
	{
		displayName: 'Identifier Value',
		name: 'identifierValue',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. {{ $json.phone }}',
		description:
			'The customer’s mobile, email or ID, usually an expression reading the incoming item',
		hint: 'Evaluated per item. Empty or malformed values go to the Failed output and are never sent.',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: SOURCES.map((value) => ({ name: value, value })),
		default: 'INSTORE',
		description: 'The source the customer registered through',
	},
	{
		displayName: 'Earned IDs',
		name: 'earnedIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.earnedId }}',
		displayOptions: { show: { operation: ['revokeEarn'] } },
		description:
			'The issues to revoke from this customer, by earned ID: one ID, a comma-separated list, or an expression giving a list, such as the earnedId field of an Issue run’s Success output. Leave empty to revoke ALL of the customer’s issues of this promotion.',
		hint: 'Empty revokes every issue of this promotion the customer holds',
	},
];
