import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fanInWorkflow } from '../../devkit/engine/workflowBuilder';

/*
 * Customer Data's Events input: what customers did besides ordering, summarised on each customer
 * as of the analysis date, every event row read or rejected with its reason.
 */
const AS_OF = '2025-06-30';
const orders = [
	{ customerId: 'C1', orderDate: '2025-01-10', amount: 120, email: 'one@example.com', email_opt_in: 'yes' },
	{ customerId: 'C1', orderDate: '2025-03-02', amount: 80, email: 'one@example.com', email_opt_in: 'yes' },
	{ customerId: 'C2', orderDate: '2025-02-14', amount: 60, email: 'two@example.com', phone: '13800138000' },
	{ customerId: 'C3', orderDate: '2025-05-20', amount: 45, email_opt_in: 'yes', sms_opt_in: 'yes' },
];
const events = [
	// C1 browsed weekly until May, then once in June; opened a ticket and left a bad review.
	...Array.from({ length: 18 }, (_, k) => ({ customer_id: 'C1', event: k % 2 ? 'page_view' : 'session_start', date: new Date(Date.UTC(2024, 11, 3 + 10 * k)).toISOString().slice(0, 10) })),
	{ customer_id: 'C1', event: 'view_item', date: '2025-06-10' },
	{ customer_id: 'C1', event: 'Ticket Created', date: '2025-06-11', ticket_id: 'T-7' },
	{ customer_id: 'C1', event: '评价', date: '2025-06-12', score: 2, comment: '包装破损，客服也不理' },
	// C2 has no ID in the stream: found by email; an NPS detractor.
	{ email: 'TWO@example.com', event: 'NPS', date: '2025-06-01', score: 4 },
	// C3 replied to a text with 退订 after their last order; C1 unsubscribed before theirs, then ordered again.
	{ customer_id: 'C3', event: '退订', date: '2025-06-01' },
	{ customer_id: 'C1', event: 'unsubscribe', date: '2025-02-01' },
	// A prospect's visit, and rows that cannot be read.
	{ customer_id: 'P9', event: 'session', date: '2025-06-02' },
	{ customer_id: 'C3', event: 'purchase', date: '2025-06-03' },
	{ customer_id: 'C3', event: 'nps', date: '2025-06-03', score: 11 },
];

async function run(parameters: IDataObject = {}) {
	const result = await runWorkflow(
		fanInWorkflow([{ name: 'Orders', rows: orders }, { name: 'Events', rows: events }], { name: 'Customer Data', type: 'customerData', parameters: { source: 'items', analysisDate: AS_OF, ...parameters } }),
	);
	if (result.error) throw result.error;
	const customers = result.json('Customer Data', 0);
	return { customer: (id: string) => customers.find((c) => c.customerId === id) as IDataObject, rejected: result.json('Customer Data', 1), hint: result.hints('Customer Data').join(' ') };
}

describe('Customer Data with events', () => {
	let r: Awaited<ReturnType<typeof run>>;
	beforeAll(async () => {
		r = await run();
	});

	it("sets each customer's recent browsing against their own usual month", () => {
		expect(r.customer('C1').engagement).toMatchObject({ activity: { recent: 1, usual: 3, ratio: 1 / 3 }, daysSinceActivity: 20, lastAt: { productView: '2025-06-10', review: '2025-06-12' } });
	});

	it('keeps the service and review signals: an open ticket, the stars and how the words read', () => {
		const engagement = r.customer('C1').engagement as IDataObject;
		expect(engagement).toMatchObject({ openTickets: 1, ticketsRecent: 1, latestRating: 2 });
		expect(engagement.reviewSentiment as number).toBeLessThan(-0.5);
	});

	it('finds a customer by email when the event has no ID, and keeps NPS on its own scale', () => {
		expect(r.customer('C2').engagement).toMatchObject({ latestNps: 4, npsGroup: 'detractor' });
		expect(r.customer('C3').engagement).toMatchObject({ unsubscribed: true, events: 1 });
	});

	it('rejects the rows it cannot read, saying why, beside the order rows', () => {
		expect(r.rejected).toEqual([
			expect.objectContaining({ input: 'events', row: 26, reason: expect.stringContaining('Event has an event type this node does not read, "purchase"') }),
			expect.objectContaining({ input: 'events', row: 27, reason: expect.stringContaining('an NPS answer is a whole number from 0 to 10') }),
		]);
	});

	it('says what it read, and that a prospect has no customer to join', () => {
		expect(r.hint).toContain('Read 27 event rows: 25 accepted, 2 rejected');
		expect(r.hint).toContain('1 event belongs to nobody with orders (a prospect): not summarised.');
	});

	it('takes an unsubscribe after the last order as withdrawing consent to email and SMS, whichever channel it came from', () => {
		expect(r.customer('C3').consent).toMatchObject({ email: false, sms: false });
		// C1 unsubscribed in February and ordered again in March: the later order's consent stands.
		expect(r.customer('C1').consent).toMatchObject({ email: true });
	});

	it('says which column it lacks instead of rejecting every row', async () => {
		const result = await runWorkflow(
			fanInWorkflow([{ name: 'Orders', rows: orders }, { name: 'Events', rows: [{ customer_id: 'C1', what: 'session' }] }], { name: 'Customer Data', type: 'customerData', parameters: { source: 'items', analysisDate: AS_OF } }),
		);
		expect(result.error?.message).toContain('The events have no column for what happened (Event Type), when (Event Time)');
	});
});

