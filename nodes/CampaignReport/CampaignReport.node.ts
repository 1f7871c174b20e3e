import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline, defaultCleaningOptions, TransactionRecord } from '../../lib/ingest';
import { dayNumberToIsoDate as dayNumberToIso, dayOfIsoDateText, parseDate } from '../../lib/values/parseDate';
import { TimeZone } from '../../lib/values/timeZone';
import { CampaignOutcome, evaluateCampaign, UpliftLine } from '../../lib/report/campaignEvaluation';
import { campaignOutcomeOf, OrderEvent } from '../../lib/report/campaignOutcomes';
import { ScoredOutcome, warningAccuracy } from '../../lib/report/warningAccuracy';
import { scoredOutcomeOf } from '../../lib/report/warningOutcomes';
import { renderReport, ReportInput, ReportLanguage } from '../../lib/report/htmlReport';
import { baseHealth, HealthCustomer, healthCustomerOf, HealthOrders } from '../../lib/report/baseHealth';
import { asNodeError, failEveryItemOnContinue, linkedItem, readEachItem } from '../shared/linkedItems';
import { customerIdOf } from '../../lib/customer/customerId';
import { optionalInput } from '../shared/optionalInput';
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
		subtitle: '={{ {"warningAccuracy": "warning accuracy", "baseHealth": "customer base health"}[$parameter["operation"]] ?? "campaign evaluation" }}',
		description: 'Did the win-back work (uplift against the control group, significance, ROI), how healthy is the base (churn, cohorts), and did the churn warning hold (AUC)',
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
		const operation = this.getNodeParameter('operation', 0, 'campaignEvaluation') as string;
		const run = operation === 'warningAccuracy' ? checkWarning : operation === 'baseHealth' ? reportHealth : evaluate;
		return await failEveryItemOnContinue(this, items, { outputs: 1, errorOutput: 0 }, async () => await run.call(this, items));
	}
}

/** Attaches the HTML report to the first item when the node is set to. */
async function withHtmlReport(ctx: IExecuteFunctions, first: INodeExecutionData, report: Omit<ReportInput, 'language' | 'locale' | 'currency'>): Promise<INodeExecutionData> {
	if (!(ctx.getNodeParameter('htmlReport', 0, true) as boolean)) return first;
	const language = ctx.getNodeParameter('reportLanguage', 0, 'en') as ReportLanguage;
	const currencyText = (ctx.getNodeParameter('currency', 0, '') as string).trim().toUpperCase();
	if (currencyText && !/^[A-Z]{3}$/.test(currencyText)) throw new NodeOperationError(ctx.getNode(), `Currency must be a three-letter ISO code like CNY or USD; got "${currencyText}"`);
	const field = (ctx.getNodeParameter('binaryPropertyName', 0, 'report') as string) || 'report';
	const html = renderReport({ ...report, language, locale: language === 'zh-CN' ? 'zh-CN' : 'en-US', currency: currencyText || null });
	const binary = await ctx.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), 'campaign-report.html', 'text/html');
	return { ...first, binary: { ...(first.binary ?? {}), [field]: binary } };
}

/** A setting counted in days, 1 to 3650, with its label in the message when it is not. */
function readDays(ctx: IExecuteFunctions, name: string, label: string, fallback: number): number {
	const value = ctx.getNodeParameter(name, 0, fallback) as number;
	if (!(Number.isFinite(value) && value >= 1 && value <= 3650)) throw new NodeOperationError(ctx.getNode(), `${label} must be from 1 to 3650; got ${value}`);
	return value;
}

async function evaluate(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
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

/** Warning Accuracy: an earlier run's scores against who did leave. One summary item. */
async function checkWarning(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
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
		flaggedWhoLeft: accuracy.flaggedWhoLeft === null ? null : round(accuracy.flaggedWhoLeft, 4),
		leaversFlaggedEarly: accuracy.leaversFlaggedEarly === null ? null : round(accuracy.leaversFlaggedEarly, 4),
		auc: accuracy.auc === null ? null : round(accuracy.auc, 4),
		calibration: accuracy.calibration.map((bin) => ({ customers: bin.customers, meanPredicted: round(bin.meanPredicted, 4), observedRate: round(bin.observedRate, 4) })),
		horizonDays,
		notYetKnown: pending,
	};
	const first = await withHtmlReport(this, linkedItem(summary, 0), { title: 'Churn warning accuracy', subtitle: `Left = no order within ${horizonDays} days after the scores' analysis date`, accuracy });
	return [[first, ...errorItems]];
}

/** Customer Base Health: one summary item with the figures, breakdowns, cohorts and the alert. */
async function reportHealth(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	const periodDays = readDays(this, 'periodDays', 'Period (Days)', 30);
	const activeWindowDays = readDays(this, 'activeWindowDays', 'Active Window (Days)', 90);
	const dayOf = (value: unknown) => {
		if (typeof value !== 'string' || value === '') return null;
		const parsed = parseDate(value, 'ymd', zone);
		return 'error' in parsed ? null : parsed.day;
	};

	const customers: HealthCustomer[] = [];
	const errorItems = await readEachItem(this, items, (json) => {
		const read = healthCustomerOf(json, dayOf);
		if ('error' in read) return read;
		customers.push(read);
		return null;
	});

	const endText = this.getNodeParameter('periodEnd', 0, '') as string;
	let endDay: number;
	if (endText) {
		const parsed = parseDate(endText, 'ymd', zone);
		if ('error' in parsed) throw new NodeOperationError(this.getNode(), `Period End ${parsed.error}`);
		endDay = parsed.day;
	} else {
		const itemDay = items.map((item) => (typeof item.json.analysisDate === 'string' ? dayOfIsoDateText(item.json.analysisDate) : null)).find((day) => day !== null);
		endDay = itemDay ?? zone.localDayNumber(Date.now());
	}

	let orders: Map<string, HealthOrders> | null = null;
	try {
		const events = ordersByCustomer(this, optionalInput(this, 1), zone);
		if (events) {
			orders = new Map();
			for (const [id, list] of events) orders.set(id, { days: list.map((o) => zone.localDayNumber(o.at)), amounts: list.map((o) => o.amount) });
		}
	} catch (error) {
		throw asNodeError(this, error);
	}

	const health = baseHealth(customers, orders, { endDay, periodDays, activeWindowDays, historyPeriods: 12, riskLevelsAtRisk: new Set(['high', 'critical']) });
	const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`);
	this.addExecutionHints({
		message: [
			`${health.customers} customers as of ${dayNumberToIso(endDay)}.`,
			health.churn ? `Churn rate over ${periodDays} days: ${pct(health.churn.current.churnRate)} of ${health.churn.current.base} active customers (retention ${pct(health.churn.retentionRate)}).` : 'Churn rate, cohorts and the alert need the orders on the Orders input.',
			`Repeat-purchase rate ${pct(health.repeatPurchaseRate)}.`,
			health.churn?.alert ? `ALERT: ${health.churn.alert}.` : '',
		]
			.filter(Boolean)
			.join(' '),
		type: health.churn?.alert ? 'warning' : 'info',
		location: 'outputPane',
	});
	const summary = JSON.parse(JSON.stringify({ periodEnd: dayNumberToIso(endDay), periodDays, activeWindowDays, ...health })) as IDataObject;
	const first = await withHtmlReport(this, linkedItem(summary, 0), { title: 'Customer base health', subtitle: `${periodDays}-day period ending ${dayNumberToIso(endDay)}; active = ordered within ${activeWindowDays} days`, health });
	return [[first, ...errorItems]];
}

