import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, StepSpec } from '../../devkit/engine/workflowBuilder';
import { customersOfBaseItem } from '../../devkit/engine/customerBaseItem';

/*
 * The customer base: from version 2, Customer Data, Churn Risk and Lifecycle Stage pass all
 * customers on as one item (the base), and put them out one item per customer on request. The
 * customers are the same either way, field for field: the base only changes how they travel.
 */

const ANALYSIS = '2024-12-31';
const SHOP = 'examples/data/sample-orders.csv';

const customerData = (version: number, parameters: IDataObject = {}): StepSpec => ({ name: 'Customer Data', type: 'customerData', typeVersion: version, parameters: { source: 'binaryFile', analysisDate: ANALYSIS, ...parameters } });
const churnRisk = (version: number, parameters: IDataObject = {}): StepSpec => ({ name: 'Churn Risk', type: 'churnRisk', typeVersion: version, parameters: { analysisDate: ANALYSIS, ...parameters } });
const lifecycle = (version: number, parameters: IDataObject = {}): StepSpec => ({ name: 'Lifecycle Stage', type: 'lifecycleStage', typeVersion: version, parameters: { analysisDate: ANALYSIS, ...parameters } });
const retention: StepSpec & { typeVersion?: number } = { name: 'Retention Action', type: 'retentionAction', parameters: { sendTime: '2025-01-02T10:00', storeName: 'Tea House', options: { couponSecret: 'a-long-random-test-secret-0123' } } };

async function itemsFlow() {
	return await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(1), churnRisk(1), lifecycle(1)]));
}

