import { createHmac, timingSafeEqual } from 'node:crypto';

/** Minimal HS256 JWT (RFC 7519) signing and verification: enough for a faithful token, no more. */

export interface SandboxJwtPayload {
	iss: string;
	client_id: string;
	org_id: number;
	iat: number;
	exp: number;
	jti: string;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64url');
}

function sign(signingInput: string, secret: Buffer): Buffer {
	return createHmac('sha256', secret).update(signingInput).digest();
}

export function signJwt(payload: SandboxJwtPayload, secret: Buffer): string {
	const signingInput = `${HEADER}.${base64url(JSON.stringify(payload))}`;
	return `${signingInput}.${sign(signingInput, secret).toString('base64url')}`;
}

/** Returns the payload only when the token is well formed, HS256 and signed with `secret`. */
export function verifyJwt(token: string, secret: Buffer): SandboxJwtPayload | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
	const expected = sign(`${parts[0]}.${parts[1]}`, secret);
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
	try {
		const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		return isPayload(payload) ? payload : undefined;
	} catch {
		return undefined;
	}
}

function isPayload(value: unknown): value is SandboxJwtPayload {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return (
		typeof record.jti === 'string' &&
		typeof record.exp === 'number' &&
		typeof record.client_id === 'string'
	);
}
