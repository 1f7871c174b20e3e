import type { INodeProperties } from 'n8n-workflow';
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
