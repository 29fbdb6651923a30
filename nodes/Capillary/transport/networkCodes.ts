/** Network error codes, by what they say about whether a request reached Capillary. */

/** Node's codes for a certificate that fails verification: raised in the TLS handshake, before anything is sent. */
export const CERTIFICATE_CODES: ReadonlySet<string> = new Set([
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_REVOKED',
	'CERT_UNTRUSTED',
	'CERT_REJECTED',
	'CERT_SIGNATURE_FAILURE',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'ERR_TLS_CERT_ALTNAME_INVALID',
	'HOSTNAME_MISMATCH',
]);

/** Node's codes for a request it refused to build (a header or URL it cannot send): thrown before anything is written. */
export const UNSENDABLE_CODES: ReadonlySet<string> = new Set([
	'ERR_INVALID_CHAR',
	'ERR_INVALID_HTTP_TOKEN',
	'ERR_HTTP_INVALID_HEADER_VALUE',
	'ERR_INVALID_URL',
	'ERR_UNESCAPED_CHARACTERS',
]);

/** Network failures that happen before the request reaches the server: retried, then they stop the run. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** The request left and no complete answer came in time: it may have been applied. */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
]);

/**
 * A TLS handshake that failed at the first exchange (an https:// Base URL on a host that does not
 * speak TLS there): Node reports it as EPROTO on the handshake's write. A failure after the handshake
 * comes as ERR_SSL_*, and stays unknown.
 */
export const HANDSHAKE_CODES: ReadonlySet<string> = new Set(['EPROTO']);
