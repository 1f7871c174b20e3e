/**
 * The benchmark's synthetic order file: customers follow the BG/NBD story with known parameters
 * (scripts/synthetic/btydCustomers.js), first purchases spread over the first 52 weeks of a
 * 78-week window starting 2024-01-01. Header `customer_id,order_id,order_date,amount`.
 * Deterministic: the same size and seed give the same bytes.
 */
const fs = require('fs');
const { btydCustomers } = require('../synthetic/btydCustomers');

const START = Date.UTC(2024, 0, 1);
const WINDOW_DAYS = 78 * 7;
const ACQUISITION_DAYS = 52 * 7;
/** The analysis date: the end of the 78-week window. */
const ANALYSIS_DATE = new Date(START + WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);

const isoDay = (() => {
	const cache = new Map();
	return (day) => {
		let text = cache.get(day);
		if (!text) {
			text = new Date(START + day * 86_400_000).toISOString().slice(0, 10);
			cache.set(day, text);
		}
		return text;
	};
})();

function writeCsv(file, customers, seed = 7) {
	const fd = fs.openSync(file, 'w');
	let buffer = 'customer_id,order_id,order_date,amount\n';
	let orders = 0;
	for (const c of btydCustomers({ customers, seed, windowDays: WINDOW_DAYS, acquisitionDays: ACQUISITION_DAYS })) {
		for (let k = 0; k < c.days.length; k++) {
			orders++;
			buffer += `${c.id},${orders},${isoDay(c.days[k])},${c.amounts[k].toFixed(2)}\n`;
		}
		if (buffer.length > 1 << 20) {
			fs.writeSync(fd, buffer);
			buffer = '';
		}
	}
	fs.writeSync(fd, buffer);
	fs.closeSync(fd);
	return { orders };
}

module.exports = { writeCsv, ANALYSIS_DATE };
