import { roundTo } from '../../../lib/values/rounding';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { TimeZone } from '../../../lib/values/timeZone';
import { OrderEvent } from '../../../lib/report/campaignOutcomes';
import { ScoredOutcome, warningAccuracy } from '../../../lib/report/warningAccuracy';
import { scoredOutcomeOf } from '../../../lib/report/warningOutcomes';
import { asNodeError, linkedItem, readEachItem } from '../../shared/linkedItems';
import { customerIdOf } from '../../../lib/customer/customerId';
import { optionalInput } from '../../shared/optionalInput';
import { ordersByCustomer } from '../ordersInput';
import { readDays, withHtmlReport } from '../reportParameters';

/** Warning Accuracy: an earlier run's scores against who did leave. One summary item. */
export async function checkWarning(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	const horizonDays = readDays(this, 'horizonDays', 'Left Means No Order Within (Days)', 90);
	const flaggedLevels = new Set(this.getNodeParameter('flaggedLevels', 0, ['critical', 'high']) as string[]);
	const orderItems = optionalInput(this, 1);
	if (orderItems.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Warning Accuracy needs the orders since the scored run on the Orders input', {
			description: 'Connect every order placed after the analysis date of the scores (the same export Customer Data reads) to the second input.',
		});
	}
	let orders: Map<string, OrderEvent[]>;
	try {
		orders = ordersByCustomer(this, orderItems, zone) ?? new Map();
	} catch (error) {
		throw asNodeError(this, error);
	}
	const settings = { horizonDays, flaggedLevels, zone, today: zone.localDayNumber(Date.now()) };
	const outcomes: ScoredOutcome[] = [];
	let pending = 0;
	const errorItems = await readEachItem(this, items, (json) => {
		const read = scoredOutcomeOf(json, orders.get(customerIdOf(json) ?? '') ?? [], settings);
		if ('error' in read) return read;
		if ('pending' in read) pending++;
		else outcomes.push(read.outcome);
		return null;
	});
	if (outcomes.length === 0) {
		throw new NodeOperationError(this.getNode(), pending ? `The ${horizonDays} days after the scores' analysis date have not passed yet for any customer: nothing to check yet` : 'No scored customer to check');
	}
	const accuracy = warningAccuracy(outcomes);
	const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
	this.addExecutionHints({
		message: `${accuracy.customers} customers: ${accuracy.churned} left within ${horizonDays} days. Of the ${accuracy.flagged} flagged, ${pct(accuracy.flaggedWhoLeft)} left; the warning caught ${pct(accuracy.leaversFlaggedEarly)} of those who left. AUC ${accuracy.auc === null ? 'n/a' : accuracy.auc.toFixed(3)} (0.5 is chance, 1 perfect).${pending ? ` ${pending} customers left out: their ${horizonDays} days have not passed yet.` : ''}`,
		location: 'outputPane',
	});
	const summary: IDataObject = {
		customers: accuracy.customers,
		leftWithinHorizon: accuracy.churned,
		flagged: accuracy.flagged,
		flaggedWhoLeft: accuracy.flaggedWhoLeft === null ? null : roundTo(accuracy.flaggedWhoLeft, 4),
		leaversFlaggedEarly: accuracy.leaversFlaggedEarly === null ? null : roundTo(accuracy.leaversFlaggedEarly, 4),
		auc: accuracy.auc === null ? null : roundTo(accuracy.auc, 4),
		calibration: accuracy.calibration.map((bin) => ({ customers: bin.customers, meanPredicted: roundTo(bin.meanPredicted, 4), observedRate: roundTo(bin.observedRate, 4) })),
		horizonDays,
		notYetKnown: pending,
	};
	const first = await withHtmlReport(this, linkedItem(summary, 0), { warning: { horizonDays }, accuracy });
	return [[first, ...errorItems]];
}
