import { lookupFailure } from '../../nodes/Capillary/lookup/lookupFailure';
import type { CapillaryResponse } from '../../nodes/Capillary/transport/types';
import { example } from './promotionDataExamples';

const failed = (response: CapillaryResponse) =>
	lookupFailure({ found: false, reason: 'x', response });
const http = (statusCode: number, body: unknown): CapillaryResponse => ({
	type: 'http',
	statusCode,
	body,
});

test.each([
	[8015, example.CUSTOMER_NOT_FOUND(), 'Customer not found for the given identifiers'],
	[8003, example.INVALID_SOURCE(), 'Invalid source'],
	[
		8013,
		{ errors: [{ status: false, code: 8013, message: 'Identifier name missing or incorrect' }] },
		'Identifier name missing or incorrect',
	],
])("Capillary's %s is this customer's rejection, not the run's", (code, body, message) => {
	expect(failed(http(400, body))).toEqual({
		error: { kind: 'rejected', code, message, outcome: 'not_applied' },
	});
});

test('any other 400 stops the run, as in the bulk operations', () => {
	const { error, fatal } = failed(http(400, { errors: [{ code: 400, message: 'Invalid limit' }] }));
	expect(error).toMatchObject({ kind: 'request_failed', code: 400, outcome: 'not_applied' });
	expect(fatal).toEqual({ code: 400, message: error.message });
});

test.each<[string, CapillaryResponse, boolean]>([
	['a 500', http(500, { errors: [{ code: 500, message: 'boom' }] }), false],
	['a 502 without a body', http(502, ''), false],
	['a reset', { type: 'network', code: 'ECONNRESET', message: 'socket hang up' }, false],
	['a timeout', { type: 'network', code: 'ETIMEDOUT', message: 'timed out' }, false],
	['a redirect', http(302, ''), true],
])('%s changed nothing: not_applied, and no word of it being applied', (_, response, stops) => {
	const { error, fatal } = failed(response);
	expect(error.kind).toBe('request_failed');
	expect(error.outcome).toBe('not_applied');
	expect(error.message).not.toMatch(/may have/);
	expect(fatal !== undefined).toBe(stops);
	if (fatal) expect(fatal.message).toBe(error.message);
});

test('an answer that cannot be used is unmatched, with the reason', () => {
	expect(lookupFailure({ found: false, reason: 'its pages name different customers' })).toEqual({
		error: {
			kind: 'unmatched',
			code: null,
			message: 'The customer lookup failed, because its pages name different customers',
			outcome: 'not_applied',
		},
	});
});
