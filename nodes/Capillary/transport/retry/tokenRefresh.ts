import type { CapillaryResponse, Connection } from '../types';

/**
 * The one "on a 401, fetch a new OAuth token once and send again" path. `send(refreshToken)` makes
 * one attempt; it resolves undefined when the attempt did not leave (the run stopped), and then
 * nothing more is tried. A 401 refused the token, so nothing was applied: resending it loses
 * nothing. The second answer is kept whatever it is (a second 401 is the credential's to fix).
 */
export async function sendRefreshingTokenOnce<Response extends CapillaryResponse | undefined>(
	connection: Connection,
	send: (refreshToken: boolean) => Promise<Response>,
): Promise<Response> {
	const response = await send(false);
	if (response === undefined || !needsNewToken(connection, response)) return response;
	return await send(true);
}

/**
 * An OAuth 401 that says nothing of the customers: the token was refused, so nothing was applied.
 * A 401 that carries per-customer results is paired like any other answer, never resent.
 */
function needsNewToken(connection: Connection, response: CapillaryResponse): boolean {
	if (
		response.type !== 'http' ||
		response.statusCode !== 401 ||
		connection.credentialType !== 'capillaryOAuthApi'
	)
		return false;
	return !Array.isArray((response.body as { response?: unknown } | null)?.response);
}
