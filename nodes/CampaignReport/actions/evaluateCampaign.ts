import { roundTo } from '../../../lib/values/rounding';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseDate } from '../../../lib/values/parseDate';
import { TimeZone } from '../../../lib/values/timeZone';
import { Language } from '../../../lib/values/language';
import { DEFAULT_MARGIN, defaultPriorEffect } from '../../../lib/actions/actionEconomics';
import { CampaignOutcome, evaluateCampaign, Interval, UpliftLine } from '../../../lib/report/campaignEvaluation';
import { CampaignContact, mergeCampaignContacts, readCampaignContact } from '../../../lib/report/campaignLog';
import { campaignOutcomeOf, OrderEvent } from '../../../lib/report/campaignOutcomes';
import { controlBasisText, dimensionName, methodText, valueName, verdictText } from '../../../lib/report/reportWords';
import { fitResponseModel } from '../../../lib/response/fitResponse';
import { asNodeError, errorItem, linkedItem, readEachItem } from '../../shared/linkedItems';
import { optionalInput } from '../../shared/optionalInput';
import { ordersByCustomer } from '../ordersInput';
import { readDays, withHtmlReport } from '../reportParameters';

const rounded = (interval: Interval | null, digits: number) => (interval ? { estimate: roundTo(interval.estimate, digits), low: roundTo(interval.low, digits), high: roundTo(interval.high, digits) } : null);

/** One line of the report as an item: flat fields, for Google Sheets, a database or Slack. */
function lineItem(line: UpliftLine, language: Language): IDataObject {
	const c = line.comparison;
	const revenue = rounded(line.incrementalRevenue, 2);
	const profit = rounded(line.incrementalProfit, 2);
	const roi = rounded(line.roi, 4);
	return {
		dimension: line.dimension,
		value: line.value,
		label: `${line.dimension === 'overall' ? '' : `${dimensionName(line.dimension, language)}: `}${valueName(line.dimension, line.value, language)}`,
		verdict: verdictText(line.verdict, language),
		verdictCode: line.verdict.kind,
		treatmentCustomers: line.treatment.customers,
		treatmentReactivated: line.treatment.reactivated,
		treatmentRate: roundTo(line.treatment.rate, 4),
		controlCustomers: line.control.customers,
		controlReactivated: line.control.reactivated,
		controlRate: roundTo(line.control.rate, 4),
		controlBasis: controlBasisText(line.controlBasis, line.dimension, language),
		uplift: c ? roundTo(c.difference, 4) : null,
		upliftLow: c ? roundTo(c.low, 4) : null,
		upliftHigh: c ? roundTo(c.high, 4) : null,
		pValue: c ? roundTo(c.pValue, 4) : null,
		method: c ? methodText(language) : null,
		smallGroups: c?.smallGroups ?? null,
		customersNeededPerGroup: line.customersNeededPerGroup,
		treatmentRevenuePerCustomer: roundTo(line.treatment.revenuePerCustomer, 2),
		controlRevenuePerCustomer: roundTo(line.control.revenuePerCustomer, 2),
		incrementalOrders: roundTo(line.incrementalOrders, 2),
		incrementalRevenue: revenue?.estimate ?? null,
		incrementalRevenueLow: revenue?.low ?? null,
		incrementalRevenueHigh: revenue?.high ?? null,
		cost: roundTo(line.cost, 2),
		incrementalProfit: profit?.estimate ?? null,
		incrementalProfitLow: profit?.low ?? null,
		incrementalProfitHigh: profit?.high ?? null,
		roi: roi?.estimate ?? null,
		roiLow: roi?.low ?? null,
		roiHigh: roi?.high ?? null,
	};
}

/**
 * Campaign Evaluation: one row per customer per campaign (repeats merged, customers in both
 * groups left out and named), the uplift lines on the first output, and on the second the
 * response model measured from them, for Retention Action's Measured Results.
 */
