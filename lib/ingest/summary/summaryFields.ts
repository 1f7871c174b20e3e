import { ObjectSink, RecordSink } from '../../values/recordSink';
import type { CustomerSummary, ProductCount } from '../../customer/customerSummary';
import type { ContactField } from '../../customer/fieldCatalog';
import { ColumnBuilder, NULL, TableBuilder } from '../../base/tableBuilder';
import { longestGapsAt, longestGapsTable, purchaseDatesText, SummaryColumns } from './summaryColumns';
import { roundMoney } from '../../values/parseMoney';

/** The fields a summary keeps per customer, latest value winning: the contact and CRM fields, and the currency. */
export type KeptField = ContactField | 'currency';

/** What a customer's own rows said beyond their orders (complaints, satisfaction, refunds, issues). */
export interface CustomerExperience {
	refunds: number;
	complaints: number;
	satisfactionSum: number;
	satisfactionCount: number;
	lastSatisfaction: number | null;
	issues: string[] | null;
}

/** What customer summaries are computed from, a row per customer. */
export interface SummarySource {
	readonly cols: SummaryColumns;
	readonly analysisDate: string;
	/** False for pre-aggregated summaries, whose activity per window is unknown (trend null). */
	readonly hasTrend: boolean;
	customerId(row: number): string;
	/** A kept field's latest value; undefined or null when none was given. */
	kept(row: number, field: KeptField): string | number | boolean | null | undefined;
	experience(row: number): Readonly<CustomerExperience>;
	/** The customer's products, most bought first; null when no row named a product. */
	products(row: number): ProductCount[] | null;
	distinctProducts(row: number): number;
}

type Value<T> = (s: SummarySource, row: number) => T;

/** A field of the summary. `present`: the field is left out of a row where it is false. */
type SummaryField =
	| { name: string; kind: 'number'; value: Value<number | null> }
	| { name: string; kind: 'flag'; value: Value<boolean | null> }
	| { name: string; kind: 'text'; value: Value<string | null>; present?: Value<boolean> }
	/** Epoch milliseconds, written as ISO 8601 text. */
	| { name: string; kind: 'instant'; value: Value<number | null> }
	/** `lists`: every row's value at once, where it is a list of records (null: none has one). */
	| { name: string; kind: 'json'; value: Value<unknown>; present?: Value<boolean>; lists?: (s: SummarySource) => ReturnType<typeof longestGapsTable> }
	/** An object of fields; null for a whole source where isNull says so. */
	| { name: string; kind: 'object'; fields: readonly SummaryField[]; isNull?: (s: SummarySource) => boolean };

function keptText(s: SummarySource, row: number, field: KeptField): string | null {
	const value = s.kept(row, field);
	return value === undefined || value === null ? null : String(value);
}

function keptFlag(s: SummarySource, row: number, field: KeptField): boolean | null {
	const value = s.kept(row, field);
	return typeof value === 'boolean' ? value : null;
}

function joinName(first: string | null, last: string | null): string | null {
	const name = [first, last].filter(Boolean).join(' ');
	return name === '' ? null : name;
}

/** (recent - previous) / mean of the two: bounded in [-2, 2], and 0 when both are 0. */
function symmetricChange(recent: number, previous: number): number {
	const mean = (Math.abs(recent) + Math.abs(previous)) / 2;
	return mean === 0 ? 0 : Math.round(((recent - previous) / mean) * 1000) / 1000;
}

const hasOrders = (s: SummarySource, row: number) => s.cols.orders[row] > 0;
/** Repeat purchase days (the models' x). */
const frequency = (s: SummarySource, row: number) => Math.max(0, s.cols.distinctDays[row] - 1);

function crmId(name: string, field: KeptField): SummaryField {
	return { name, kind: 'text', value: (s, r) => keptText(s, r, field), present: (s, r) => Boolean(keptText(s, r, field)) };
}

/**
 * The one definition of a customer summary, field by field in its order: made a row at a time
 * into an object (summaryOfRow), or written a column at a time into a base layer
 * (writeSummaryColumns), which a million customers need.
 */
