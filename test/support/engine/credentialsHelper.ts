import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { packageCredentials } from './nodeTypes';

type GenericProperties = Record<string, Record<string, unknown>>;

/**
 * What the n8n CLI's CredentialsHelper does, over an in-memory store:
 * decrypted data by credential type, `preAuthentication` when the expirable field is empty or a
 * request reported it expired (persisting the result), and `authenticate` (function or generic).
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	/** How often each credential type's preAuthentication ran. */
	readonly preAuthenticationCalls = new Map<string, number>();

	/** How often each credential type was loaded and decrypted (in n8n, a database read each time). */
	readonly decryptions = new Map<string, number>();

	private readonly types: Map<string, ICredentialType>;

	/** `types`: the credential classes to use (the package's source by default). */
	constructor(
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
		types: ICredentialType[] = packageCredentials,
	) {
		super();
		this.types = new Map(types.map((type) => [type.name, type]));
		for (const [type, data] of Object.entries(credentials)) this.store.set(type, { ...data });
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.type(typeName).authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [key, values] of Object.entries(
			(authenticate?.properties ?? {}) as GenericProperties,
		)) {
			options[key] = { ...(options[key] ?? {}) };
			for (const [name, value] of Object.entries(values)) {
				options[key][name] = resolve(value, credentials, workflow, node);
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await this.runPreAuthentication(helpers, credentials, typeName);
		if (output?.[expirable.name] === undefined)
			throw new Error('preAuthentication must return the expirable field');
		this.store.set(typeName, { ...this.store.get(typeName), ...output });
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		this.preAuthenticationCalls.set(typeName, (this.preAuthenticationCalls.get(typeName) ?? 0) + 1);
		return (await this.type(typeName).preAuthentication!.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		throw new Error(
			`getCredentials(${nodeCredentials.name}, ${type}) is not used by the engine path under test`,
		);
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(type);
		if (!data) throw new Error(`No test credentials of type ${type}`);
		this.decryptions.set(type, (this.decryptions.get(type) ?? 0) + 1);
		return { ...data };
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}
}

function resolve(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow?: Workflow,
	node?: INode,
) {
	if (typeof value !== 'string' || !value.startsWith('=') || !workflow || !node) return value;
	return workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', {
		$credentials: credentials,
	} as never);
}
