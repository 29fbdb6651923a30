import { basicAuthHeader, OAUTH_CLIENTS, ORG_ID, TILL_USERS } from './seed/credentials';
import {
	CUSTOMER_COUNT,
	NAMED_CUSTOMERS,
	ruleCustomer,
	USER_GROUP,
	type CustomerIdentifiers,
} from './seed/customers';
import { VALID_SOURCES } from './bulk/codes';

const [mainTillUser] = TILL_USERS;
const [mainClient] = OAUTH_CLIENTS;

/** Demo credentials, ids and customers, for tests, the demo and the benchmark. */
export const DEMO = {
	orgId: ORG_ID,
	/** The worked example of Capillary's docs: store.server / server123. */
	basic: {
		...mainTillUser,
		header: basicAuthHeader(mainTillUser.username, mainTillUser.passwordMd5),
	},
	tillUsers: TILL_USERS,
	oauth: { ...mainClient },
	programs: { demoRewards: 469, goldClub: 2714, staffPerks: 3001 },
	promotions: {
		/** Enrol & Issue, LIVE, issue limit 1. */
		welcome: { programId: 469, promotionId: 57099, promoIdentifier: 'WELCOME10', issueLimit: 1 },
		/** Direct Issue, LIVE, issue limit 3. */
		birthday: { programId: 469, promotionId: 69218, promoIdentifier: 'BDAY2026', issueLimit: 3 },
		/** Enrol & Issue, INACTIVE: 8892. */
		inactive: { programId: 469, promotionId: 57100, promoIdentifier: 'OLDWELCOME' },
		/** Direct Issue, UPCOMING: 8892 in bulk calls. */
		upcoming: { programId: 469, promotionId: 57101, promoIdentifier: 'SUMMER2027' },
		/** Direct Issue, COMPLETED: 8892 in bulk calls. */
		completed: { programId: 469, promotionId: 57103, promoIdentifier: 'WINTER2025' },
		/** GENERIC (available without issue): 8902 for both actions. */
		generic: { programId: 469, promotionId: 57102, promoIdentifier: 'ANYONE5' },
		/** DRAFT: promotionId 0 in the v3 list, unknown (8874) to bulk calls. */
		draft: { programId: 469, promotionId: 0, promoIdentifier: 'AUTUMN_DRAFT' },
		/** Enrol & Issue in Gold Club, issue limit 5 (the reference page's example). */
		goldEnrol: {
			programId: 2714,
			promotionId: 202188,
			promoIdentifier: 'GOLD_ENROL',
			issueLimit: 5,
		},
		/** Direct Issue in Gold Club, issue limit 100 (the reference page's example). */
		goldDirect: {
			programId: 2714,
			promotionId: 202090,
			promoIdentifier: 'GOLD_DIRECT',
			issueLimit: 100,
		},
	},
	sources: VALID_SOURCES,
	/** Customers k in [0, customerCount) exist by rule; see customer(k). */
	customerCount: CUSTOMER_COUNT,
	customer: (k: number): CustomerIdentifiers => ruleCustomer(k),
	namedCustomers: NAMED_CUSTOMERS,
	/** Identifiers of a user group: 8899. */
	userGroup: USER_GROUP,
	/** Well-formed identifiers that match nobody: 8015. */
	unknownCustomer: { id: 2000000, mobile: '919100000000', email: 'nobody@example.com' },
} as const;
