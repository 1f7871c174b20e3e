import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { backtestSummarySchema, backtestView } from '../../../lib/report/backtestView';
import { linkedItem } from '../../shared/linkedItems';
import { withHtmlReport } from '../reportParameters';

/**
 * Model Backtest: Churn Risk's backtest of the purchase models as a report, one item with the
 * held-out totals per model and the HTML page with the tracking charts.
 */
export async function reportBacktest(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const candidates = items.map((item, index) => ({ item, index })).filter(({ item }) => 'tracking' in item.json);
	if (candidates.length !== 1) {
		throw new NodeOperationError(this.getNode(), candidates.length === 0 ? 'No backtest came in: Model Backtest charts the item with the weekly tracking series' : `${candidates.length} backtests came in; Model Backtest charts one at a time`, {
			description: "Connect Churn Risk's second output (Backtest), with its Mode set to Backtest the Models, to the first input.",
		});
	}
	const [{ item, index }] = candidates;
	const parsed = backtestSummarySchema.safeParse(item.json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new NodeOperationError(this.getNode(), `Item ${index} is not a backtest as Churn Risk puts it out: ${issue.path.join('.') || 'the item'} ${issue.message.toLowerCase()}`, { itemIndex: index });
	}
	const view = backtestView(parsed.data);
	const heldOut = view.weeks.map((week) => week.holdout);
	const total = (values: number[]) => values.reduce((sum, v, k) => (heldOut[k] && Number.isFinite(v) ? sum + v : sum), 0);
	const summary: IDataObject = {
		calibrationDate: view.calibrationDate,
		analysisDate: view.analysisDate,
		holdoutDays: view.holdoutDays,
		customers: view.customers,
		chosen: view.chosen,
		reason: view.reason,
		// What the chart shows in figures: the held-out weeks' repeat orders, made and expected.
		heldOutRepeatOrders: { made: total(view.actual), ...Object.fromEntries(view.models.map((m) => [m.name, Math.round(total(m.expected) * 100) / 100])) },
	};
	return [[await withHtmlReport(this, linkedItem(summary, index), { backtest: view })]];
}
