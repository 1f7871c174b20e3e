import './isolateUserFolder';
import { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { PACKAGE_ROOT } from '../packageRoot';
import { Code, ManualTrigger, NoOp, PassThrough, ReadWriteFile, StickyNote } from './standInNodes';
import { ToolCaller, toolVariant } from './toolVariants';

/**
 * Runs workflow JSON through n8n-core's WorkflowExecute with our nodes loaded from the built
 * package by PackageDirectoryLoader, the way a real n8n server loads community packages.
 */
export { PACKAGE_ROOT };
const PACKAGE = 'n8n-nodes-retention';

export interface WorkflowJson {
	name?: string;
	nodes: IWorkflowBase['nodes'];
	connections: IWorkflowBase['connections'];
	pinData?: Record<string, IDataObject[] | INodeExecutionData[]>;
	settings?: IDataObject;
}

let loaded: Promise<{ nodeTypes: INodeTypes; credentialTypes: Map<string, ICredentialType> }> | undefined;

async function loadTypes() {
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	const byType = new Map<string, INodeType>();
	for (const name of Object.keys(loader.nodeTypes)) {
		const type = loader.getNode(name).type as INodeType;
		byType.set(`${PACKAGE}.${name}`, type);
		const tool = toolVariant(type);
		if (tool) byType.set(`${PACKAGE}.${tool.description.name}`, tool);
	}
	byType.set('n8n-nodes-base.toolCaller', new ToolCaller());
	byType.set('n8n-nodes-base.manualTrigger', new ManualTrigger());
	byType.set('n8n-nodes-base.noOp', new NoOp());
	byType.set('n8n-nodes-base.code', new Code());
	byType.set('n8n-nodes-base.readWriteFile', new ReadWriteFile());
	for (const name of ['emailSend', 'twilio', 'httpRequest', 'hubspot']) byType.set(`n8n-nodes-base.${name}`, new PassThrough(name));
	byType.set('n8n-nodes-base.stickyNote', new StickyNote());
	const credentialTypes = new Map<string, ICredentialType>();
	for (const name of Object.keys(loader.credentialTypes)) credentialTypes.set(name, loader.getCredential(name).type);
	const nodeTypes: INodeTypes = {
		getByName: (type) => required(byType.get(type), type),
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(required(byType.get(type), type), version),
		getKnownTypes: () => ({}),
	};
	return { nodeTypes, credentialTypes };
}

function required(type: INodeType | undefined, name: string): INodeType {
	if (!type) throw new Error(`Node type ${name} is not known to the test harness`);
	return type;
}

/** Hands out test credentials and applies the credential type's own authenticate(). */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const authenticate = this.types.get(typeName)?.authenticate;
		if (typeof authenticate === 'function') return authenticate(credentials, requestOptions);
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}
	async getDecrypted(_a: unknown, _n: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		if (!found) throw new Error(`No test credentials for ${type}`);
		return found;
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string) {
		return this.types.get(type)?.properties ?? [];
	}
}

export interface RunOptions {
	staticData?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	timezone?: string;
	/** Cancels the execution, as the editor's Stop button does. */
	signal?: AbortSignal;
}

export interface RunResult {
	run: IRun;
	/** A node's outputs: one array of items per output. */
	outputs(nodeName: string): INodeExecutionData[][];
	/** The `json` of every item of one output. */
	json(nodeName: string, output?: number): IDataObject[];
	/** The hints a node showed above its output (addExecutionHints). */
	hints(nodeName: string): string[];
	error: Error | undefined;
	staticData: IDataObject;
}

export async function runWorkflow(workflowJson: WorkflowJson, options: RunOptions = {}): Promise<RunResult> {
	loaded ??= loadTypes();
	const { nodeTypes, credentialTypes } = await loaded;
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: 'test',
		name: workflowJson.name ?? 'test',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		nodeTypes,
		active: false,
		staticData,
		settings: { timezone: options.timezone ?? 'UTC', ...(workflowJson.settings ?? {}) },
	});
	const trigger = workflowJson.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error('The fixture needs a Manual Trigger node');

	const workflowData = { id: 'test', name: 'test', nodes: workflowJson.nodes, connections: workflowJson.connections, active: false, activeVersionId: null, isArchived: false, createdAt: new Date(), updatedAt: new Date() } as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const additionalData = {
		hooks,
		executionId: 'test-execution',
		credentialsHelper: new TestCredentialsHelper(credentialTypes, options.credentials ?? {}),
		variables: {},
		restApiUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		formWaitingBaseUrl: '',
		instanceBaseUrl: '',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;

	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: workflow.getNode(trigger.name), data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	options.signal?.addEventListener('abort', () => execution.cancel(), { once: true });
	const run = await execution;
	const outputs = (nodeName: string): INodeExecutionData[][] => {
		const runs = run.data.resultData.runData[nodeName];
		if (!runs) throw new Error(`${nodeName} did not run${run.data.resultData.error ? `: ${run.data.resultData.error.message}` : ''}`);
		return (runs[0].data?.main ?? []).map((items) => items ?? []);
	};
	return {
		run,
		outputs,
		json: (nodeName, output = 0) => (outputs(nodeName)[output] ?? []).map((item) => item.json),
		hints: (nodeName) => (run.data.resultData.runData[nodeName]?.[0]?.hints ?? []).map((hint) => hint.message),
		error: run.data.resultData.error,
		staticData: workflow.staticData,
	};
}

/** n8n's own convention: expected outputs live in the fixture's pinData; strip them to run. */
export function withoutPinData(workflowJson: WorkflowJson): { workflow: WorkflowJson; expected: Record<string, IDataObject[]> } {
	const expected: Record<string, IDataObject[]> = {};
	for (const [node, items] of Object.entries(workflowJson.pinData ?? {})) {
		expected[node] = (items as Array<IDataObject | INodeExecutionData>).map((item) => ('json' in item ? (item.json as IDataObject) : item));
	}
	const { pinData: _pinData, ...workflow } = workflowJson;
	return { workflow, expected };
}
