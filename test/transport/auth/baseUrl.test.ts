import { ApplicationError } from 'n8n-workflow';

import { CLUSTER_HOSTS, resolveBaseUrl } from '../../../nodes/Capillary/transport/auth/baseUrl';
import { isNotSentError } from '../../../nodes/Capillary/transport/notSent';

test.each(Object.entries(CLUSTER_HOSTS))('cluster %s → %s', (cluster, host) => {
	expect(resolveBaseUrl({ cluster, baseUrl: 'http://ignored' })).toBe(host);
});

test.each([
	['https://eucrm.cc.capillarytech.com/', 'https://eucrm.cc.capillarytech.com'],
	[' https://eu.api.capillarytech.com// ', 'https://eu.api.capillarytech.com'],
	['http://localhost:8080', 'http://localhost:8080'],
	['http://127.0.0.1:9', 'http://127.0.0.1:9'],
	['http://127.5.6.7', 'http://127.5.6.7'],
	['http://[::1]:3000', 'http://[::1]:3000'],
])('custom %s is allowed', (baseUrl, expected) => {
	expect(resolveBaseUrl({ cluster: 'custom', baseUrl })).toBe(expected);
});

test.each([
	['http://eu.api.capillarytech.com', 'must use https://'],
	['http://10.0.0.5', 'must use https://'],
	['http://localhost.evil.com', 'must use https://'],
	['ftp://localhost', 'must use https://'],
	['https://user:pass@eu.api.capillarytech.com', 'must not contain a user name or password'],
	['eu.api.capillarytech.com', 'is not a valid URL'],
	['', 'is not a valid URL'],
	['https://eu.api.capillarytech.com?', 'without ?query or #fragment'],
	['https://eu.api.capillarytech.com/#', 'without ?query or #fragment'],
	['https://eu.api.capillarytech.com/v2', 'without /v1.1, /v2 or /v3'],
	['https://eu.api.capillarytech.com/v2/', 'without /v1.1, /v2 or /v3'],
	['https://proxy.example.com/capillary/V3', 'without /v1.1, /v2 or /v3'],
])('custom %j is refused: %s', (baseUrl, message) => {
	let thrown: unknown;
	try {
		resolveBaseUrl({ cluster: 'custom', baseUrl });
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(ApplicationError);
	expect((thrown as Error).message).toContain(message);
	expect((thrown as Error).message).not.toContain('pass@');
	expect(isNotSentError(thrown)).toBe(true);
});
