import type { IDataObject } from 'n8n-workflow';
import { customerIdOf } from '../../lib/customer/customerId';
import { runWorkflow } from '../../devkit/engine/harness';
import { customer, retentionAction } from './retentionActionRuns';
import { linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

/*
 * One rule for a customer's ID in every node: `customerId`, else `customer_id`, else `id`; a text
 * or a number (read as text, trimmed); an object or a list is no ID and the item is refused with
 * the same words. A record that one node reads, every node reads.
 */

const SHAPES: Array<[string, (id: string) => IDataObject, string | null]> = [
	['customerId', (id) => ({ customerId: id }), 'A1'],
	['customer_id', (id) => ({ customer_id: id }), 'A1'],
	['id', (id) => ({ id }), 'A1'],
	['a number', () => ({ customerId: 42 }), '42'],
	['a padded text', (id) => ({ customer_id: `  ${id} ` }), 'A1'],
	['an object', () => ({ customerId: { value: 'A1' } }), null],
];

/** A record every node can read, without its ID. */
function record(): IDataObject {
	const { customerId: _id, ...rest } = customer('X');
	return { ...rest, frequency: 5, recency: 150, T: 400, monetaryValue: 100, group: 'treatment', channel: 'email', contactedAt: '2024-06-01T10:00:00Z', ordersSinceContact: 1, revenueSinceContact: 80 };
}

const NODES: Record<string, StepSpec> = {
	'Churn Risk': { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2024-07-01' } },
	'Lifecycle Stage': { name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: '2024-07-01' } },
	'Retention Action': retentionAction(),
	'Campaign Report': { name: 'Campaign Report', type: 'campaignReport', parameters: { campaignStart: '2024-06-01T10:00:00' } },
};

/** The customer IDs a node put out for the item, read back by the rule (on every output), or its error. */
async function idsFrom(node: StepSpec, item: IDataObject): Promise<string[] | { error: string }> {
	const control = { ...record(), customerId: 'C0', group: 'control', ordersSinceContact: 0, revenueSinceContact: 0 };
	const items = node.name === 'Campaign Report' ? [item, control] : [item];
	const result = await runWorkflow(linearWorkflow([rowsStep(items), node]));
	if (result.error) return { error: result.error.message };
	if (node.name === 'Campaign Report') {
		const overall = result.json('Campaign Report').find((line) => line.dimension === 'overall');
		return overall?.treatmentCustomers === 1 ? ['(read)'] : [`treatmentCustomers ${String(overall?.treatmentCustomers)}`];
	}
	// Churn Risk's second output is the fitted model, not a customer.
	const customers = node.name === 'Churn Risk' ? result.json(node.name, 0) : result.outputs(node.name).flat().map((i) => i.json);
	return customers.map((json) => customerIdOf(json) ?? 'no ID');
}

describe.each(Object.keys(NODES))('%s reads a customer\'s ID by the one rule', (name) => {
	it.each(SHAPES)('with the ID as %s', async (_, shape, expected) => {
		const out = await idsFrom(NODES[name], { ...record(), ...shape('A1') });
		if (expected === null) expect(out).toEqual({ error: 'Item 0 has no customerId (a text or a number)' });
		else expect(out).toEqual(name === 'Campaign Report' ? ['(read)'] : [expected]);
	});
});
