import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunction, INodeCredentialTestResult, INodeType } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';
import { packageNodes } from './nodeTypes';

/**
 * What n8n's credential test does for our credentials: they have no `test` request, so n8n finds
 * the node that names them with `testedBy`, and calls that node's credential test function in a
 * real CredentialTestContext with the decrypted data.
 */
export async function testCredential(
	credentials: TestCredentialsHelper,
	credentialType: string,
): Promise<INodeCredentialTestResult> {
	if (credentials.type(credentialType).test)
		throw new Error(`${credentialType} has its own test request; this helper follows testedBy`);
	for (const node of packageNodes as INodeType[]) {
		const testedBy = node.description.credentials?.find((c) => c.name === credentialType)?.testedBy;
		const test =
			typeof testedBy === 'string' ? node.methods?.credentialTest?.[testedBy] : undefined;
		if (test) return await runTest(test, credentials, credentialType);
	}
	throw new Error(`No node tests ${credentialType}`);
}

async function runTest(
	test: ICredentialTestFunction,
	credentials: TestCredentialsHelper,
	type: string,
) {
	const data = credentials.store.get(type)!;
	return await test.call(new CredentialTestContext(), {
		id: '1',
		name: 'under test',
		type,
		data: { ...data },
	});
}
