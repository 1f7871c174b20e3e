/**
 * The benchmark's synthetic order file, shaped like a shop's order export: one row per order in
 * date order (customers interleaved), with a time of day. Customers follow the BG/NBD story with
 * known parameters (btydCustomers.ts), first purchases spread over the first 52 weeks of a
 * 78-week window starting 2024-01-01. Deterministic: the same size, shape and seed give the same
 * bytes. Three shapes of the same orders:
 * - `export`: the customer's email and columns the suite does not use (currency, status,
 *   payment method, store);
 * - `plain`: order ID, date, customer ID and amount alone;
 * - `contacts`: those four, then the customer's email, mobile phone, first name and email and
 *   SMS consent, repeated on each of their orders as exports do.
 */
import * as fs from 'fs';
import { btydCustomers } from './btydCustomers';

const START = Date.UTC(2024, 0, 1);
const WINDOW_DAYS = 78 * 7;
const ACQUISITION_DAYS = 52 * 7;
/** The analysis date: the end of the 78-week window. */
export const ANALYSIS_DATE = new Date(START + WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
export type BenchShape = 'export' | 'plain' | 'contacts';
export const BENCH_SHAPES: readonly BenchShape[] = ['export', 'plain', 'contacts'];
const HEADER: Record<BenchShape, string> = {
	export: 'order_id,created_at,customer_id,email,amount,currency,status,payment_method,store\n',
	plain: 'order_id,created_at,customer_id,amount\n',
	contacts: 'order_id,created_at,customer_id,amount,email,phone,first_name,email_opt_in,sms_opt_in\n',
};
const PAYMENT = ['alipay', 'wechat_pay', 'card', 'alipay', 'wechat_pay'];
const STORE = ['online', 'online', 'tmall', 'shanghai-01'];
const FIRST_NAMES = ['Jun', 'Yan', 'Wei', 'Li', 'Fang', 'Lei', 'Min', 'Jing'];
const CONSENT = ['yes', 'yes', 'no', ''];

/** One order's row of the shape. */
function row(shape: BenchShape, n: number, at: string, id: number, amount: string): string {
	if (shape === 'plain') return `${100000 + n},${at},${id},${amount}\n`;
	if (shape === 'contacts') return `${100000 + n},${at},${id},${amount},c${id}@example.com,${13800000000 + id},${FIRST_NAMES[id % 8]},${CONSENT[id % 4]},${CONSENT[(id >> 2) % 4]}\n`;
	return `${100000 + n},${at},${id},c${id}@example.com,${amount},CNY,paid,${PAYMENT[id % 5]},${STORE[(id + n) % 4]}\n`;
}

const isoDay = (() => {
	const cache = new Map<number, string>();
	return (day: number) => {
		let text = cache.get(day);
		if (!text) {
			text = new Date(START + day * 86_400_000).toISOString().slice(0, 10);
			cache.set(day, text);
		}
		return text;
	};
})();
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Writes the export of `customers` customers to `file`; returns how many orders it holds. */
export function writeCsv(file: string, customers: number, seed = 7, shape: BenchShape = 'export'): { orders: number } {
	// All orders first, then written in time order, as an export lists them.
	const customer: number[] = [];
	const day: number[] = [];
	const amount: number[] = [];
	for (const c of btydCustomers({ customers, seed, windowDays: WINDOW_DAYS, acquisitionDays: ACQUISITION_DAYS })) {
		for (let k = 0; k < c.days.length; k++) {
			customer.push(c.id);
			day.push(c.days[k]);
			amount.push(c.amounts[k]);
		}
	}
	const orders = customer.length;
	// A time of day fixed by the customer and the order (same-day orders stay on their day).
	const minute = Uint16Array.from(customer, (id, i) => (id * 7919 + i * 104_729) % 1440);
	const order = Uint32Array.from({ length: orders }, (_, i) => i).sort((x, y) => day[x] - day[y] || minute[x] - minute[y] || x - y);
	const fd = fs.openSync(file, 'w');
	let buffer = HEADER[shape];
	for (let n = 0; n < orders; n++) {
		const i = order[n];
		const id = customer[i];
		const at = `${isoDay(day[i])} ${two(Math.floor(minute[i] / 60))}:${two(minute[i] % 60)}:00`;
		buffer += row(shape, n, at, id, amount[i].toFixed(2));
		if (buffer.length > 1 << 20) {
			fs.writeSync(fd, buffer);
			buffer = '';
		}
	}
	fs.writeSync(fd, buffer);
	fs.closeSync(fd);
	return { orders };
}
