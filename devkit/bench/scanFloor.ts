/**
 * The least a JavaScript pass takes over the benchmark's own order files, as a yardstick for the
 * nodes: read the file, and for every order parse its date, customer ID and amount and add it to
 * its customer's totals (first and last purchase day, distinct days, orders, spend, repeat-day
 * spend), then count the distinct (x, t_x, T) histories a BG/NBD fit works on. Nothing is
 * checked, nothing rejected, no duplicate found, nothing written: whatever the nodes do costs at
 * least this. It reads only what writeCsv writes (numeric customer IDs, "YYYY-MM-DD HH:MM:SS",
 * plain decimal amounts, no quotes), in any of its shapes.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { withRoom } from '../../lib/values/growableColumns';

const COMMA = 44;
const LF = 10;
const DOT = 46;
const MS_PER_DAY = 86_400_000;

export interface ScanFloor {
	customers: number;
	distinctHistories: number;
	/** parseOnly: the same pass without the totals (the bytes parsed, nothing added). */
	seconds: { read: number; parseOnly: number; scan: number; histories: number };
}

export function scanFloor(file: string, analysisDate: string): ScanFloor {
	const analysisDay = Date.parse(analysisDate) / MS_PER_DAY;
	let started = performance.now();
	const bytes = fs.readFileSync(file);
	const read = performance.now() - started;
	started = performance.now();
	scanOrders(bytes, file, false);
	const parse = performance.now() - started;
	started = performance.now();
	const { customers, totals } = scanOrders(bytes, file, true);
	const scan = performance.now() - started;

	started = performance.now();
	const histories = new Set<number>();
	for (let c = 0; c < customers; c++) histories.add((totals.days[c] - 1) * 1e8 + (totals.last[c] - totals.first[c]) * 1e4 + (analysisDay - totals.first[c]));
	const grouped = performance.now() - started;
	const s = (ms: number) => Math.round(ms) / 1000;
	return { customers, distinctHistories: histories.size, seconds: { read: s(read), parseOnly: s(parse), scan: s(scan), histories: s(grouped) } };
}

/** Every order of the file parsed, and with `withTotals` added to its customer's totals (without, the parsing alone). */
function scanOrders(bytes: Buffer, file: string, withTotals: boolean) {
	const headerEnd = bytes.indexOf(LF);
	const header = bytes.toString('utf8', 0, headerEnd).split(',');
	const [dateColumn, customerColumn, amountColumn] = ['created_at', 'customer_id', 'amount'].map((name) => header.indexOf(name));
	if (Math.min(dateColumn, customerColumn, amountColumn) < 0) throw new Error(`${file} is not a benchmark file (created_at, customer_id, amount)`);
	// Open addressing on the numeric customer ID, at most half full.
	let capacity = 1 << 10;
	let keys = new Float64Array(capacity).fill(-1);
	let slots = new Int32Array(capacity);
	let customers = 0;
	let totals = { first: new Int32Array(1024), last: new Int32Array(1024), days: new Int32Array(1024), orders: new Int32Array(1024), spend: new Float64Array(1024), repeatSpend: new Float64Array(1024) };
	const dayOfDate = new Map<number, number>();
	const find = (id: number): number => {
		let h = (Math.imul(id, 0x9e3779b1) >>> 0) & (capacity - 1);
		while (keys[h] !== -1 && keys[h] !== id) h = (h + 1) & (capacity - 1);
		return h;
	};
	for (let i = headerEnd + 1; i < bytes.length; ) {
		let day = 0;
		let id = 0;
		let amount = 0;
		for (let column = 0; ; column++) {
			if (column === dateColumn) {
				const y = (bytes[i] - 48) * 1000 + (bytes[i + 1] - 48) * 100 + (bytes[i + 2] - 48) * 10 + (bytes[i + 3] - 48);
				const m = (bytes[i + 5] - 48) * 10 + (bytes[i + 6] - 48);
				const d = (bytes[i + 8] - 48) * 10 + (bytes[i + 9] - 48);
				const key = y * 10_000 + m * 100 + d;
				let known = dayOfDate.get(key);
				if (known === undefined) dayOfDate.set(key, (known = Date.UTC(y, m - 1, d) / MS_PER_DAY));
				day = known;
			} else if (column === customerColumn) {
				for (let b = bytes[i]; b !== COMMA && b !== LF; b = bytes[++i]) id = id * 10 + (b - 48);
			} else if (column === amountColumn) {
				let scale = 1;
				let fraction = false;
				for (let b = bytes[i]; b !== COMMA && b !== LF; b = bytes[++i]) {
					if (b === DOT) fraction = true;
					else {
						amount = amount * 10 + (b - 48);
						if (fraction) scale *= 10;
					}
				}
				amount /= scale;
			}
			while (bytes[i] !== COMMA && bytes[i] !== LF) i++;
			if (bytes[i++] === LF) break;
		}
		if (!withTotals) continue;
		let h = find(id);
		let c: number;
		if (keys[h] === -1) {
			if (2 * (customers + 1) > capacity) {
				const old = { keys, slots };
				capacity *= 2;
				keys = new Float64Array(capacity).fill(-1);
				slots = new Int32Array(capacity);
				for (let k = 0; k < old.keys.length; k++) if (old.keys[k] !== -1) {
					const to = find(old.keys[k]);
					keys[to] = old.keys[k];
					slots[to] = old.slots[k];
				}
				h = find(id);
			}
			if (customers === totals.first.length) {
				const n = customers;
				totals = { first: withRoom(totals.first, n), last: withRoom(totals.last, n), days: withRoom(totals.days, n), orders: withRoom(totals.orders, n), spend: withRoom(totals.spend, n), repeatSpend: withRoom(totals.repeatSpend, n) };
			}
			c = customers++;
			keys[h] = id;
			slots[h] = c;
			totals.first[c] = day;
			totals.last[c] = day;
			totals.days[c] = 1;
		} else {
			c = slots[h];
			// Orders come in date order: a new day is a later day.
			if (day !== totals.last[c]) {
				totals.days[c]++;
				totals.last[c] = day;
			}
			if (day !== totals.first[c]) totals.repeatSpend[c] += amount;
		}
		totals.orders[c]++;
		totals.spend[c] += amount;
	}
	return { customers, totals };
}
