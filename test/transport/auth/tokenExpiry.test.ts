import { localExpiry, tokenIsUsable } from '../../../nodes/Capillary/transport/auth/tokenExpiry';

const jwt = (claims: object) =>
	`eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const NOW = 1_800_000_000_000;

test('the local expiry counts the lifetime from the local request time, whatever the JWT exp says', () => {
	const skewedBehind = jwt({ iat: NOW / 1000 - 600, exp: NOW / 1000 - 300 }); // Capillary's clock 10 min behind
	const skewedAhead = jwt({ iat: NOW / 1000 + 3600, exp: NOW / 1000 + 3900 });
	for (const token of [skewedBehind, skewedAhead]) {
		expect(localExpiry(token, 300, NOW)).toBe(NOW + 270_000); // 300 s less the 30 s margin
		expect(localExpiry(token, undefined, NOW)).toBe(NOW + 270_000); // exp − iat
	}
});

test('ttlSeconds wins over exp − iat; a short lifetime keeps a tenth as margin', () => {
	expect(localExpiry(jwt({ iat: 0, exp: 300 }), 20, NOW)).toBe(NOW + 18_000);
});

test('with no lifetime stated (no ttlSeconds, not a JWT, or 0), an hour is assumed and the 401 path covers the rest', () => {
	expect(localExpiry('opaque-token', undefined, NOW)).toBe(NOW + 3_570_000);
	expect(localExpiry(jwt({ iat: 5, exp: 5 }), 0, NOW)).toBe(NOW + 3_570_000);
});

test('a token is usable only with a local expiry that has not passed', () => {
	const usable = (sessionExpiresAt: number | string | undefined, accessToken = 'tok') =>
		tokenIsUsable(
			sessionExpiresAt === undefined ? { accessToken } : { accessToken, sessionExpiresAt },
			NOW,
		);
	expect(usable(NOW + 1)).toBe(true);
	expect(usable(String(NOW + 1))).toBe(true);
	expect(usable(NOW)).toBe(false);
	expect(usable(undefined)).toBe(false); // saved by an older version: replaced once
	expect(usable(0)).toBe(false);
	expect(usable('soon')).toBe(false);
	expect(usable(NOW + 1, '')).toBe(false);
});
