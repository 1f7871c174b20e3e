/**
 * The local stand-ins the templates talk to outside production: credentials for the SMTP sink,
 * the HTTP stub and its scripted chat model (smtpSink.ts, httpStub.ts, chatModelStub.ts), and
 * the Client Settings values that point the templates at them. Used by `npm run test:e2e` and `npm start`. The credential IDs
 * are the ones the templates name, so importing these fills them in.
 */
import * as crypto from 'crypto';
import { CHAT_MODEL_PATH } from './chatModelStub';

export const SANDBOX = {
	smsUser: 'AC0123456789sandbox',
	smsToken: 'sms-sandbox-token',
	crmToken: 'crm-sandbox-token',
	pushToken: 'push-sandbox-token',
};

export function sandboxCredentials(smtpPort: number, stubBase: string) {
	return [
		// The assistant template's chat model: the stub's scripted model, by the credential's Base URL.
		{ id: 'rtnOpenAiApi0001', name: 'OpenAI account', type: 'openAiApi', data: { apiKey: 'sandbox-key', url: `${stubBase}${CHAT_MODEL_PATH}` } },
		{ id: 'rtnSmtpAccount01', name: 'Shop mail server (SMTP)', type: 'smtp', data: { user: '', password: '', host: '127.0.0.1', port: smtpPort, secure: false, disableStartTls: true } },
		{ id: 'rtnSmsGateway001', name: 'SMS gateway (Twilio SID + token)', type: 'httpBasicAuth', data: { user: SANDBOX.smsUser, password: SANDBOX.smsToken } },
		{ id: 'rtnCrmApiToken01', name: 'CRM API token (HubSpot private app)', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${SANDBOX.crmToken}` } },
		{ id: 'rtnPushApiToken1', name: 'Push service token', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${SANDBOX.pushToken}` } },
	];
}

/**
 * Client Settings that send the templates' API calls to the stub, one path per service, and a
 * coupon secret of this sandbox's own (Retention Action refuses the templates' placeholder).
 */
export function sandboxSettings(stubBase: string) {
	return {
		smsApiUrl: `${stubBase}/sms`,
		pushApiUrl: `${stubBase}/push`,
		crmApiUrl: `${stubBase}/crm`,
		alertWebhookUrl: `${stubBase}/chat`,
		couponSecret: crypto.randomBytes(24).toString('base64url'),
	};
}
