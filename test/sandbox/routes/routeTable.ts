import { enrolAndEarnRoute } from '../bulk/enrolAndEarnRoute';
import { revokeEnrolAndEarnRoute } from '../bulk/revokeEnrolAndEarnRoute';
import type { Handler } from '../http/handlerTypes';
import { customerLookupRoute } from './customerLookupRoute';
import { programsRoute } from './programsRoute';
import { promotionDataRoute } from './promotionDataRoute';
import { tokenGenerateRoute } from './tokenGenerateRoute';
import { v3PromotionsRoute } from './v3PromotionsRoute';
import { ENDPOINTS } from '../../../nodes/Capillary/transport/endpoints';

export interface Route {
	method: 'GET' | 'POST';
	handler: Handler;
	authenticated: boolean; // every endpoint but token generation needs Basic or OAuth
}

export const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
	[
		ENDPOINTS.sessionGenerate,
		{ method: 'POST', handler: tokenGenerateRoute, authenticated: false },
	],
	[ENDPOINTS.bulkEnrolAndEarn, { method: 'POST', handler: enrolAndEarnRoute, authenticated: true }],
	[
		ENDPOINTS.bulkRevokeEnrolAndEarn,
		{ method: 'POST', handler: revokeEnrolAndEarnRoute, authenticated: true },
	],
	[
		ENDPOINTS.customerPromotionData,
		{ method: 'GET', handler: promotionDataRoute, authenticated: true },
	],
	[ENDPOINTS.programs, { method: 'GET', handler: programsRoute, authenticated: true }],
	[ENDPOINTS.promotions, { method: 'GET', handler: v3PromotionsRoute, authenticated: true }],
	['/v2/customers/lookup', { method: 'GET', handler: customerLookupRoute, authenticated: true }],
]);
