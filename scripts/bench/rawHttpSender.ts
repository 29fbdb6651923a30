import * as http from 'http';
import type { IDataObject } from 'n8n-workflow';

import { DEMO } from '../../test/sandbox';
import { postInBatches } from './referenceBatches';
import { ENDPOINTS } from '../../nodes/Capillary/transport/endpoints';

/**
 * The transport reference: the same batches as the node sends, posted with Node's bare http
 * client (a new connection per request, as n8n's helper makes; Basic auth, so no token request),
 * C at a time. What the sandbox, loopback and timers cost on this machine, without n8n or the node.
 * Returns [customers issued, customers not issued].
 */
export async function sendRawBatches(
	url: string,
	items: IDataObject[],
	batchSize: number,
	concurrency: number,
): Promise<number[]> {
	const mobiles = items.map((item) => String(item.mobile));
	const issued = await postInBatches(
		mobiles,
		batchSize,
		concurrency,
		async (body) => await post(new URL(ENDPOINTS.bulkEnrolAndEarn, url), JSON.stringify(body)),
	);
	return [issued, items.length - issued];
}

function post(url: URL, body: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				agent: false,
				headers: { Authorization: DEMO.basic.header, 'Content-Type': 'application/json' },
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (text += chunk));
				response.on('end', () => resolve(JSON.parse(text)));
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(body);
	});
}
