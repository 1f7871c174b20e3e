import { checks } from '../../devkit/checks/exampleChecks';
import { templateChecks } from '../../devkit/checks/templateChecks';
import { runWorkflow } from '../../devkit/engine/harness';
import { clientSettings, listExamples } from '../../devkit/n8n/examples';
import { PACKAGE_ROOT } from '../../devkit/packageRoot';
import { CONTACT_LOG_COLUMNS } from '../../lib/actions/contactLogRow';

// The examples and templates that scripts/e2e.ts runs in a real n8n. The examples built from our
// nodes alone also run here, in process, with the same checks; the templates need n8n's own
// nodes (Set, Merge, Send Email, Webhook...), so here they are checked for what would break an
// import or a run, and they run for real in `npm run test:e2e`.

const examples = listExamples();
const inProcess = examples.filter(({ file }) => checks[file]);
const templates = examples.filter(({ workflow }) => workflow.nodes.some((n) => n.name === 'Client Settings'));

describe('the example workflows (examples/*.json), run in process', () => {
	it.each(inProcess.map(({ file, workflow }) => [file, workflow] as const))('%s produces what it promises', async (file, workflow) => {
		const result = await runWorkflow(workflow, { timezone: 'Asia/Shanghai' });
		expect(result.error).toBeUndefined();
		checks[file]((node, index = 0) => result.json(node, index));
	});
});

/** Every string in a node's parameters, however deep. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

describe('every workflow in examples/ imports and wires up', () => {
	it('is either run in process or checked end to end in real n8n', () => {
		for (const { file } of examples) expect([file, Boolean(checks[file] || templateChecks[file] || file === 'crm-triggered-scoring.json')]).toEqual([file, true]);
	});

	it.each(examples.map(({ file, workflow }) => [file, workflow] as const))('%s: unique id and names, connections between existing nodes, nothing left unconnected', (_file, workflow) => {
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{16,20}$/);
		expect(workflow.settings).toMatchObject({ executionOrder: 'v1' });
		const names = workflow.nodes.map((n) => n.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(names.length);
		const fed = new Set<string>();
		// Sub-nodes (an agent's model and tools) feed their node through an AI connection, not main.
		const subNodes = new Set<string>();
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(from);
			for (const [type, targetLists] of Object.entries(outputs)) {
				if (type !== 'main') subNodes.add(from);
				for (const targets of targetLists) for (const t of targets ?? []) {
					expect(names).toContain(t.node);
					fed.add(t.node);
				}
			}
		}
		const unfed = workflow.nodes.filter((n) => !/Trigger$|\.webhook$|stickyNote$/.test(n.type) && !fed.has(n.name) && !subNodes.has(n.name)).map((n) => n.name);
		expect(unfed).toEqual([]);
		expect(workflow.nodes.some((n) => n.type.endsWith('stickyNote'))).toBe(true);
	});
});

describe('the templates (examples with Client Settings)', () => {
	it('are the ones the issue asks for', () => {
		expect(templates.map((t) => t.file).sort()).toEqual([
			'churn-rate-alert.json',
			'crm-triggered-scoring.json',
			'model-refresh.json',
			'monthly-report.json',
			'retention-assistant.json',
			'survey-service-recovery.json',
			'vip-coupon-and-new-arrivals.json',
			'weekly-win-back.json',
		]);
	});

	it.each(templates.map(({ file, workflow }) => [file, workflow] as const))('%s: every setting and node an expression names exists, and per-client values live in Client Settings only', (_file, workflow) => {
		const settings = clientSettings(workflow);
		const names = new Set(workflow.nodes.map((n) => n.name));
		for (const node of workflow.nodes.filter((n) => n.name !== 'Client Settings' && !n.type.endsWith('stickyNote'))) {
			for (const text of strings(node.parameters)) {
				for (const [, field] of text.matchAll(/\$\('Client Settings'\)\.first\(\)\.json\.(\w+)/g)) expect([node.name, field, field in settings]).toEqual([node.name, field, true]);
				for (const [, other] of text.matchAll(/\$\('([^']+)'\)/g)) expect([node.name, other, names.has(other)]).toEqual([node.name, other, true]);
				// The store, the sender and the addresses are set once, in Client Settings.
				for (const value of [settings.storeName, settings.senderEmail, settings.crmApiUrl, settings.smsApiUrl].filter(Boolean)) expect([node.name, text.includes(value as string)]).toEqual([node.name, false]);
			}
		}
		// Every setting is used by some node.
		const used = workflow.nodes.flatMap((n) => strings(n.parameters)).join('\n');
		for (const field of Object.keys(settings)) expect([field, used.includes(`.json.${field}`)]).toEqual([field, true]);
	});

	it.each(templates.filter(({ workflow }) => workflow.nodes.some((n) => n.name === 'Contact Log Row')).map(({ file, workflow }) => [file, workflow] as const))(
		"%s: the contact log gets Retention Action's spreadsheet-safe row, every column of it",
		(_file, workflow) => {
			const row = workflow.nodes.find((n) => n.name === 'Contact Log Row')!;
			const assignments = (row.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments;
			expect(assignments.map((a) => [a.name, a.value])).toEqual(CONTACT_LOG_COLUMNS.map((c) => [c, `={{ $('Retention Action').item.json.contactLogRow.${c} }}`]));
		},
	);

	it.each(templates.map(({ file, workflow }) => [file, workflow] as const))("%s: our nodes' parameters are ones the nodes have", (_file, workflow) => {
		for (const node of workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-retention.'))) {
			// A tool version ("churnRiskTool") has its node's parameters.
			const className = node.type.split('.')[1].replace(/Tool$/, '').replace(/^./, (c) => c.toUpperCase());
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const NodeClass = require(`${PACKAGE_ROOT}/dist/nodes/${className}/${className}.node.js`)[className];
			const known = new Set((new NodeClass().description.properties as Array<{ name: string }>).map((p) => p.name));
			for (const parameter of Object.keys(node.parameters)) expect([node.name, parameter, known.has(parameter)]).toEqual([node.name, parameter, true]);
		}
	});
});
