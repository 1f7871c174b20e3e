/**
 * A template's own nodes, run in the engine without n8n's Set, Merge and sending nodes: the
 * named steps with their parameters as the template has them, its Client Settings filled in
 * (with `overrides`), after a Read File of `ordersFile`. The demo and the tests run the weekly
 * win-back's scoring and deciding this way.
 */
import * as fs from 'fs';
import type { IDataObject } from 'n8n-workflow';
import type { WorkflowJson } from './harness';
import { fileStep, linearWorkflow } from './workflowBuilder';
import { clientSettings } from '../n8n/examples';

export function templateSteps(templateFile: string, ordersFile: string, stepNames: string[], overrides: Record<string, unknown> = {}): WorkflowJson & { name: string } {
	const template = JSON.parse(fs.readFileSync(templateFile, 'utf8')) as WorkflowJson & { name: string };
	const settings: Record<string, unknown> = { ...clientSettings(template), ...overrides };
	const fill = (value: unknown): unknown => {
		if (typeof value === 'string') {
			const m = /^=\{\{ \$\('Client Settings'\)\.first\(\)\.json\.(\w+) \}\}$/.exec(value);
			return m ? settings[m[1]] : value;
		}
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
		return value;
	};
	const step = (name: string) => {
		const node = template.nodes.find((n) => n.name === name);
		if (!node) throw new Error(`The template has no node "${name}"`);
		return { name, type: node.type, parameters: fill(node.parameters) as IDataObject };
	};
	return { ...linearWorkflow([fileStep(ordersFile, 'Read Orders'), ...stepNames.map(step)]), name: template.name };
}