describe('the customer base between the retention nodes', () => {
	it('is one item from each node of version 2, with the counts to read in the editor and every customer in its binary layers', async () => {
		const result = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), lifecycle(2)]));
		expect(result.error).toBeUndefined();
		const [cd] = result.outputs('Customer Data')[0];
		const [cr] = result.outputs('Churn Risk')[0];
		const [ls] = result.outputs('Lifecycle Stage')[0];
		expect(result.outputs('Lifecycle Stage')[0]).toHaveLength(1);
		expect(cd.json.customerBase).toEqual({ customers: 1991, layers: ['customers'] });
		expect(cr.json.customerBase).toEqual({ customers: 1991, layers: ['customers', 'churnRisk'] });
		expect(ls.json.customerBase).toEqual({ customers: 1991, layers: ['customers', 'churnRisk', 'lifecycleStage'] });
		expect(Object.values(ls.json.stages as IDataObject).reduce((a, b) => (a as number) + (b as number), 0)).toBe(1991);
		expect(Object.values(cr.json.riskLevels as IDataObject).reduce((a, b) => (a as number) + (b as number), 0)).toBe(1991);
		// Earlier layers pass on as they are: the same binary data, not a copy.
		expect(ls.binary?.customers).toEqual(cd.binary?.customers);
		expect(ls.binary?.churnRisk).toEqual(cr.binary?.churnRisk);
	});

	it('gives the same customers, field for field and in the same order, as one item per customer', async () => {
		const items = (await itemsFlow()).json('Lifecycle Stage');
		const viaBase = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), lifecycle(2, { outputAs: 'items' })]));
		const fromBase = viaBase.json('Lifecycle Stage');
		expect(fromBase).toHaveLength(1991);
		expect(fromBase).toEqual(items);
		expect(fromBase.map((c) => Object.keys(c))).toEqual(items.map((c) => Object.keys(c)));
	});

	it('reads the same whether the node before put out a base or items, in any mix', async () => {
		const items = (await itemsFlow()).json('Lifecycle Stage');
		const mixed = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2, { outputAs: 'items' }), lifecycle(2, { outputAs: 'items' })]));
		expect(mixed.json('Lifecycle Stage')).toEqual(items);
		const fromItems = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(1), churnRisk(2), lifecycle(2, { outputAs: 'items' })]));
		expect(fromItems.json('Lifecycle Stage')).toEqual(items);
	});

	it('gives Retention Action the same decisions from a base as from items', async () => {
		const fromItems = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(1), churnRisk(1), lifecycle(1), retention]));
		const fromBase = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), lifecycle(2), retention]));
		expect(fromItems.error).toBeUndefined();
		expect(fromBase.error).toBeUndefined();
		const decisions = (run: typeof fromItems) => run.outputs('Retention Action').map((items) => items.map((item) => item.json));
		expect(decisions(fromBase)).toEqual(decisions(fromItems));
		// Each decision pairs with the base's item, the one item the node was given.
		expect(fromBase.outputs('Retention Action').flat()[0].pairedItem).toEqual({ item: 0 });
	});

	it('has Retention Action (version 2) send the contacts as items and everyone else on in one base item, with the same decisions', async () => {
		const v1 = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(1), churnRisk(1), lifecycle(1), retention]));
		const v2 = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), lifecycle(2), { ...retention, typeVersion: 2 }]));
		const [email, sms, push, crm, none] = v1.outputs('Retention Action');
		const out = v2.outputs('Retention Action');
		expect(out.slice(0, 4).map((items) => items.map((item) => item.json))).toEqual([email, sms, push, crm].map((items) => items.map((item) => item.json)));
		expect(out[4]).toHaveLength(1);
		const [base] = out[4];
		expect((base.json.customerBase as IDataObject).layers).toEqual(['customers', 'churnRisk', 'lifecycleStage', 'retentionAction']);
		expect(base.json.treatment).toBe(email.length + sms.length + push.length + crm.length);
		expect(Object.values(base.json.suppressed as IDataObject).reduce((a, b) => (a as number) + (b as number), 0)).toBe(none.length);
		// Everyone is in the base with the decision; those on No Action exactly as version 1 put them out.
		const everyone = await customersOfBaseItem(base);
		expect(everyone).toHaveLength(1991);
		const noAction = new Set(none.map((item) => item.json.customerId));
		// As n8n keeps items, in JSON: a -0 (an expected value of minus a fraction of a cent, rounded) is 0.
		const asStored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
		expect(everyone.filter((c) => noAction.has(c.customerId))).toEqual(asStored(none.map((item) => item.json)));
	});

	it("gives Campaign Report's base health the same report from a base as from items", async () => {
		const report: StepSpec = { name: 'Campaign Report', type: 'campaignReport', parameters: { operation: 'baseHealth', periodDays: 30, activeWindowDays: 90 } };
		const fromItems = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(1), churnRisk(1), report]));
		const fromBase = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), report]));
		expect(fromItems.error).toBeUndefined();
		expect(fromBase.json('Campaign Report')).toEqual(fromItems.json('Campaign Report'));
		expect(fromBase.json('Campaign Report').length).toBeGreaterThan(0);
	});

	it('keeps one item per customer where customers are picked for the nodes after: Only Changed Customers and Route by Stage', async () => {
		const routed = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), lifecycle(2, { routeByStage: true })]));
		expect(routed.outputs('Lifecycle Stage').flat()).toHaveLength(1991);
		const changed = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), churnRisk(2), lifecycle(2, { onlyChanged: true })]));
		// A first run has no earlier stages: every customer is new to a stage, none moved.
		expect(changed.outputs('Lifecycle Stage')[0].every((item) => item.json.customerBase === undefined)).toBe(true);
	});

	it('tells a user whose node between the retention nodes dropped the base what to do', async () => {
		const dropsBinary = { name: 'Set Fields', type: 'n8n-nodes-base.code', parameters: { jsCode: 'return $input.all().map((item) => ({ json: item.json }));' } };
		const result = await runWorkflow(linearWorkflow([fileStep(SHOP), customerData(2), dropsBinary, churnRisk(2)]));
		expect(result.error?.message).toBe('The customer base has lost its "customers" data');
	});

	it('tells a user who puts a base beside other items what to do', async () => {
		const flow = linearWorkflow([fileStep(SHOP), customerData(2), { name: 'Two', type: 'n8n-nodes-base.code', parameters: { jsCode: 'return [...$input.all(), { json: { customerId: "X" } }];' } }, churnRisk(2)]);
		const result = await runWorkflow(flow);
		expect(result.error?.message).toMatch(/customer base and 1 other items/);
	});
});
