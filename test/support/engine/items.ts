import type { INodeExecutionData } from 'n8n-workflow';

import { DEMO } from '../../sandbox';

/** `count` input items for distinct sandbox customers from `from` on, identified by mobile. */
export const mobileItems = (from: number, count: number) =>
	Array.from({ length: count }, (_, k) => ({ mobile: DEMO.customer(from + k).mobile }));

/** The `error` object of a Failed output item. */
export const errorOf = (item: INodeExecutionData) => item.json.error as Record<string, unknown>;

/** A Failed item's message: what happened (`what`, as given), then a next step in plain words. */
export const messageThenAdvice = (what: string) =>
	expect.stringMatching(
		new RegExp(`^${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. [A-Z].*\\.$`),
	);
