import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export type Operation =
	| 'enrol'
	| 'earn'
	| 'enrolAndEarn'
	| 'revokeEarn'
	| 'revokeEnrol'
	| 'getCustomerPromotions';
export type BulkAction = 'ENROL' | 'EARN' | 'REVOKE_ENROL' | 'REVOKE_EARN';
export type IdentifierName = 'mobile' | 'email' | 'id';

export type PromotionRef = { promotionId: number } | { promoIdentifier: string };

/** Customers that can share one request body: same program, promotion and identifier type. */
export interface CustomerGroup {
	programId: number;
	promotion: PromotionRef;
	identifierName: IdentifierName;
}

/** One request's worth of customers of one group, in input order. */
export interface BatchJob {
	group: CustomerGroup;
	customers: CustomerRequest[];
}

/** One input item, read and validated: ready to send. */
export interface CustomerRequest {
	itemIndex: number;
	programId: number;
	promotion: PromotionRef;
	identifierName: IdentifierName;
	/** The value sent: a mobile's digits only. */
	identifierValue: string;
	/** The value as the item gave it (trimmed), when it differs from the one sent. */
	givenValue?: string;
	source: string;
	/** Revoke Issue: the earned IDs to revoke (digits); absent revokes all of the customer's issues. */
	earnIds?: string[];
}

export type ErrorKind = 'invalid_input' | 'rejected' | 'request_failed' | 'unmatched';
/** `not_applied`: certainly not enrolled/issued/revoked. `unknown`: may have been. */
export type Outcome = 'not_applied' | 'unknown';

export interface CustomerError {
	kind: ErrorKind;
	code: number | string | null;
	message: string;
	outcome: Outcome;
	/** The raw response body, for `unmatched` failures. */
	response?: unknown;
	/** Enrol and Issue: the step that failed (the customer is enrolled when it is `earn`). */
	step?: 'enrol' | 'earn';
}

export interface AppliedIds {
	entityId?: number;
	issualId?: string;
	earnedId?: string;
	warnings: unknown[];
	requestId?: string;
	/** Enrol and Issue: the request id of the enrolment step. */
	enrolRequestId?: string;
	/** Revoke Issue: the earned IDs Capillary says it revoked. */
	revokedEarnIds?: string[];
	/** Revoke Enrolment: the enrolment (issualId) Capillary says it revoked. */
	revokedIssualId?: string;
	/** Set when the customer lookup decided an outcome the request's answer left unknown (true), or could not (false). */
	verified?: boolean;
	/** What the customer lookup found, or why it could not decide. */
	verification?: string;
	/** Sent a second time, after the lookup showed the first request certainly not applied. */
	resent?: boolean;
	/** An unknown outcome's request: what it asked for, and when it left (ms, on the steady clock of verification/steadyClock.ts). Not output. */
	sentRequest?: {
		action: BulkAction;
		sentAt: number;
		/** Capillary itself answered (2xx or 500): it is no longer working on the request. */
		answered: boolean;
	};
}

export type CustomerResult =
	| ({ status: 'success' } & AppliedIds)
	| ({ status: 'failed'; error: CustomerError } & Partial<AppliedIds>);

/** A request-level failure that makes sending further batches pointless. */
export interface FatalFailure {
	message: string;
	code: number | string | null;
}

/** An item that is not sent: what could be read of it, and why it is invalid. */
export interface InvalidItem {
	valid: false;
	itemIndex: number;
	fields: IDataObject;
	message: string;
}

/** Result fields for one input item, before the router turns them into an output item. */
export interface ItemResult {
	itemIndex: number;
	fields: IDataObject;
	result: CustomerResult;
	enrolled?: boolean | null;
	duplicateOf?: number;
	/** The input item, when the output item is to include its fields and binary data. */
	input?: INodeExecutionData;
}

/** Takes each input item's result once, as soon as it is final (not necessarily in input order). */
export type ResultSink = (result: ItemResult) => void;