const SUMMARY_FIELDS: readonly SummaryField[] = [
	{ name: 'customerId', kind: 'text', value: (s, r) => s.customerId(r) },
	{ name: 'email', kind: 'text', value: (s, r) => keptText(s, r, 'email') },
	{ name: 'phone', kind: 'text', value: (s, r) => keptText(s, r, 'phone') },
	{ name: 'firstName', kind: 'text', value: (s, r) => keptText(s, r, 'firstName') },
	{ name: 'lastName', kind: 'text', value: (s, r) => keptText(s, r, 'lastName') },
	{ name: 'name', kind: 'text', value: (s, r) => keptText(s, r, 'name') ?? joinName(keptText(s, r, 'firstName'), keptText(s, r, 'lastName')) },
	{ name: 'crmIds', kind: 'object', fields: [crmId('hubspot', 'hubspotId'), crmId('salesforce', 'salesforceId'), crmId('pipedrive', 'pipedriveId')] },
	{
		name: 'consent',
		kind: 'object',
		fields: [
			{ name: 'email', kind: 'flag', value: (s, r) => keptFlag(s, r, 'consentEmail') },
			{ name: 'sms', kind: 'flag', value: (s, r) => keptFlag(s, r, 'consentSms') },
			{ name: 'push', kind: 'flag', value: (s, r) => keptFlag(s, r, 'consentPush') },
		],
	},
	{ name: 'timezone', kind: 'text', value: (s, r) => keptText(s, r, 'timezone') },
	{
		name: 'lastContactedAt',
		kind: 'instant',
		value: (s, r) => {
			const at = s.kept(r, 'lastContactedAt');
			return typeof at === 'number' ? at : null;
		},
	},
	{ name: 'currency', kind: 'text', value: (s, r) => keptText(s, r, 'currency') },
	{ name: 'orders', kind: 'number', value: (s, r) => s.cols.orders[r] },
	{ name: 'repeatOrders', kind: 'number', value: (s, r) => Math.max(0, s.cols.orders[r] - 1) },
	{ name: 'firstOrderAt', kind: 'instant', value: (s, r) => (hasOrders(s, r) ? s.cols.firstAt[r] : null) },
	{ name: 'lastOrderAt', kind: 'instant', value: (s, r) => (hasOrders(s, r) ? s.cols.lastAt[r] : null) },
	{ name: 'recencyDays', kind: 'number', value: (s, r) => (hasOrders(s, r) ? s.cols.analysisDay - s.cols.lastDay[r] : null) },
	{ name: 'tenureDays', kind: 'number', value: (s, r) => (hasOrders(s, r) ? s.cols.analysisDay - s.cols.firstDay[r] : null) },
	{ name: 'totalSpend', kind: 'number', value: (s, r) => roundMoney(s.cols.spend[r]) },
	{ name: 'avgOrderValue', kind: 'number', value: (s, r) => (hasOrders(s, r) ? roundMoney(s.cols.spend[r] / s.cols.orders[r]) : null) },
	{
		name: 'avgRepeatOrderValue',
		kind: 'number',
		value: (s, r) => (s.cols.orders[r] > 1 ? roundMoney((s.cols.spend[r] - s.cols.firstOrderAmount[r]) / (s.cols.orders[r] - 1)) : null),
	},
	{ name: 'avgDaysBetweenOrders', kind: 'number', value: (s, r) => (frequency(s, r) > 0 ? (s.cols.lastDay[r] - s.cols.firstDay[r]) / frequency(s, r) : null) },
	{ name: 'lastGapDays', kind: 'number', value: (s, r) => (s.cols.lastGapDays[r] >= 0 ? s.cols.lastGapDays[r] : null) },
	{ name: 'longestGaps', kind: 'json', value: (s, r) => longestGapsAt(s.cols, r), lists: (s) => longestGapsTable(s.cols) },
	// Text, not a list: one cell in a spreadsheet export, and one text column in a customer base.
	{ name: 'purchaseDates', kind: 'text', value: (s, r) => purchaseDatesText(s.cols, r), present: (s, r) => s.cols.purchaseDaysFrom[r + 1] > s.cols.purchaseDaysFrom[r] },
	{
		name: 'trend',
		kind: 'object',
		isNull: (s) => !s.hasTrend,
		fields: [
			{ name: 'windowDays', kind: 'number', value: (s) => s.cols.trendWindowDays },
			{ name: 'recentOrders', kind: 'number', value: (s, r) => s.cols.recentOrders[r] },
			{ name: 'previousOrders', kind: 'number', value: (s, r) => s.cols.previousOrders[r] },
			{ name: 'recentSpend', kind: 'number', value: (s, r) => roundMoney(s.cols.recentSpend[r]) },
			{ name: 'previousSpend', kind: 'number', value: (s, r) => roundMoney(s.cols.previousSpend[r]) },
			{ name: 'orderTrend', kind: 'number', value: (s, r) => symmetricChange(s.cols.recentOrders[r], s.cols.previousOrders[r]) },
			{ name: 'spendTrend', kind: 'number', value: (s, r) => symmetricChange(s.cols.recentSpend[r], s.cols.previousSpend[r]) },
		],
	},
	{
		name: 'signals',
		kind: 'object',
		fields: [
			{ name: 'discountedOrders', kind: 'number', value: (s, r) => s.cols.discountedOrders[r] },
			// The first order's discount is a welcome offer: a share of the repeat orders.
			{ name: 'discountShare', kind: 'number', value: (s, r) => (s.cols.orders[r] > 1 ? s.cols.discountedOrders[r] / (s.cols.orders[r] - 1) : 0) },
			{ name: 'lastOrderDiscounted', kind: 'flag', value: (s, r) => s.cols.lastOrderDiscounted[r] !== 0 },
			{ name: 'returnedOrders', kind: 'number', value: (s, r) => s.cols.returnedOrders[r] },
			{ name: 'returnRate', kind: 'number', value: (s, r) => (s.cols.orders[r] > 0 ? s.cols.returnedOrders[r] / s.cols.orders[r] : 0) },
			{ name: 'refunds', kind: 'number', value: (s, r) => s.experience(r).refunds },
			{ name: 'complaints', kind: 'number', value: (s, r) => s.experience(r).complaints },
			{
				name: 'avgSatisfaction',
				kind: 'number',
				value: (s, r) => {
					const e = s.experience(r);
					return e.satisfactionCount ? e.satisfactionSum / e.satisfactionCount : null;
				},
			},
			{ name: 'lastSatisfaction', kind: 'number', value: (s, r) => s.experience(r).lastSatisfaction },
			{ name: 'distinctProducts', kind: 'number', value: (s, r) => s.distinctProducts(r) },
		],
	},
	{ name: 'products', kind: 'json', value: (s, r) => s.products(r) },
	{
		name: 'modelInputs',
		kind: 'object',
		fields: [
			{ name: 'frequency', kind: 'number', value: frequency },
			{ name: 'recency', kind: 'number', value: (s, r) => (hasOrders(s, r) ? s.cols.lastDay[r] - s.cols.firstDay[r] : 0) },
			{ name: 'T', kind: 'number', value: (s, r) => (hasOrders(s, r) ? s.cols.analysisDay - s.cols.firstDay[r] : 0) },
			// Net of returns and refunds, like totalSpend; refunds larger than the repeat purchases
			// leave nothing to model, not a negative spend.
			{ name: 'monetaryValue', kind: 'number', value: (s, r) => (frequency(s, r) > 0 ? Math.max(0, s.cols.repeatDaySpend[r]) / frequency(s, r) : 0) },
		],
	},
	{ name: 'analysisDate', kind: 'text', value: (s) => s.analysisDate },
	{
		name: 'dataIssues',
		kind: 'json',
		value: (s, r) => s.experience(r).issues,
		present: (s, r) => (s.experience(r).issues?.length ?? 0) > 0,
	},
];

