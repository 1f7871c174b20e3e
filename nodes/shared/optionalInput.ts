import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The items on an input a workflow may leave unconnected (Campaign Report's Orders, Retention
 * Action's Contact Log): none when nothing is connected. n8n throws for an input index that was
 * never set rather than giving an empty list.
 */
export function optionalInput(ctx: IExecuteFunctions, inputIndex: number): INodeExecutionData[] {
	try {
		return ctx.getInputData(inputIndex) ?? [];
	} catch {
		return [];
	}
}
