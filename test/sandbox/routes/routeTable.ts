import { enrolAndEarnRoute } from '../bulk/enrolAndEarnRoute';
import type { Handler } from '../http/handlerTypes';
import { BULK_ENROL_AND_EARN_PATH } from '../state/faultQueue';
import { customerLookupRoute } from './customerLookupRoute';
import { programsRoute } from './programsRoute';
import { tokenGenerateRoute } from './tokenGenerateRoute';
import { v3PromotionsRoute } from './v3PromotionsRoute';

export interface Route {
	method: 'GET' | 'POST';
	handler: Handler;
	authenticated: boolean; // every endpoint but token generation needs Basic or OAuth
}

export const TOKEN_GENERATE_PATH = '/v3/oauth/token/generate';

export const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
	[TOKEN_GENERATE_PATH, { method: 'POST', handler: tokenGenerateRoute, authenticated: false }],
	[BULK_ENROL_AND_EARN_PATH, { method: 'POST', handler: enrolAndEarnRoute, authenticated: true }],
	['/v2/organization/programs', { method: 'GET', handler: programsRoute, authenticated: true }],
	['/v3/promotions', { method: 'GET', handler: v3PromotionsRoute, authenticated: true }],
	['/v2/customers/lookup', { method: 'GET', handler: customerLookupRoute, authenticated: true }],
]);