/** One customer's summary as an object (an item's). */
export function summaryOfRow(s: SummarySource, row: number): CustomerSummary {
	const sink = new ObjectSink<Record<string, unknown>>();
	describeFields(sink, SUMMARY_FIELDS, s, row);
	return sink.record as unknown as CustomerSummary;
}

function describeFields(sink: RecordSink<Record<string, unknown>>, fields: readonly SummaryField[], s: SummarySource, row: number): void {
	for (const f of fields) {
		if ('present' in f && f.present && !f.present(s, row)) continue;
		if (f.kind === 'object') {
			if (f.isNull?.(s)) sink.field(f.name, null);
			else {
				describeFields(sink.open(f.name) as RecordSink<Record<string, unknown>>, f.fields, s, row);
				sink.close();
			}
		} else if (f.kind === 'instant') {
			const ms = f.value(s, row);
			if (ms === null) sink.field(f.name, null);
			else sink.instant(f.name, ms);
		} else sink.field(f.name, f.value(s, row));
	}
}

interface PlannedColumn {
	field: SummaryField;
	parent: SummaryField | null;
	/** The first row that has the field: where describing row by row would make its column. */
	firstRow: number;
}

/**
 * Every customer's summary written into an empty table a column at a time: the table of the
 * summaries summaryOfRow makes (the same columns in the same order, the same bytes),
 * without a million rows' trips through every field.
 */
