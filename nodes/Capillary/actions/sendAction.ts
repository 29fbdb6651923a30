import { pairResults } from '../helpers/pairResults';
import type { BulkAction } from '../helpers/types';
import { sendBulkAction } from '../transport/bulkEnrolAndEarn';
import type { SendJob } from './runBulkOperation';

/** A SendJob that applies one bulk action to a batch and pairs the response with its customers. */
export function sendAction(action: BulkAction): SendJob {
	return async (context, connection, { group, customers }) => {
		const response = await sendBulkAction(context, connection, action, group, customers);
		const { results, fatal } = pairResults(action, customers, response);
		return { results, fatal };
	};
}
