import { CustomerDataApi } from '../../credentials/CustomerDataApi.credentials';

const authenticate = new CustomerDataApi().authenticate as unknown as (credentials: Record<string, unknown>, request: Record<string, unknown>) => Promise<Record<string, unknown>>;
const request = { url: '/orders', headers: { Accept: 'application/json' }, qs: { page: 1 } };

describe('Customer Data API credential', () => {
	it('puts an API key in the header it names', async () => {
		expect(await authenticate({ authType: 'apiKeyHeader', keyName: 'X-Shop-Key', apiKey: 's3cret' }, request)).toEqual({
			url: '/orders',
			headers: { Accept: 'application/json', 'X-Shop-Key': 's3cret' },
			qs: { page: 1 },
		});
	});

	it('puts an API key in the query parameter it names', async () => {
		expect((await authenticate({ authType: 'apiKeyQuery', keyName: 'api_key', apiKey: 's3cret' }, request)).qs).toEqual({ page: 1, api_key: 's3cret' });
	});

	it('sends a bearer token', async () => {
		expect((await authenticate({ authType: 'bearer', token: 'tok' }, request)).headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok' });
	});

	it('uses basic auth', async () => {
		expect((await authenticate({ authType: 'basic', username: 'u', password: 'p' }, request)).auth).toEqual({ username: 'u', password: 'p' });
	});

	it('adds nothing without authentication, and does not change the request it was given', async () => {
		expect(await authenticate({ authType: 'none' }, request)).toEqual(request);
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	it('tests the credentials against the test path of the base URL', () => {
		expect(new CustomerDataApi().test.request).toEqual({ baseURL: '={{$credentials.baseUrl}}', url: '={{$credentials.testPath || "/"}}' });
	});
});
