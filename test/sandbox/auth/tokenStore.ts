import { randomBytes, randomUUID } from 'node:crypto';
import { signJwt, verifyJwt } from './jwt';

/**
 * Tokens this sandbox issued, keyed by JWT id. A token is accepted only while it is in the store
 * and its expiry (millisecond precision) lies in the future; expireAll() forgets every token.
 * `clockOffsetSeconds` stands for a server clock that differs from the client's: it shifts the
 * token's iat/exp, not how long the token is accepted (the server judges with its own clock).
 */
export class TokenStore {
	private readonly secret = randomBytes(32);
	private readonly expiresAtMs = new Map<string, number>();

	issue(clientId: string, orgId: number, ttlSeconds: number, clockOffsetSeconds = 0): string {
		const nowMs = Date.now();
		const iat = Math.floor(nowMs / 1000 + clockOffsetSeconds);
		const jti = randomUUID();
		this.expiresAtMs.set(jti, nowMs + ttlSeconds * 1000);
		return signJwt(
			{
				iss: 'capillary-sandbox',
				client_id: clientId,
				org_id: orgId,
				iat,
				exp: iat + ttlSeconds,
				jti,
			},
			this.secret,
		);
	}

	isValid(token: string): boolean {
		const payload = verifyJwt(token, this.secret);
		if (!payload) return false;
		const expiresAt = this.expiresAtMs.get(payload.jti);
		return expiresAt !== undefined && Date.now() < expiresAt;
	}

	expireAll(): void {
		this.expiresAtMs.clear();
	}
}
