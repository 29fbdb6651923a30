import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationOptions, operationSubtitle } from './actions/index';
import { operationParameters } from './descriptions/operationParameters';
import { optionsCollection } from './descriptions/options';
import { router } from './actions/router';
import { capillaryBasicApiTest, capillaryOAuthApiTest } from './methods/credentialTest';
import { searchPrograms, searchPromotions } from './methods/listSearch';

export class Capillary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary',
		name: 'capillary',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: operationSubtitle,
		description:
			'Enrol customers in Capillary loyalty promotions, issue them, revoke them (up to 100 customers per request), and look up what a customer holds',
		defaults: { name: 'Capillary' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Success', 'Failed'],
		credentials: [
			{
				name: 'capillaryOAuthApi',
				required: true,
				testedBy: 'capillaryOAuthApiTest',
				displayOptions: { show: { authentication: ['oAuth'] } },
			},
			{
				name: 'capillaryBasicApi',
				required: true,
				testedBy: 'capillaryBasicApiTest',
				displayOptions: { show: { authentication: ['basicAuth'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'OAuth (Client Key and Secret)', value: 'oAuth' },
					{ name: 'Basic Auth (Till)', value: 'basicAuth' },
				],
				default: 'oAuth',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Loyalty Promotion', value: 'loyaltyPromotion' }],
				default: 'loyaltyPromotion',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['loyaltyPromotion'] } },
				options: operationOptions,
				default: 'enrolAndEarn',
			},
			{
				displayName:
					'Enrol works only with Enrol & Issue promotions. A Direct Issue promotion cannot be enrolled in (Capillary answers 8902): choose Issue (Earn) for it. The promotion list shows each promotion’s type.',
				name: 'enrolNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { operation: ['enrol', 'enrolAndEarn'] } },
			},
			{
				displayName:
					'In an Enrol & Issue promotion, Capillary revokes an enrolment only once the customer’s issues of it are revoked: run Revoke Issue first. A customer who still holds issues goes to the Failed output with Capillary’s error. Direct Issue promotions have no enrolment to revoke.',
				name: 'revokeEnrolNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { operation: ['revokeEnrol'] } },
			},
			{
				displayName:
					'Keep "Retry On Fail" (node Settings) off, above all for Issue: it re-runs the whole node and re-sends every batch, including those already applied, so customers can be issued twice.',
				name: 'retryOnFailNotice',
				type: 'notice',
				default: '',
				displayOptions: { hide: { operation: ['getCustomerPromotions'] } },
			},
			...operationParameters,
			optionsCollection,
		],
	};

	methods = {
		credentialTest: { capillaryOAuthApiTest, capillaryBasicApiTest },
		listSearch: { searchPrograms, searchPromotions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