export function writeSummaryColumns(table: TableBuilder, s: SummarySource): void {
	const rows = s.cols.rows;
	if (rows === 0) return;
	table.setRowCount(rows);
	const planned: PlannedColumn[] = [];
	const plan = (fields: readonly SummaryField[], parent: SummaryField | null) => {
		for (const field of fields) {
			const firstRow = 'present' in field && field.present ? firstRowWith(field.present, s, rows) : 0;
			if (firstRow < 0) continue;
			planned.push({ field, parent, firstRow });
			if (field.kind === 'object' && !field.isNull?.(s)) plan(field.fields, field);
		}
	};
	plan(SUMMARY_FIELDS, null);
	// A row by row description makes a row's new columns after those of the rows before it
	// (the sort is stable: a row's own new columns stay in their order).
	planned.sort((x, y) => x.firstRow - y.firstRow);
	const columnOf = new Map<SummaryField, number>();
	for (const { field, parent, firstRow } of planned) {
		const { index, column } = table.columnFor(parent ? (columnOf.get(parent) as number) : -1, field.name, firstRow);
		columnOf.set(field, index);
		fillColumn(column, field, s, rows);
	}
}

function firstRowWith(present: Value<boolean>, s: SummarySource, rows: number): number {
	for (let r = 0; r < rows; r++) if (present(s, r)) return r;
	return -1;
}

function fillColumn(column: ColumnBuilder, f: SummaryField, s: SummarySource, rows: number): void {
	switch (f.kind) {
		case 'object':
			if (f.isNull?.(s)) for (let r = 0; r < rows; r++) column.set(r, null);
			else column.fillObjects(rows);
			return;
		case 'number':
		case 'flag': {
			const values = new Float64Array(rows);
			let states: Uint8Array | null = null;
			for (let r = 0; r < rows; r++) {
				const value = f.value(s, r);
				if (value === null) (states ??= new Uint8Array(rows))[r] = NULL;
				// -0 is 0, as set() keeps it; a flag is 1 or 0.
				else values[r] = +value + 0;
			}
			column.fillNumbers(f.kind === 'number' ? 'number' : 'boolean', values, states);
			return;
		}
		case 'instant':
			for (let r = 0; r < rows; r++) {
				const ms = f.value(s, r);
				if (ms === null) column.set(r, null);
				else column.setInstant(r, ms);
			}
			return;
		default: {
			const lists = f.kind === 'json' ? f.lists?.(s) : null;
			if (lists) column.fillRecordLists(lists.ends, lists.elements);
			else for (let r = 0; r < rows; r++) if (!f.present || f.present(s, r)) column.set(r, f.value(s, r));
		}
	}
}
