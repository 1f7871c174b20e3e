/**
 * How the logged customers answered the campaigns, simulated with a known effect for the
 * monthly report's end-to-end check: within 25 days of their last contact, 30% of the customers
 * any campaign contacted order again, and 15% of those only ever held out (chosen by a hash of
 * the customer, the same on every run). `ordersAfterCampaigns` returns the sample orders with
 * those orders appended; `expectedRates` counts, independently of Campaign Report, the share of
 * treated and of held-out customers who ordered within 30 days after their first logged contact
 * in a campaign (a simulated order, or one of the sample's own late on its last day): one count
 * per customer per campaign, customers in both groups of a campaign left out, and customers
 * contacted by one campaign but held out by another left out of the total.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RunItem } from './exampleChecks';
import { readSampleCsv } from '../synthetic/sampleShop';

export const RATES = { treatment: 0.3, control: 0.15 };
const DAY = 86_400_000;

/** A number in [0, 1) fixed by the text. */
const uniform = (text: string) => crypto.createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

/** Per customer: contacted by any campaign, and the last time they were logged. */
function customersOf(contactLogRows: RunItem[]) {
	const customers = new Map<string, { treated: boolean; last: number }>();
	for (const row of contactLogRows) {
		const c = customers.get(row.customerId) ?? { treated: false, last: 0 };
		c.treated ||= row.group === 'treatment';
		c.last = Math.max(c.last, Date.parse(row.contactedAt));
		customers.set(row.customerId, c);
	}
	return customers;
}

/** When each customer who answers orders (ms), by customer. */
function simulatedOrders(contactLogRows: RunItem[]) {
	const orders = new Map<string, number>();
	for (const [customerId, c] of customersOf(contactLogRows)) {
		const u = uniform(customerId);
		if (u < (c.treated ? RATES.treatment : RATES.control)) orders.set(customerId, c.last + (1 + (Math.floor(u * 1000) % 25)) * DAY);
	}
	return orders;
}

/** The sample's order dates are wall-clock time in Shanghai. */
const sampleOrderTime = (date: string) => Date.parse(`${date.replace(' ', 'T')}+08:00`);

export function ordersAfterCampaigns(ordersCsv: string, contactLogRows: RunItem[]): string {
	const header = ordersCsv.slice(0, ordersCsv.indexOf('\n')).replace(/^\uFEFF/, '').split(',');
	const lines = [];
	let orderNo = 800000;
	for (const [customerId, at] of simulatedOrders(contactLogRows)) {
		const local = new Date(at + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
		const cells: Record<string, string> = { customer_id: customerId, order_id: `SO${orderNo++}`, order_date: local, amount: '158.00' };
		lines.push(header.map((name) => cells[name] ?? '').join(','));
	}
	return `${ordersCsv.trimEnd()}\n${lines.join('\n')}\n`;
}

export function expectedRates(ordersCsv: string, contactLogRows: RunItem[], windowDays = 30): { treatment: number; control: number; treated: number; controls: number } {
	const simulated = simulatedOrders(contactLogRows);
	const late = new Map<string, number[]>();
	for (const { customer_id: customerId, order_date: date } of readSampleCsv(ordersCsv)) {
		if (date >= '2025-06-29') late.set(customerId, [...(late.get(customerId) ?? []), sampleOrderTime(date)]);
	}
	// One unit per customer per campaign: the first contact, and the groups the customer was in.
	const units = new Map<string, { customerId: string; from: number; groups: Set<string> }>();
	for (const row of contactLogRows) {
		const key = `${row.campaignId}|${row.customerId}`;
		const unit = units.get(key) ?? { customerId: row.customerId, from: Infinity, groups: new Set<string>() };
		unit.from = Math.min(unit.from, Date.parse(row.contactedAt));
		unit.groups.add(row.group === 'holdout' ? 'control' : row.group);
		units.set(key, unit);
	}
	const kept = [...units.values()].filter((u) => u.groups.size === 1);
	const groupsOfCustomer = new Map<string, Set<string>>();
	for (const u of kept) groupsOfCustomer.set(u.customerId, (groupsOfCustomer.get(u.customerId) ?? new Set()).add([...u.groups][0]));
	const count: Record<string, [number, number]> = { treatment: [0, 0], control: [0, 0] };
	for (const u of kept) {
		if ((groupsOfCustomer.get(u.customerId) as Set<string>).size > 1) continue;
		const times = [...(late.get(u.customerId) ?? []), ...(simulated.has(u.customerId) ? [simulated.get(u.customerId) as number] : [])];
		const reactivated = times.some((t) => t > u.from && t <= u.from + windowDays * DAY);
		const group = [...u.groups][0];
		count[group][0] += reactivated ? 1 : 0;
		count[group][1] += 1;
	}
	return { treatment: count.treatment[0] / count.treatment[1], control: count.control[0] / count.control[1], treated: count.treatment[1], controls: count.control[1] };
}

/** The contact logs the campaigns wrote into a data folder (contact-log-*.csv), by name. */
export function contactLogFiles(filesDir: string): string[] {
	return fs
		.readdirSync(filesDir)
		.filter((f) => /^contact-log-.*\.csv$/.test(f))
		.sort();
}

/** Rows of every contact log the campaigns wrote into a data folder, each with its file. */
export function contactLogRows(filesDir: string): RunItem[] {
	return contactLogFiles(filesDir).flatMap((file) => readSampleCsv(fs.readFileSync(path.join(filesDir, file), 'utf8')).map((row) => ({ ...row, file })));
}

/** The file of orders since the campaigns, beside the sample: the sample's orders and the simulated answers. */
export const ORDERS_SINCE_FILE = 'sample-orders-since.csv';

/** Writes ORDERS_SINCE_FILE for the contact logs in the folder now; returns how many answers it added. */
export function writeOrdersSince(filesDir: string): number {
	const sample = fs.readFileSync(path.join(filesDir, 'sample-orders.csv'), 'utf8');
	const since = ordersAfterCampaigns(sample, contactLogRows(filesDir));
	fs.writeFileSync(path.join(filesDir, ORDERS_SINCE_FILE), since);
	return since.trimEnd().split('\n').length - sample.trimEnd().split('\n').length;
}
