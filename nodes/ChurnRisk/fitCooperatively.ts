import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { ComputationCancelled, runCooperatively, Steps } from '../../lib/math/steps';
import { ChurnModel, fitChurnModelSteps } from '../../lib/models/churnModel';
import type { ModelCustomers } from '../../lib/models/modelCustomers';
import { asNodeError } from '../shared/linkedItems';

/**
 * A fit can run for seconds on a large or ill-posed base: it gives n8n's event loop a turn every
 * few milliseconds (so the editor and other executions keep moving) and stops when the user
 * cancels the execution.
 */
export async function fitCooperatively(context: IExecuteFunctions, customers: ModelCustomers, settings: Parameters<typeof fitChurnModelSteps>[1]): Promise<ChurnModel> {
	return await cooperatively(context, fitChurnModelSteps(customers, settings, new Date()), 'The model fit');
}

/** Runs `steps` so, naming `what` was stopped when the execution is cancelled. */
export async function cooperatively<T>(context: IExecuteFunctions, steps: Steps<T>, what: string): Promise<T> {
	try {
		return await runCooperatively(steps, { pause: async () => await sleep(0), signal: context.getExecutionCancelSignal?.() });
	} catch (error) {
		if (error instanceof ComputationCancelled) throw new NodeOperationError(context.getNode(), `${what} was stopped because the execution was cancelled`);
		throw asNodeError(context, error);
	}
}
