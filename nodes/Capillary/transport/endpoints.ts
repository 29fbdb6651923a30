/**
 * The Capillary endpoints the node calls, as paths from the API host root. The sandbox, the tests,
 * the benchmark and the scripts take them from here, so that each path is written once.
 */
export const ENDPOINTS = {
	/** `POST`: a client key and secret for an OAuth token (Capillary's "generate token"). */
	sessionGenerate: '/v3/oauth/token/generate',
	/** `POST`: enrol or issue up to 100 customers in one promotion. */
	bulkEnrolAndEarn: '/v2/promotion/bulk/enrolAndEarn',
	/** `POST`: revoke the enrolment (`REVOKE_ENROL`) or issues (`REVOKE_EARN`) of up to 100 customers. */
	bulkRevokeEnrolAndEarn: '/v2/promotion/bulk/revokeEnrolAndEarn',
	/** `GET`: one customer's loyalty promotions, with their enrolments and issues (paged). */
	customerPromotionData: '/v2/customers/lookup/promotionData',
	/** `GET`: the organisation's loyalty programs (the Program picker, the credential test). */
	programs: '/v2/organization/programs',
	/** `GET`: promotions, with their type and status (the Promotion picker). */
	promotions: '/v3/promotions',
} as const;
