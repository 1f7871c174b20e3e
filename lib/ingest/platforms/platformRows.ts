import { LINE_FIELDS, normaliseColumnName, OrderField } from '../../customer/fieldCatalog';
import { hasValue, parseOptionalNumber } from '../../values/cellValues';
import { MoneyOptions, parseMoney, roundMoney } from '../../values/parseMoney';
import type { FieldMapping } from '../fields/fieldMapping';
import { normalisePhone } from '../fields/contactFields';
import type { RawRow } from '../readers/rawRow';
import type { PlatformPreset } from './platformPreset';
import { fromTextFormula } from '../../values/spreadsheetText';

/** A row and the input item it came from, as the pipeline takes them. */
export interface ItemRow {
	raw: RawRow;
	sourceItem: number;
}

type Values = Record<string, unknown>;

/** A row of an order held until all its lines are seen. */
interface HeldRow {
	row: number;
	values: Values;
	sourceItem: number;
}

/** Where a derived value is put in a shaped row: names that say what the value is made of. */
const AMOUNT_KEY = 'Amount (paid less refunded, shared over the lines)';
const REFUNDED_IN_FULL_KEY = 'Refunded in Full';

/**
 * Turns an export's rows into rows Customer Data reads like any other: an order's order-level
 * cells (date, customer, total, status), which many exports write only on its first line, are
 * filled in on every line; orders whose status is no purchase are rejected with that status;
 * the order's value (paid less refunded) is shared over its lines in proportion to their value,
 * so the order is counted once, at its net value, and each product keeps its part.
 *
 * Rows are held until the order ID changes: exports list an order's lines together. A line of an
 * order that comes back after other orders is rejected with what to do, never counted twice.
 */
export class PlatformRows {
	readonly mapping: FieldMapping = {};
	/** Header name of each preset column the export has. */
	private readonly columnOf = new Map<string, string>();
	/**
	 * Each mapped field's columns and the key the pipeline reads it under: the column itself, or
	 * a key of its own holding the first of several columns with a value, or their texts joined
	 * (a day and a time of day).
	 */
	private readonly fieldColumns: Array<{ field: OrderField; columns: string[]; key: string; lineLevel: boolean; joined: boolean }> = [];
	private readonly orderColumns: string[] = [];
	private readonly orderIdColumns: string[];
	private readonly paid: string | undefined;
	private readonly refunded: string | undefined;
	/** The phone as the export wrote it, and the order's country columns it is read in. */
	private readonly phoneIn: { from: string; countries: string[]; key: string } | undefined;
	private current: { key: string; rows: HeldRow[] } | undefined;
	/** Order IDs whose value was shared out already (one string per order of the export). */
	private readonly done = new Set<string>();

