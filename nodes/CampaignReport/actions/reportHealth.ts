import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { dayNumberToIsoDate as dayNumberToIso, dayOfIsoDateText, parseDate } from '../../../lib/values/parseDate';
import { TimeZone } from '../../../lib/values/timeZone';
import { LEVELS_AT_RISK } from '../../../lib/actions/atRisk';
import { baseHealth, HealthCustomer, healthCustomerOf, HealthOrders } from '../../../lib/report/baseHealth';
import { asNodeError, linkedItem, readEachItem } from '../../shared/linkedItems';
import { optionalInput } from '../../shared/optionalInput';
import { ordersByCustomer } from '../ordersInput';
import { readDays, withHtmlReport } from '../reportParameters';

/** Customer Base Health: one summary item with the figures, breakdowns, cohorts and the alert. */
export async function reportHealth(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	const periodDays = readDays(this, 'periodDays', 'Period (Days)', 30);
	const activeWindowDays = readDays(this, 'activeWindowDays', 'Active Window (Days)', 90);

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

	// Records without an analysis date of their own count their days back from the period's end.
	const context = { analysisDay: endDay, zone };
	const customers: HealthCustomer[] = [];
	const errorItems = await readEachItem(this, items, (json) => {
		const read = healthCustomerOf(json, context);
		if ('error' in read) return read;
		customers.push(read);
		return null;
	});

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

	const health = baseHealth(customers, orders, { endDay, periodDays, activeWindowDays, historyPeriods: 12, riskLevelsAtRisk: LEVELS_AT_RISK });
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
	const first = await withHtmlReport(this, linkedItem(summary, 0), { period: { days: periodDays, end: dayNumberToIso(endDay), activeWindowDays }, health });
	return [[first, ...errorItems]];
}
