import { roundTo } from '../../../lib/values/rounding';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseDate } from '../../../lib/values/parseDate';
import { TimeZone } from '../../../lib/values/timeZone';
import { CampaignOutcome, evaluateCampaign, UpliftLine } from '../../../lib/report/campaignEvaluation';
import { campaignOutcomeOf, OrderEvent } from '../../../lib/report/campaignOutcomes';
import { asNodeError, linkedItem, readEachItem } from '../../shared/linkedItems';
import { customerIdOf } from '../../../lib/customer/customerId';
import { optionalInput } from '../../shared/optionalInput';
import { ordersByCustomer } from '../ordersInput';
import { readDays, withHtmlReport } from '../reportParameters';

/** One line of the report as an item: flat fields, for Google Sheets, a database or Slack. */
function lineItem(line: UpliftLine): IDataObject {
	const c = line.comparison;
	return {
		dimension: line.dimension,
		value: line.value,
		verdict: line.verdict,
		treatmentCustomers: line.treatment.customers,
		treatmentReactivated: line.treatment.reactivated,
		treatmentRate: roundTo(line.treatment.rate, 4),
		controlCustomers: line.control.customers,
		controlReactivated: line.control.reactivated,
		controlRate: roundTo(line.control.rate, 4),
		controlBasis: line.controlBasis === 'same' ? `control customers of the same ${line.dimension}` : 'the whole control group',
		uplift: c ? roundTo(c.difference, 4) : null,
		upliftLow: c ? roundTo(c.low, 4) : null,
		upliftHigh: c ? roundTo(c.high, 4) : null,
		pValue: c ? roundTo(c.pValue, 4) : null,
		test: c?.test ?? null,
		interval: c?.interval ?? null,
		customersNeededPerGroup: line.customersNeededPerGroup,
		treatmentRevenuePerCustomer: roundTo(line.treatment.revenuePerCustomer, 2),
		controlRevenuePerCustomer: roundTo(line.control.revenuePerCustomer, 2),
		incrementalOrders: roundTo(line.incrementalOrders, 2),
		incrementalRevenue: roundTo(line.incrementalRevenue, 2),
		cost: roundTo(line.cost, 2),
		roi: line.roi === null ? null : roundTo(line.roi, 4),
	};
}

export async function evaluate(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	const windowDays = readDays(this, 'windowDays', 'Reactivation Window (Days)', 30);
	const startText = this.getNodeParameter('campaignStart', 0, '') as string;
	let campaignStart: number | null = null;
	if (startText) {
		const parsed = parseDate(startText, 'ymd', zone);
		if ('error' in parsed) throw new NodeOperationError(this.getNode(), `Campaign Start ${parsed.error}`);
		campaignStart = parsed.ms;
	}
	const options = this.getNodeParameter('options', 0, {}) as { contactedAtField?: string; costPerContact?: number };
	const costPerContact = options.costPerContact ?? 0;
	if (!(Number.isFinite(costPerContact) && costPerContact >= 0)) throw new NodeOperationError(this.getNode(), `Cost per Contacted Customer cannot be negative; got ${costPerContact}`);
	const settings = { windowDays, campaignStart, contactedAtField: options.contactedAtField || 'contactedAt', costPerContact, zone };

	let orders: Map<string, OrderEvent[]> | undefined;
	try {
		orders = ordersByCustomer(this, optionalInput(this, 1), zone);
	} catch (error) {
		throw asNodeError(this, error);
	}

	const outcomes: CampaignOutcome[] = [];
	const errorItems = await readEachItem(this, items, (json) => {
		const read = campaignOutcomeOf(json, orders ? (orders.get(customerIdOf(json) ?? '') ?? []) : undefined, settings);
		if ('error' in read) return read;
		outcomes.push(read.outcome);
		return null;
	});
	if (outcomes.length === 0) return [errorItems];

	const lines = evaluateCampaign(outcomes);
	const [overall] = lines;
	this.addExecutionHints({
		message: `${overall.treatment.customers} contacted, ${overall.control.customers} in the control group; reactivated within ${windowDays} days: ${(overall.treatment.rate * 100).toFixed(1)}% against ${(overall.control.rate * 100).toFixed(1)}%. Overall: ${overall.verdict}.${orders ? '' : ' Outcomes from the customers\' own fields (no Orders input).'}`,
		location: 'outputPane',
	});
	// Every report line draws on all the customers it covers: pair it with them all would make
	// thousands of links per line, so lines are paired with the first input item.
	const reportItems = lines.map((line) => linkedItem(lineItem(line), 0));
	reportItems[0] = await withHtmlReport(this, reportItems[0], { title: 'Campaign report', subtitle: `Reactivated = ordered within ${windowDays} days after contact`, lines });
	return [[...reportItems, ...errorItems]];
}
