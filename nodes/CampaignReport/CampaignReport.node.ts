import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline, TransactionRecord } from '../../lib/ingest/customerDataPipeline';
import { defaultCleaningOptions } from '../../lib/ingest/defaultCleaning';
import { parseDate } from '../../lib/ingest/parseDate';
import { TimeZone } from '../../lib/ingest/timeZone';
import { CampaignOutcome, evaluateCampaign, UpliftLine } from '../../lib/report/campaignEvaluation';
import { campaignOutcomeOf, OrderEvent } from '../../lib/report/campaignOutcomes';
import { asNodeError, failEveryItemOnContinue, forEachRecord, isUpstreamError, linkedItem } from '../shared/linkedItems';
import { campaignReportProperties } from './CampaignReportDescription';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One line of the report as an item: flat fields, for Google Sheets, a database or Slack. */
function lineItem(line: UpliftLine): IDataObject {
	const c = line.comparison;
	return {
		dimension: line.dimension,
		value: line.value,
		verdict: line.verdict,
		treatmentCustomers: line.treatment.customers,
		treatmentReactivated: line.treatment.reactivated,
		treatmentRate: round(line.treatment.rate, 4),
		controlCustomers: line.control.customers,
		controlReactivated: line.control.reactivated,
		controlRate: round(line.control.rate, 4),
		controlBasis: line.controlBasis === 'same' ? `control customers of the same ${line.dimension}` : 'the whole control group',
		uplift: c ? round(c.difference, 4) : null,
		upliftLow: c ? round(c.low, 4) : null,
		upliftHigh: c ? round(c.high, 4) : null,
		pValue: c ? round(c.pValue, 4) : null,
		test: c?.test ?? null,
		interval: c?.interval ?? null,
		customersNeededPerGroup: line.customersNeededPerGroup,
		treatmentRevenuePerCustomer: round(line.treatment.revenuePerCustomer, 2),
		controlRevenuePerCustomer: round(line.control.revenuePerCustomer, 2),
		incrementalOrders: round(line.incrementalOrders, 2),
		incrementalRevenue: round(line.incrementalRevenue, 2),
		cost: round(line.cost, 2),
		roi: line.roi === null ? null : round(line.roi, 4),
	};
}

/** The Orders input, cleaned by Customer Data's engine, as each customer's orders. */
function ordersByCustomer(ctx: IExecuteFunctions, orderItems: INodeExecutionData[], zone: TimeZone): Map<string, OrderEvent[]> | undefined {
	if (orderItems.length === 0) return undefined;
	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: defaultCleaningOptions(zone), analysisDay: zone.localDayNumber(Date.now()), output: 'transactions' });
	try {
		orderItems.forEach((item, i) => pipeline.add({ row: i + 1, values: item.json }, i));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Orders input: ${(error as Error).message}`, { description: 'Give the orders customer ID, order date and amount columns, or clean them with a Customer Data node (Output: Transactions) first.' });
	}
	const result = pipeline.finish();
	const byCustomer = new Map<string, OrderEvent[]>();
	for (const { record } of result.records) {
		const order = record as TransactionRecord;
		const list = byCustomer.get(order.customerId) ?? [];
		list.push({ at: Date.parse(order.orderAt), amount: order.amount });
		byCustomer.set(order.customerId, list);
	}
	if (result.rejected.length) {
		ctx.addExecutionHints({ message: `${result.rejected.length} of ${result.rowsRead} orders on the Orders input could not be read and were left out (first: row ${result.rejected[0].row}, ${result.rejected[0].reason}).`, type: 'warning', location: 'outputPane' });
	}
	return byCustomer;
}

export class CampaignReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Campaign Report',
		name: 'campaignReport',
		icon: { light: 'file:campaignReport.svg', dark: 'file:campaignReport.dark.svg' },
		group: ['transform'],
		version: 1,
		usableAsTool: true,
		subtitle: '={{ "reactivated within " + $parameter["windowDays"] + " days" }}',
		description: 'Did the win-back work: reactivation of contacted customers against the control group, with uplift, significance, revenue and ROI per action, channel, cause and segment',
		defaults: { name: 'Campaign Report' },
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Customers' },
			{ type: NodeConnectionTypes.Main, displayName: 'Orders', required: false },
		],
		outputs: [{ type: NodeConnectionTypes.Main, displayName: 'Report Lines' }],
		properties: campaignReportProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData(0);
		return await failEveryItemOnContinue(this, items, { outputs: 1, errorOutput: 0 }, async () => await evaluate.call(this, items));
	}
}

function ordersInput(ctx: IExecuteFunctions): INodeExecutionData[] {
	try {
		return ctx.getInputData(1);
	} catch {
		// The Orders input is optional: not connected means no orders given.
		return [];
	}
}

async function evaluate(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	const windowDays = this.getNodeParameter('windowDays', 0, 30) as number;
	if (!(Number.isFinite(windowDays) && windowDays >= 1 && windowDays <= 3650)) throw new NodeOperationError(this.getNode(), `Reactivation Window (Days) must be from 1 to 3650; got ${windowDays}`);
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
		orders = ordersByCustomer(this, ordersInput(this), zone);
	} catch (error) {
		throw asNodeError(this, error);
	}

	const outcomes: CampaignOutcome[] = [];
	const upstreamErrors = items.flatMap((item, i) => (isUpstreamError(item.json) ? [linkedItem(item.json, i)] : []));
	const errorItems = await forEachRecord(
		this,
		items.flatMap((item, i) => (isUpstreamError(item.json) ? [] : [{ json: item.json, sourceItems: [i] }])),
		(record) => {
			const id = typeof record.json.customerId === 'string' ? record.json.customerId : '';
			const read = campaignOutcomeOf(record.json, orders ? (orders.get(id) ?? []) : undefined, settings);
			if ('error' in read) throw new NodeOperationError(this.getNode(), `Item ${record.sourceItems[0]} ${read.error}`, { itemIndex: record.sourceItems[0] });
			outcomes.push(read.outcome);
		},
	);
	if (outcomes.length === 0) return [[...upstreamErrors, ...errorItems]];

	const lines = evaluateCampaign(outcomes);
	const [overall] = lines;
	this.addExecutionHints({
		message: `${overall.treatment.customers} contacted, ${overall.control.customers} in the control group; reactivated within ${windowDays} days: ${(overall.treatment.rate * 100).toFixed(1)}% against ${(overall.control.rate * 100).toFixed(1)}%. Overall: ${overall.verdict}.${orders ? '' : ' Outcomes from the customers\' own fields (no Orders input).'}`,
		location: 'outputPane',
	});
	// Every report line draws on all the customers it covers: pair it with them all would make
	// thousands of links per line, so lines are paired with the first input item.
	return [[...lines.map((line) => linkedItem(lineItem(line), 0)), ...upstreamErrors, ...errorItems]];
}