export async function evaluate(this: IExecuteFunctions, items: INodeExecutionData[], orderItems?: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	const windowDays = readDays(this, 'windowDays', 'Reactivation Window (Days)', 30);
	const language = this.getNodeParameter('reportLanguage', 0, 'en') as Language;
	const startText = this.getNodeParameter('campaignStart', 0, '') as string;
	let campaignStart: number | null = null;
	if (startText) {
		const parsed = parseDate(startText, 'ymd', zone);
		if ('error' in parsed) throw new NodeOperationError(this.getNode(), `Campaign Start ${parsed.error}`);
		campaignStart = parsed.ms;
	}
	const options = this.getNodeParameter('options', 0, {}) as { contactedAtField?: string; costPerContact?: number; margin?: number };
	const costPerContact = options.costPerContact ?? 0;
	if (!(Number.isFinite(costPerContact) && costPerContact >= 0)) throw new NodeOperationError(this.getNode(), `Cost per Contact cannot be negative; got ${costPerContact}`);
	const margin = options.margin ?? DEFAULT_MARGIN;
	if (!(margin > 0 && margin <= 1)) throw new NodeOperationError(this.getNode(), `Gross Margin must be more than 0 and at most 1; got ${margin}`);

	let orders: Map<string, OrderEvent[]> | undefined;
	try {
		orders = ordersByCustomer(this, orderItems ?? optionalInput(this, 1), zone);
	} catch (error) {
		throw asNodeError(this, error);
	}

	const contacts: Array<CampaignContact & { itemIndex: number }> = [];
	const errorItems = await readEachItem(this, items, (json, itemIndex) => {
		const read = readCampaignContact(json, { campaignStart, contactedAtField: options.contactedAtField || 'contactedAt', zone });
		if ('error' in read) return read;
		contacts.push({ ...read.contact, itemIndex });
		return null;
	});
	const merged = mergeCampaignContacts(contacts);
	const outcomes: CampaignOutcome[] = [];
	for (const unit of merged.units) {
		const read = campaignOutcomeOf(unit, orders ? (orders.get(unit.customerId) ?? []) : undefined, { windowDays, costPerContact, zone });
		const itemIndex = unit.itemIndex;
		if ('error' in read) {
			if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), `Item ${itemIndex} ${read.error}`, { itemIndex });
			errorItems.push(errorItem(this, `Item ${itemIndex} ${read.error}`, undefined, itemIndex));
		} else outcomes.push(read.outcome);
	}
	if (outcomes.length === 0) return [errorItems, []];

	const lines = evaluateCampaign(outcomes, { margin });
	const [overall] = lines;
	const leftOut = merged.bothGroupsInCampaign.length;
	this.addExecutionHints({
		message: [
			`${overall.treatment.customers} contacted, ${overall.control.customers} in the control group; reactivated within ${windowDays} days: ${(overall.treatment.rate * 100).toFixed(1)}% against ${(overall.control.rate * 100).toFixed(1)}%. Overall: ${verdictText(overall.verdict, 'en')}.`,
			merged.mergedRows ? `${merged.mergedRows} repeated rows merged: one row per customer per campaign, from the first contact.` : '',
			leftOut ? `${leftOut} customers were in both groups of one campaign and are left out (first: ${merged.bothGroupsInCampaign[0].customerId} in ${merged.bothGroupsInCampaign[0].campaignId || 'the campaign'}).` : '',
			merged.bothGroupsAcrossCampaigns.length ? `${merged.bothGroupsAcrossCampaigns.length} customers were contacted by one campaign and held out by another: left out of the lines across campaigns.` : '',
			orders ? '' : "Outcomes from the customers' own fields (no Orders input).",
		]
			.filter(Boolean)
			.join(' '),
		location: 'outputPane',
	});
	// Every report line draws on all the customers it covers: pair it with them all would make
	// thousands of links per line, so lines are paired with the first input item.
	const reportItems = lines.map((line) => linkedItem({ ...lineItem(line, language), ...(line === overall ? { mergedRows: merged.mergedRows, leftOutInBothGroups: leftOut, leftOutCustomers: merged.bothGroupsInCampaign.slice(0, 100) as unknown as IDataObject[] } : {}) }, 0));
	reportItems[0] = await withHtmlReport(this, reportItems[0], { lines, campaign: { windowDays, margin, mergedRows: merged.mergedRows, leftOut } });

	const model = fitResponseModel(
		outcomes.map((o) => ({ campaignId: o.campaignId, action: o.action ?? '', group: o.group, reactivated: o.reactivated, baseRate: o.baseRate, features: { stage: o.stage, segment: o.segment, valueTier: o.valueTier, cause: o.cause } })).filter((u) => u.action !== ''),
		defaultPriorEffect,
		windowDays,
		new Date(),
	);
	return [[...reportItems, ...errorItems], [linkedItem(model as unknown as IDataObject, 0)]];
}
