import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { headerValue } from '../lib/ingest';

export class CustomerDataApi implements ICredentialType {
	name = 'customerDataApi';

	displayName = 'Customer Data API';

	icon = { light: 'file:customerDataApi.svg', dark: 'file:customerDataApi.dark.svg' } as const;

	documentationUrl = 'https://github.com/n8n-nodes-retention/n8n-nodes-retention/blob/main/docs/credentials/customer-data-api.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/api',
			description: 'Requests to a path (like /orders) go to this address',
			required: true,
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'API Key in Header', value: 'apiKeyHeader' },
				{ name: 'API Key in Query', value: 'apiKeyQuery' },
				{ name: 'Basic Auth', value: 'basic' },
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'None', value: 'none' },
			],
			default: 'apiKeyHeader',
		},
		{
			displayName: 'Key Name',
			name: 'keyName',
			type: 'string',
			default: 'X-API-Key',
			description: 'Name of the header or query parameter that carries the key',
			displayOptions: { show: { authType: ['apiKeyHeader', 'apiKeyQuery'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['apiKeyHeader', 'apiKeyQuery'] } },
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['bearer'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Test Path',
			name: 'testPath',
			type: 'string',
			default: '/',
			description: 'A path that answers 2xx when the credentials are right, used by the "Test" button',
		},
	];

	/** One credential, four schemes: a function applies whichever the user chose. */
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const headers = { ...(requestOptions.headers ?? {}) };
		const qs = { ...(requestOptions.qs ?? {}) };
		const options: IHttpRequestOptions = { ...requestOptions, headers, qs };
		switch (credentials.authType) {
			case 'apiKeyHeader':
				headers[String(credentials.keyName || 'X-API-Key')] = headerValue(String(credentials.apiKey ?? ''));
				break;
			case 'apiKeyQuery':
				qs[String(credentials.keyName || 'api_key')] = String(credentials.apiKey ?? '');
				break;
			case 'bearer':
				headers.Authorization = `Bearer ${headerValue(String(credentials.token ?? ''))}`;
				break;
			case 'basic':
				options.auth = { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') };
				break;
		}
		return options;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '={{$credentials.testPath || "/"}}',
		},
	};
}
