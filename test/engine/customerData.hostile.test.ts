import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from './harness';
import { linearWorkflow, rowsStep } from './workflowBuilder';

const customerData = (parameters: IDataObject = {}) => ({ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-02-01', ...parameters } });

async function customers(rows: IDataObject[], parameters: IDataObject = {}) {
	const result = await runWorkflow(linearWorkflow([rowsStep(rows), customerData(parameters)]));
	if (result.error) throw result.error;
	return Object.fromEntries(result.json('Customer Data').map((c) => [c.customerId, c])) as Record<string, IDataObject>;
}

describe('Customer Data maps records from every key any record has, not the first record\'s', () => {
	const rows = [
		{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-05', amount: 10 },
		{ customer_id: 'B', order_id: 'O2', order_date: '2024-01-06', amount: 12, email: 'b@example.com', email_opt_in: 'unsubscribed' },
		{ customer_id: 'C', order_id: 'O3', order_date: '2024-01-07', amount: 14, email: 'c@example.com', email_opt_in: 'yes' },
	];

	it('reads the email and the opt-out of records after a first one that lacks them', async () => {
		const byId = await customers(rows);
		expect(byId.A).toMatchObject({ email: null, consent: { email: null } });
		expect(byId.B).toMatchObject({ email: 'b@example.com', consent: { email: false } });
		expect(byId.C).toMatchObject({ email: 'c@example.com', consent: { email: true } });
	});

	it('takes an explicit mapping to a key the first record lacks, and still says when no record has it', async () => {
		const mapping = (column: string) => ({ fieldMapping: { mapping: [{ field: 'consentEmail', column }] } });
		expect((await customers(rows, mapping('email_opt_in'))).B).toMatchObject({ consent: { email: false } });
		const result = await runWorkflow(linearWorkflow([rowsStep(rows), customerData(mapping('marketing_ok'))]));
		expect(result.error?.message).toBe('The column "marketing_ok" mapped to Email Consent is not in the data. Columns found: customer_id, order_id, order_date, amount, email, email_opt_in');
	});

	it('an opt-out and a yes at the same instant: the opt-out wins, whichever row comes first', async () => {
		for (const order of [['yes', 'no'], ['no', 'yes']]) {
			const byId = await customers(order.map((word, i) => ({ customer_id: 'A', order_id: `O${i}`, order_date: '2024-01-05 10:00', amount: 10, email: 'a@example.com', email_opt_in: word })));
			expect([order, byId.A.consent]).toEqual([order, expect.objectContaining({ email: false })]);
		}
	});

	it('an email a spreadsheet would run as a formula is not an address', async () => {
		const byId = await customers([{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-05', amount: 10, email: '=1+1@evil.com' }]);
		expect(byId.A.email).toBeNull();
		expect(byId.A.dataIssues).toEqual(expect.arrayContaining([expect.stringContaining('email "=1+1@evil.com" is not a valid address')]));
	});
});
