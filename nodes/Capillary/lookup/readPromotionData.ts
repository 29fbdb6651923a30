/**
 * Reads one page of `GET v2/customers/lookup/promotionData` into what the node uses, checking the
 * type of every field it uses against the docs' examples. Anything else is `unreadable` with the
 * reason: a caller must never take missing or malformed data for "nothing there".
 * Ids are read as the bulk APIs name them ([INFERENCE] of the shared lifecycle document):
 * a timeline's `enrollmentId` is the enrolment's `issualId`, an `issuedDetails[].issualId` an
 * issue's `earnedId`.
 */

export interface LookupIssue {
	earnedId: string;
	/** As Capillary gave it, and as ms since the epoch. */
	issuedAt: string;
	issuedAtMs: number;
	expiresAt?: string;
	redeemedCount?: number;
}

export interface LookupEnrolment {
	issualId?: string;
	enrolledAt?: string;
	enrolledAtMs?: number;
	expiresAt?: string;
	/** Absent when Capillary left `issuedDetails` out: then nothing is known of the issues. */
	issues?: LookupIssue[];
}

export interface LookupPromotion {
	promotionId: number;
	promoIdentifier?: string;
	promotionName?: string;
	programId?: number;
	/** GENERIC (available without issue), LOYALTY (Direct Issue), LOYALTY_EARNING (Enrol & Issue). */
	pointsOfferType?: string;
	active?: boolean;
	startDate?: string;
	endDate?: string;
	/** Absent when Capillary left `customerPromotionTimelines` out (GENERIC promotions have none). */
	timelines?: LookupEnrolment[];
}

export interface PromotionDataPage {
	customerId?: number;
	totalEntries: number;
	promotions: LookupPromotion[];
}

export type ReadPage = PromotionDataPage | { unreadable: string };

export function readPromotionDataPage(body: unknown): ReadPage {
	if (!isObject(body)) return { unreadable: 'the answer is not a JSON object' };
	const totalEntries = isObject(body.pageDetails)
		? wholeNumber(body.pageDetails.totalEntries)
		: undefined;
	if (totalEntries === undefined) return { unreadable: 'pageDetails.totalEntries is missing' };
	if (!Array.isArray(body.promotions)) return { unreadable: 'promotions is not a list' };
	const customerId = body.customerId ?? undefined;
	if (customerId !== undefined && wholeNumber(customerId) === undefined)
		return { unreadable: 'customerId is not a number' };
	const promotions: LookupPromotion[] = [];
	for (const [index, raw] of body.promotions.entries()) {
		const promotion = readPromotion(raw);
		if (typeof promotion === 'string')
			return { unreadable: `promotion ${index} of the page has ${promotion}` };
		promotions.push(promotion);
	}
	return { customerId: wholeNumber(customerId), totalEntries, promotions };
}

function readPromotion(raw: unknown): LookupPromotion | string {
	if (!isObject(raw)) return 'an entry that is not an object';
	const promotionId = wholeNumber(raw.promotionId);
	if (promotionId === undefined) return 'no promotionId';
	const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
	const promotion: LookupPromotion = {
		promotionId,
		promoIdentifier: text('identifier'),
		promotionName: text('promotionName'),
		programId: wholeNumber(raw.programId),
		pointsOfferType: text('pointsOfferType'),
		active: typeof raw.active === 'boolean' ? raw.active : undefined,
		startDate: text('startDate'),
		endDate: text('endDate'),
	};
	// It decides whether this is the promotion asked about: one that is there but unreadable is no match.
	if ((raw.programId ?? undefined) !== undefined && promotion.programId === undefined)
		return 'a programId that is not a number';
	const timelines = raw.customerPromotionTimelines ?? undefined;
	if (timelines === undefined) return promotion;
	if (!Array.isArray(timelines)) return 'customerPromotionTimelines that are not a list';
	const read: LookupEnrolment[] = [];
	for (const entry of timelines) {
		const enrolment = readEnrolment(entry);
		if (typeof enrolment === 'string') return enrolment;
		read.push(enrolment);
	}
	return { ...promotion, timelines: read };
}

function readEnrolment(raw: unknown): LookupEnrolment | string {
	if (!isObject(raw)) return 'a timeline entry that is not an object';
	const enrolment: LookupEnrolment = {};
	const issualId = raw.enrollmentId ?? undefined;
	if (issualId !== undefined) {
		if (!isId(issualId)) return 'an enrollmentId that is not an id';
		enrolment.issualId = canonicalId(issualId);
	}
	const enrolled = readDate(raw.enrollmentDate);
	if (enrolled === null) return 'an enrollmentDate that is not a date';
	if (enrolled) [enrolment.enrolledAt, enrolment.enrolledAtMs] = enrolled;
	const expires = readDate(raw.enrollmentExpiryDate);
	if (expires === null) return 'an enrollmentExpiryDate that is not a date';
	if (expires) enrolment.expiresAt = expires[0];
	const issues = raw.issuedDetails ?? undefined;
	if (issues === undefined) return enrolment;
	if (!Array.isArray(issues)) return 'issuedDetails that are not a list';
	enrolment.issues = [];
	for (const issue of issues) {
		const read = readIssue(issue);
		if (typeof read === 'string') return read;
		enrolment.issues.push(read);
	}
	return enrolment;
}

function readIssue(raw: unknown): LookupIssue | string {
	if (!isObject(raw)) return 'an issue that is not an object';
	if (!isId(raw.issualId)) return 'an issue without an issualId';
	const issued = readDate(raw.issualDate);
	if (!issued) return 'an issue without a valid issualDate';
	const expires = readDate(raw.issualExpiryDate);
	if (expires === null) return 'an issualExpiryDate that is not a date';
	const redeemed = wholeNumber(raw.redeemedCount);
	return {
		earnedId: canonicalId(raw.issualId),
		issuedAt: issued[0],
		issuedAtMs: issued[1],
		...(expires ? { expiresAt: expires[0] } : {}),
		...(redeemed === undefined ? {} : { redeemedCount: redeemed }),
	};
}

/** An ISO date-time with its zone ("2024-06-25T12:41:55.000Z"): one without could be any zone's. */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date as given and in ms; undefined when absent; null when present but not a dated instant (no
 * zone, or a day that does not exist, such as Feb 31, which Date.parse would move to March).
 */
function readDate(value: unknown): [string, number] | undefined | null {
	if (value === undefined || value === null) return undefined;
	const parts = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
	if (!parts) return null;
	const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
	if (hour > 23 || minute > 59 || second > 59) return null;
	const ms = Date.parse(value as string);
	return Number.isFinite(ms) ? [value as string, ms] : null;
}

/** An id as the bulk answers and the node's inputs name it: digits, without padding or leading zeros. */
function canonicalId(value: string | number): string {
	return String(value)
		.trim()
		.replace(/^0+(?=\d)/, '');
}

/**
 * A positive whole number of up to 15 digits (as Revoke Issue's Earned IDs take them), or its
 * digits, padded or with leading zeros (`canonicalId` drops them).
 */
function isId(value: unknown): value is string | number {
	const digits = typeof value === 'string' ? value.trim().replace(/^0+(?=\d)/, '') : value;
	return (
		(typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value < 1e15) ||
		(typeof digits === 'string' && /^[1-9]\d{0,14}$/.test(digits))
	);
}

function wholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
		? number
		: undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
