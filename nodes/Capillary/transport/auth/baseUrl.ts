import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import { notSentTags } from '../notSent';

/**
 * Capillary clusters; v1.1, v2 and v3 share these hosts. The keys are the Cluster field's option
 * values (descriptions/clusterFields), stored in users' credentials.
 */
export const CLUSTER_HOSTS = {
	apac: 'https://apac.api.capillarytech.com',
	apac2: 'https://apac2.api.capillarytech.com',
	eu: 'https://eu.api.capillarytech.com',
	us: 'https://us.api.capillarytech.com',
	china: 'https://api.capillarytech.cn.com',
} as const;

export type Cluster = keyof typeof CLUSTER_HOSTS | 'custom';

/** A path that ends in an API version: the node adds the version itself, so requests would go to /v2/v2/…. */
const API_VERSION_PATH = /\/v(1\.1|\d+)\/?$/i;

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The API root for a credential, without a trailing slash.
 * Throws (tagged not-sent) a message safe to show (it never contains a secret) when the URL is not allowed:
 * anything but https, except http on a loopback host.
 */
export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const cluster = credentials.cluster as Cluster | undefined;
	if (cluster && cluster !== 'custom') {
		const host = CLUSTER_HOSTS[cluster];
		if (!host)
			throw new ApplicationError(`Unknown Capillary cluster "${String(cluster)}"`, notSentTags);
		return host;
	}
	return checkCustomBaseUrl(String(credentials.baseUrl ?? ''));
}

function checkCustomBaseUrl(raw: string): string {
	const trimmed = raw.trim().replace(/\/+$/, '');
	const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
	if (!url) {
		throw new ApplicationError(
			'The custom Base URL is not a valid URL: enter the API host root, such as https://eu.api.capillarytech.com',
			notSentTags,
		);
	}
	if (url.search || url.hash || /[?#]/.test(trimmed)) {
		throw new ApplicationError(
			'The custom Base URL must be a host root without ?query or #fragment',
			notSentTags,
		);
	}
	if (url.username || url.password) {
		throw new ApplicationError(
			'The custom Base URL must not contain a user name or password',
			notSentTags,
		);
	}
	if (API_VERSION_PATH.test(url.pathname)) {
		throw new ApplicationError(
			'The custom Base URL must be the API host root, without /v1.1, /v2 or /v3 (the node adds the version to each path)',
			notSentTags,
		);
	}
	const secure = url.protocol === 'https:';
	const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname);
	if (!secure && !loopbackHttp) {
		throw new ApplicationError(
			`The custom Base URL must use https:// (http:// is allowed only for localhost), got ${url.protocol}//${url.host}`,
			notSentTags,
		);
	}
	return trimmed;
}
