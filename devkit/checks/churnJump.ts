/**
 * The sample orders with a churn jump: half of the customers (even customer numbers) order
 * nothing from 2025-04-15 on, so many who were active at the start of the last 30 days are no
 * longer active at its end (about 37% churn against a usual 20-27%), for the churn-alert
 * template's check that the team hears about it.
 */
import { readSampleCsv } from '../synthetic/sampleShop';

const STOPPED_FROM = '2025-04-15';

export function churnJump(ordersCsv: string): string {
	const [header, ...lines] = ordersCsv.trimEnd().split('\n');
	const rows = readSampleCsv(ordersCsv);
	const kept = lines.filter((_, i) => {
		const number = Number(rows[i].customer_id.slice(2));
		return !(rows[i].order_date >= STOPPED_FROM && Number.isInteger(number) && number % 2 === 0);
	});
	return [header, ...kept].join('\n') + '\n';
}
