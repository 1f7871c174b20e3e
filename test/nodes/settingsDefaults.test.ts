import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties } from 'n8n-workflow';
import { campaignReportProperties } from '../../nodes/CampaignReport/CampaignReportDescription';
import type { ZodTypeAny } from 'zod';
import { churnRiskProperties } from '../../nodes/ChurnRisk/ChurnRiskDescription';
import { churnRiskOptionsSchema } from '../../nodes/ChurnRisk/churnRiskSettings';
import { customerDataProperties } from '../../nodes/CustomerData/CustomerDataDescription';
import { customerDataOptionsSchema } from '../../nodes/CustomerData/customerDataOptions';
import { lifecycleStageProperties } from '../../nodes/LifecycleStage/LifecycleStageDescription';
import { lifecycleOptionsSchema } from '../../nodes/LifecycleStage/lifecycleSettings';
import { retentionActionProperties } from '../../nodes/RetentionAction/RetentionActionDescription';
import { retentionOptionsSchema } from '../../nodes/RetentionAction/retentionSettings';

/*
 * One home for each default: what the editor shows for an option left alone is what the node
 * uses when the option is absent (a workflow saved before the option existed, or built in code).
 */

/** The defaults of the options in a node's Options collection, by name. */
function editorDefaults(properties: INodeProperties[]): Record<string, unknown> {
	const options = properties.find((p) => p.name === 'options' && p.type === 'collection');
	if (!options) throw new Error('no Options collection');
	return Object.fromEntries((options.options as INodeProperties[]).map((o) => [o.name, o.default]));
}

/** The schema's defaults for the options it knows, with the editor's own text for list-like values. */
function schemaDefaults(schema: ZodTypeAny): Record<string, unknown> {
	return schema.parse({}) as Record<string, unknown>;
}

describe.each([
	['Customer Data', customerDataProperties, customerDataOptionsSchema],
	['Churn Risk', churnRiskProperties, churnRiskOptionsSchema],
	['Lifecycle Stage', lifecycleStageProperties, lifecycleOptionsSchema],
	['Retention Action', retentionActionProperties, retentionOptionsSchema],
] as const)('%s', (_, properties, schema) => {
	it('shows in the editor the default it uses when an option is absent', () => {
		const editor = editorDefaults(properties as INodeProperties[]);
		const used = schemaDefaults(schema);
		const differing = Object.keys(editor)
			.filter((name) => name in used && JSON.stringify(editor[name]) !== JSON.stringify(used[name]))
			.map((name) => `${name}: editor ${JSON.stringify(editor[name])}, node ${JSON.stringify(used[name])}`);
		expect(differing).toEqual([]);
		// Every option the editor offers is one the node reads.
		expect(Object.keys(editor).filter((name) => !(name in used))).toEqual([]);
	});
});

/*
 * A parameter the node reads with a fallback (`getNodeParameter('name', 0, fallback)`, or
 * Campaign Report's `readDays(this, 'name', label, fallback)`) falls back to the editor's default:
 * n8n hands over the fallback when the parameter is hidden or missing from a saved workflow.
 */
const NODE_PROPERTIES: Record<string, INodeProperties[]> = {
	CampaignReport: campaignReportProperties,
	ChurnRisk: churnRiskProperties,
	CustomerData: customerDataProperties,
	LifecycleStage: lifecycleStageProperties,
	RetentionAction: retentionActionProperties,
};

/** Every literal fallback in a node's folder, by parameter name. */
function fallbacksIn(folder: string): Array<{ file: string; name: string; fallback: unknown }> {
	const found: Array<{ file: string; name: string; fallback: unknown }> = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.ts')) {
				const text = readFileSync(path, 'utf8');
				for (const m of text.matchAll(/getNodeParameter\('(\w+)', *\w+, *([^)]+?)\)(?: as|\)|,|;)/g)) found.push({ file: entry.name, name: m[1], fallback: literal(m[2]) });
				for (const m of text.matchAll(/readDays\(this, '(\w+)', '[^']+', *(\d+)\)/g)) found.push({ file: entry.name, name: m[1], fallback: Number(m[2]) });
			}
		}
	};
	walk(join(__dirname, '../../nodes', folder));
	return found;
}

function literal(text: string): unknown {
	// The fallbacks are plain literals (text, numbers, booleans, lists, {}): read them as JSON.
	return JSON.parse(text.trim().replace(/'/g, '"'));
}

describe.each(Object.keys(NODE_PROPERTIES))('%s falls back to the editor default', (folder) => {
	it('for every parameter it reads with a fallback', () => {
		const properties = NODE_PROPERTIES[folder];
		const fallbacks = fallbacksIn(folder).filter((f) => f.name !== 'options' && f.name !== 'fieldMapping' && f.name !== 'queryParameters' && f.name !== 'rules');
		expect(fallbacks.length).toBeGreaterThan(0);
		const differing = fallbacks
			.filter((f) => {
				const defaults = properties.filter((p) => p.name === f.name).map((p) => JSON.stringify(p.default));
				return !defaults.includes(JSON.stringify(f.fallback));
			})
			.map((f) => `${f.file}: ${f.name} falls back to ${JSON.stringify(f.fallback)}, the editor shows ${properties.filter((p) => p.name === f.name).map((p) => JSON.stringify(p.default)).join(' or ') || 'no such parameter'}`);
		expect(differing).toEqual([]);
	});
});