describe("The sample shop's events file on the Events input", () => {
	it('reads every event of the example export and joins them to the customers who placed orders', async () => {
		const file = (name: string, path: string) => ({ id: name, name, type: 'n8n-nodes-base.readWriteFile', typeVersion: 1, position: [220, 0], parameters: { operation: 'read', fileSelector: path } });
		const workflow = {
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				file('Orders', require.resolve('../../examples/data/sample-orders.csv')),
				file('Events', require.resolve('../../examples/data/sample-events.csv')),
				{ id: 'cd', name: 'Customer Data', type: 'n8n-nodes-retention.customerData', typeVersion: 1, position: [440, 0], parameters: { source: 'binaryFile', analysisDate: AS_OF, options: { timezone: 'Asia/Shanghai' } } },
			],
			connections: {
				Start: { main: [[{ node: 'Orders', type: 'main', index: 0 }, { node: 'Events', type: 'main', index: 0 }]] },
				Orders: { main: [[{ node: 'Customer Data', type: 'main', index: 0 }]] },
				Events: { main: [[{ node: 'Customer Data', type: 'main', index: 1 }]] },
			},
		};
		const result = await runWorkflow(workflow as never);
		if (result.error) throw result.error;
		const customers = result.json('Customer Data', 0);
		expect(result.hints('Customer Data').join(' ')).toContain('Read 18793 event rows: 18793 accepted, 0 rejected');
		const engaged = customers.filter((c) => c.engagement);
		expect(engaged.length).toBe(customers.filter((c) => Number(String(c.customerId).slice(2)) % 3 === 0).length);
		// Browsing stops three weeks after the last order: long-gone customers have none lately.
		const gone = engaged.filter((c) => (c.recencyDays as number) > 120);
		expect(gone.every((c) => (c.engagement as IDataObject & { activity: { recent: number } }).activity.recent === 0)).toBe(true);
		const complained = engaged.find((c) => (c.engagement as IDataObject).lastTicketSatisfaction !== null) as IDataObject;
		expect(complained.engagement).toMatchObject({ openTickets: 0, lastTicketSatisfaction: 2 });
	});
});

describe("A customer's events in one cell", () => {
	it('gives back, as of the analysis date, the engagement the node summarised', async () => {
		const { decodeEventHistory } = await import('../../lib/engagement/eventHistory');
		const { engagementOf } = await import('../../lib/engagement/engagementSummary');
		const { dayOfIsoDateText } = await import('../../lib/values/parseDate');
		const r = await run();
		const c1 = r.customer('C1');
		expect(c1.eventHistory).toMatch(/^2024-12-03:s;.*2025-06-11:t#T-7;2025-06-12:w=2~-0\.\d+$/);
		const decoded = decodeEventHistory(c1.eventHistory as string);
		if ('error' in decoded) throw new Error(decoded.error);
		const { reviewSentiment, ...rest } = engagementOf(decoded, { analysisDay: dayOfIsoDateText(AS_OF) as number, recentDays: 30, baselineDays: 180 });
		expect(c1.engagement).toMatchObject(rest);
		expect(reviewSentiment).toBeCloseTo((c1.engagement as IDataObject).reviewSentiment as number, 3);
	});
});

describe('Events with the customers in one item (Output As: Customer Base)', () => {
	it('joins each customer their engagement before the base is written, for the nodes after to read', async () => {
		const workflow = fanInWorkflow([{ name: 'Orders', rows: orders }, { name: 'Events', rows: events }], { name: 'Customer Data', type: 'customerData', typeVersion: 2, parameters: { source: 'items', analysisDate: AS_OF } });
		workflow.nodes.push({ id: 'cr', name: 'Churn Risk', type: 'n8n-nodes-retention.churnRisk', typeVersion: 3, position: [660, 0], parameters: { analysisDate: AS_OF, purchaseModel: 'bgnbd', riskLevels: 'thresholds', outputAs: 'items', options: { minCustomers: 2, minRepeatCustomers: 1 } } } as never);
		workflow.connections['Customer Data'] = { main: [[{ node: 'Churn Risk', type: 'main', index: 0 }]] };
		const result = await runWorkflow(workflow);
		if (result.error) throw result.error;
		const [base] = result.json('Customer Data', 0);
		expect(base.customerBase).toMatchObject({ customers: 3 });
		const scored = result.json('Churn Risk', 0);
		expect(scored.find((c) => c.customerId === 'C2')?.engagement).toMatchObject({ latestNps: 4, npsGroup: 'detractor' });
		expect(scored.find((c) => c.customerId === 'C1')?.eventHistory).toMatch(/2025-06-11:t#T-7/);
	});
});
