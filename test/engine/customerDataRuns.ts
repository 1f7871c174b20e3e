import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

/** Customer Data run through the engine on a file or on items, for the Customer Data suites. */

/** A folder for a suite's test files; write(name, content) returns the file's path. */
export function testFiles(prefix: string): (name: string, content: string | Buffer) => string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	return (name, content) => {
		const file = path.join(dir, name);
		fs.writeFileSync(file, content);
		return file;
	};
}

async function runCustomerData(first: StepSpec, parameters: IDataObject) {
	const result = await runWorkflow(linearWorkflow([first, { name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-07-01', ...parameters } }]));
	if (result.error) throw result.error;
	return { customers: result.json('Customer Data', 0), rejected: result.json('Customer Data', 1), hints: result.hints('Customer Data') };
}

/** Read Files -> Customer Data (analysis date 2024-07-01 unless given): both outputs. */
export function customerDataFromFile(file: string, parameters: IDataObject = {}) {
	return runCustomerData(fileStep(file), { source: 'binaryFile', ...parameters });
}

/** Rows as items -> Customer Data: both outputs. */
export function customerDataFromItems(rows: IDataObject[], parameters: IDataObject = {}) {
	return runCustomerData(rowsStep(rows), parameters);
}
