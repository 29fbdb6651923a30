import type { CustomerRequest } from '../../nodes/Capillary/helpers/types';

/** A validated customer for unit tests: program 469, promotion 1, by mobile, unless overridden. */
export const customerRequest = (
	itemIndex: number,
	identifierValue: string,
	overrides: Partial<CustomerRequest> = {},
): CustomerRequest => ({
	itemIndex,
	programId: 469,
	promotion: { promotionId: 1 },
	identifierName: 'mobile',
	identifierValue,
	source: 'INSTORE',
	...overrides,
});
