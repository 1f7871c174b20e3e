import type { IDataObject } from 'n8n-workflow';
import { runWorkflow, WorkflowJson } from './harness';

// The same example workflows and checks that scripts/e2e.js runs in a real n8n.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { listExamples } = require('../../scripts/n8n/examples') as { listExamples: () => Array<{ file: string; workflow: WorkflowJson }> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checks } = require('../../scripts/n8n/exampleChecks') as {
	checks: Record<string, (output: (node: string, index?: number) => IDataObject[]) => void>;
};

describe('the example workflows (examples/*.json), run in process', () => {
	it.each(listExamples().map(({ file, workflow }) => [file, workflow] as const))('%s produces what it promises', async (file, workflow) => {
		const result = await runWorkflow(workflow, { timezone: 'Asia/Shanghai' });
		expect(result.error).toBeUndefined();
		expect(checks[file]).toBeDefined();
		checks[file]((node, index = 0) => result.json(node, index));
	});
});
