/**
 * The benchmark's synthetic order file, shaped like a shop's order export: one row per order in
 * date order (customers interleaved), with a time of day, the customer's email, and columns the
 * suite does not use (currency, status, payment method, store). Customers follow the BG/NBD
 * story with known parameters (btydCustomers.ts), first purchases spread over
 * the first 52 weeks of a 78-week window starting 2024-01-01. Deterministic: the same size and
 * seed give the same bytes.
 */
import * as fs from 'fs';
import { btydCustomers } from './btydCustomers';

const START = Date.UTC(2024, 0, 1);
const WINDOW_DAYS = 78 * 7;
const ACQUISITION_DAYS = 52 * 7;
/** The analysis date: the end of the 78-week window. */
export const ANALYSIS_DATE = new Date(START + WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
const HEADER = 'order_id,created_at,customer_id,email,amount,currency,status,payment_method,store\n';
const PAYMENT = ['alipay', 'wechat_pay', 'card', 'alipay', 'wechat_pay'];
const STORE = ['online', 'online', 'tmall', 'shanghai-01'];

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
export function writeCsv(file: string, customers: number, seed = 7): { orders: number } {
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
	let buffer = HEADER;
	for (let n = 0; n < orders; n++) {
		const i = order[n];
		const id = customer[i];
		const at = `${isoDay(day[i])} ${two(Math.floor(minute[i] / 60))}:${two(minute[i] % 60)}:00`;
		buffer += `${100000 + n},${at},${id},c${id}@example.com,${amount[i].toFixed(2)},CNY,paid,${PAYMENT[id % 5]},${STORE[(id + n) % 4]}\n`;
		if (buffer.length > 1 << 20) {
			fs.writeSync(fd, buffer);
			buffer = '';
		}
	}
	fs.writeSync(fd, buffer);
	fs.closeSync(fd);
	return { orders };
}