	constructor(
		readonly preset: PlatformPreset,
		header: readonly string[],
		private readonly money: MoneyOptions,
	) {
		const byNormalName = new Map(header.map((column) => [normaliseColumnName(column), column]));
		const present = (name: string | undefined) => (name === undefined ? undefined : byNormalName.get(normaliseColumnName(name)));
		const lineLevel = new Set<OrderField>([...LINE_FIELDS, ...(preset.lineFields ?? [])]);

		for (const [field, names] of Object.entries(preset.fields) as Array<[OrderField, readonly string[]]>) {
			const columns = names.map(present).filter((c): c is string => c !== undefined);
			if (columns.length === 0) continue;
			const key = columns.length === 1 ? columns[0] : columns.join(' / ');
			this.fieldColumns.push({ field, columns, key, lineLevel: lineLevel.has(field), joined: false });
			this.mapping[field] = key;
		}
		const date = preset.dateAndTime && present(preset.dateAndTime.date);
		const time = preset.dateAndTime && present(preset.dateAndTime.time);
		if (date && time) {
			const key = `${date} + ${time}`;
			this.fieldColumns.push({ field: 'orderDate', columns: [date, time], key, lineLevel: false, joined: true });
			this.mapping.orderDate = key;
		}
		this.orderIdColumns = this.fieldColumns.find((f) => f.field === 'orderId')?.columns ?? [];
		if ('paid' in preset.value) {
			this.paid = present(preset.value.paid);
			this.refunded = (preset.value.refunded ?? []).map(present).find((c) => c !== undefined);
			if (this.paid) this.mapping.amount = AMOUNT_KEY;
			if (this.refunded) this.mapping.returned = REFUNDED_IN_FULL_KEY;
		} else {
			const lineAmount = present(preset.value.line);
			if (lineAmount) this.mapping.amount = lineAmount;
		}
		for (const name of [preset.status?.column, preset.cancelledAt]) {
			const column = present(name);
			if (column) this.columnOf.set(name as string, column);
		}
		const countries = (preset.phoneCountry ?? []).map(present).filter((c): c is string => c !== undefined);
		if (this.mapping.phone && countries.length) {
			this.phoneIn = { from: this.mapping.phone, countries, key: `${this.mapping.phone}, read in ${countries.join(' / ')}` };
			this.mapping.phone = this.phoneIn.key;
		}
		for (const { columns, lineLevel: isLine } of this.fieldColumns) if (!isLine) this.orderColumns.push(...columns);
		this.orderColumns.push(...countries, ...this.columnOf.values(), ...[this.paid, this.refunded].filter((c): c is string => c !== undefined));
	}

	/** The rows ready to be read after this one (often none: the order may go on). */
	take(raw: RawRow, sourceItem: number): ItemRow[] {
		if ('error' in raw) return [{ raw, sourceItem }];
		const values: Values = {};
		for (const column in raw.values) {
			const value = raw.values[column];
			values[column] = typeof value === 'string' ? fromTextFormula(value) : value;
		}
		const row: HeldRow = { row: raw.row, values, sourceItem };
		const key = this.orderIdColumns.map((c) => values[c]).find(hasValue);
		if (key === undefined) return [...this.drain(), ...this.shapeOrder([row])];
		// Items from a database or Extract From File are one row each: an order spans items as it spans a file's rows.
		const orderKey = String(key).trim();
		if (this.current?.key === orderKey) {
			this.current.rows.push(row);
			return [];
		}
		const ready = this.drain();
		// A line whose order's value was already shared out would count that value again. Per-line
		// amounts (a POS's refund lines, written when the refund happens) simply add up.
		if (this.paid && this.done.has(orderKey)) {
			const reason = `a line of order "${orderKey}" after lines of other orders: sort the export by order, so an order's lines are together, and read it again`;
			return [...ready, { raw: { row: raw.row, error: reason, raw: raw.values }, sourceItem }];
		}
		this.current = { key: orderKey, rows: [row] };
		return ready;
	}

	/** The rows of the order still held (call at the end of each file and of the input). */
	drain(): ItemRow[] {
		const order = this.current;
		if (!order) return [];
		this.current = undefined;
		if (this.paid) this.done.add(order.key);
		return this.shapeOrder(order.rows);
	}

