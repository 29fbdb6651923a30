/**
 * The sandbox state `examples/undo-mistaken-bulk-issue.json` is run against, in jest
 * (undoMistakenIssue.test.ts) and in real n8n (scripts/n8n/scenarios.ts): a mistaken Enrol and
 * Issue of Welcome 10 to the customers of the example's list, next to issues that must stay.
 */
import { DEMO } from '../sandbox';
import { bulkBody, getPromotionData, postBulk } from '../support/sandboxRequests';

export const UNDO_EXAMPLE = 'undo-mistaken-bulk-issue.json';

/** The example's promotion (Enrol & Issue) and the other one a customer also holds. */
export const WELCOME = DEMO.promotions.welcome;
export const BIRTHDAY = DEMO.promotions.birthday;

/** On the example's list and issued by mistake: their Welcome 10 issues and enrolments go. */
export const AFFECTED = ['919000000701', '919000000702', '919000000703'] as const;
/** On the list, but never issued: nothing to revoke. */
export const LISTED_NOT_ISSUED = '919000000704';
/** On the list, unknown to Capillary: its lookup fails (8015). */
export const UNKNOWN = DEMO.unknownCustomer.mobile;
/** Issued Welcome 10 too, but not on the list: keeps it. */
export const BYSTANDER = '919000000705';

export interface Held {
	issualId: string;
	earnedId: string;
}

export interface MistakenIssue {
	/** Welcome 10, per mobile: the affected customers' and the bystander's. */
	welcome: Record<string, Held>;
	/** The Birthday 2026 issue of the first affected customer (another promotion: it stays). */
	birthday: Held;
}

async function apply(
	baseUrl: string,
	bulkAction: 'ENROL' | 'EARN',
	promotion: { programId: number; promotionId: number },
	mobiles: readonly string[],
): Promise<Held[]> {
	const answer = await postBulk(
		baseUrl,
		bulkBody({ ...promotion, bulkAction, identifierName: 'mobile', values: [...mobiles] }),
	);
	const held = answer.json.response.map((entry) => ({
		issualId: String(entry.result?.issualId ?? ''),
		earnedId: String(entry.result?.earnedId ?? ''),
	}));
	if (
		answer.status !== 200 ||
		held.some((h) => !h.issualId || (bulkAction === 'EARN' && !h.earnedId))
	)
		throw new Error(`setting up ${bulkAction} failed: ${answer.text}`);
	return held;
}

/** Enrols and issues Welcome 10 to the affected customers and the bystander; Birthday 2026 to one. */
export async function issueByMistake(baseUrl: string): Promise<MistakenIssue> {
	const mobiles = [...AFFECTED, BYSTANDER];
	await apply(baseUrl, 'ENROL', WELCOME, mobiles);
	const issued = await apply(baseUrl, 'EARN', WELCOME, mobiles);
	const [birthday] = await apply(baseUrl, 'EARN', BIRTHDAY, [AFFECTED[0]]);
	return {
		welcome: Object.fromEntries(mobiles.map((mobile, i) => [mobile, issued[i]])),
		birthday,
	};
}

/** What a customer holds of a promotion, as promotionData lists it: enrolment ids and issue ids. */
export async function holdings(
	baseUrl: string,
	mobile: string,
	promotion: { programId: number; promotionId: number },
): Promise<{ enrolments: string[]; issues: string[] }> {
	const answer = await getPromotionData(baseUrl, {
		identifierName: 'mobile',
		identifierValue: mobile,
		programs: promotion.programId,
		limit: 100,
	});
	if (answer.status !== 200) throw new Error(`promotionData failed: ${answer.text}`);
	const found = answer.json.promotions.find((p) => p.promotionId === promotion.promotionId);
	const timelines = found?.customerPromotionTimelines ?? [];
	return {
		enrolments: timelines.map((t) => String(t.enrollmentId)),
		issues: timelines.flatMap((t) => t.issuedDetails.map((d) => String(d.issualId))),
	};
}
