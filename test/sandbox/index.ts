export { startSandbox } from './server';
export { DEMO } from './demo';
export { md5Hex } from './auth/md5';
export { basicAuthHeader } from './seed/credentials';
export { ERROR_MESSAGES, LIMIT_WARNING, REVOKE_ERROR_MESSAGES, VALID_SOURCES } from './bulk/codes';
export { PROGRAMS } from './seed/programs';
export { PROMOTIONS } from './seed/promotions';
export type {
	CapillarySandbox,
	Fault,
	IdentifierName,
	LedgerEntry,
	RequestRecord,
	SandboxOptions,
} from './types';
export type { CustomerIdentifiers } from './seed/customers';
export type { OAuthClient, TillUser } from './seed/credentials';
export type { SeedProgram } from './seed/programs';
export type { PromotionStatus, PromotionType, SeedPromotion } from './seed/promotions';
export type { ErrorCode, RevokeErrorCode } from './bulk/codes';
