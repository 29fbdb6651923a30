/**
 * GET /v2/customers/lookup?source=&identifierName=&identifierValue= (optional extra; shape is our
 * choice): 200 {"id":N,"profiles":[{"firstName","lastName","source","identifiers":[{type,value}]}],
 * "warnings":[]}. Missing or invalid parameters give 400 with code 11013; an unknown customer (or the
 * user group) gives 400 with code 8015.
 */
import { ERROR_MESSAGES, IDENTIFIER_NAMES, VALID_SOURCES, type ErrorCode } from '../bulk/codes';
import { jsonResult, type HandlerResult, type RequestContext } from '../http/handlerTypes';
import { lookupCustomer } from '../seed/customers';
import type { IdentifierName } from '../types';

export function customerLookupRoute(context: RequestContext): HandlerResult {
	const source = context.query.get('source') ?? '';
	const identifierName = context.query.get('identifierName') ?? '';
	const identifierValue = context.query.get('identifierValue') ?? '';
	const knownName = IDENTIFIER_NAMES.find((name) => name === identifierName);
	if (!VALID_SOURCES.includes(source) || !knownName || identifierValue === '')
		return lookupError(11013);
	const found = lookupCustomer(knownName as IdentifierName, identifierValue);
	if (found.kind !== 'customer') return lookupError(8015);
	const { id, mobile, email } = found.customer;
	return jsonResult(200, {
		id,
		profiles: [
			{
				firstName: 'Customer',
				lastName: String(id),
				source,
				identifiers: [
					{ type: 'mobile', value: mobile },
					{ type: 'email', value: email },
				],
			},
		],
		warnings: [],
	});
}

function lookupError(code: ErrorCode): HandlerResult {
	return jsonResult(400, {
		errors: [{ status: false, code, message: ERROR_MESSAGES[code] }],
		warnings: [],
	});
}