	private shapeOrder(rows: HeldRow[]): ItemRow[] {
		const first = (column: string) => rows.map((r) => r.values[column]).find(hasValue);
		const orderValues: Values = {};
		for (const column of this.orderColumns) {
			const value = first(column);
			if (value !== undefined) orderValues[column] = value;
		}
		const reject = (reason: string) => rows.map(({ row, values, sourceItem }) => ({ raw: { row, error: reason, raw: values }, sourceItem }));

		const notAPurchase = this.notAPurchase(orderValues);
		if (notAPurchase) return reject(notAPurchase);

		let shares: number[] | undefined;
		let refundedInFull = false;
		if (this.paid && hasValue(orderValues[this.paid])) {
			const paid = parseMoney(orderValues[this.paid], this.money);
			if ('error' in paid) return reject(`amount (column "${this.paid}") ${paid.error}`);
			let value = paid.value;
			if (this.refunded && hasValue(orderValues[this.refunded])) {
				const refunded = parseMoney(orderValues[this.refunded], this.money);
				if ('error' in refunded) return reject(`refunded amount (column "${this.refunded}") ${refunded.error}`);
				// Exports write a refund as a positive sum or as a negative one.
				const back = Math.abs(refunded.value);
				refundedInFull = back > 0 && back >= value - 0.005;
				// A returned order keeps its value: Customer Data leaves it out of spend and counts the return.
				if (!refundedInFull) value = roundMoney(value - back);
			}
			shares = shareOut(value, rows.map((r) => this.lineValue(r.values)));
		}

		return rows.map(({ row, values: read, sourceItem }, i) => {
			const values: Values = { ...read };
			for (const { columns, key, lineLevel, joined } of this.fieldColumns) {
				if (!lineLevel) for (const column of columns) if (!hasValue(values[column]) && orderValues[column] !== undefined) values[column] = orderValues[column];
				if (columns.length > 1) values[key] = joined ? columns.map((c) => values[c] ?? '').join(' ').trim() : columns.map((c) => values[c]).find(hasValue);
			}
			if (this.phoneIn) values[this.phoneIn.key] = this.phoneInCountry(values, orderValues);
			if (shares) values[AMOUNT_KEY] = shares[i];
			if (this.refunded) values[REFUNDED_IN_FULL_KEY] = refundedInFull ? 'yes' : 'no';
			return { raw: { row, values }, sourceItem };
		});
	}

	/**
	 * The phone in E.164 when it was written without a country code and the order's country
	 * makes it a valid number; otherwise as written (then read in Default Country Code's country).
	 */
	private phoneInCountry(values: Values, order: Values): unknown {
		const { from, countries } = this.phoneIn as NonNullable<PlatformRows['phoneIn']>;
		const phone = values[from];
		const country = String(countries.map((c) => order[c]).find(hasValue) ?? '').trim();
		// A number with its +code keeps it, whatever the country given.
		const read = /^[A-Za-z]{2}$/.test(country) ? normalisePhone(phone, country) : null;
		return typeof read === 'string' ? read : phone;
	}

	/** Why the order is no purchase (its status, or a cancellation date), or undefined. */
	private notAPurchase(order: Values): string | undefined {
		const cancelled = this.preset.cancelledAt && this.columnOf.get(this.preset.cancelledAt);
		if (cancelled && hasValue(order[cancelled])) return `cancelled (column "${cancelled}" says ${String(order[cancelled]).trim()}): not a purchase`;
		const status = this.preset.status;
		const column = status && this.columnOf.get(status.column);
		if (!status || !column || !hasValue(order[column])) return undefined;
		const said = String(order[column]).trim();
		const match = status.notPurchases.find((n) => n.values.some((v) => v.toLowerCase() === said.toLowerCase()));
		return match ? `order status "${said}" (column "${column}"): ${match.why}, not a purchase` : undefined;
	}

	/** A line's list value (unit price x quantity), by which the order's value is shared; 0 when unknown. */
	private lineValue(values: Values): number {
		const price = this.mapping.unitPrice && parseMoney(values[this.mapping.unitPrice], this.money);
		if (!price || 'error' in price) return 0;
		const quantity = this.mapping.quantity ? (parseOptionalNumber(values[this.mapping.quantity]) ?? 1) : 1;
		return Math.max(0, price.value * quantity);
	}
}

/**
 * `total` in cents over lines in proportion to their weights, adding up to the cent; all on the
 * first line when no line has a weight.
 */
export function shareOut(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (!(sum > 0)) return weights.map((_, i) => (i === 0 ? total : 0));
	const shares = weights.map((w) => roundMoney((total * w) / sum));
	const last = weights.length - 1;
	shares[last] = roundMoney(total - shares.slice(0, last).reduce((a, b) => a + b, 0));
	return shares;
}
