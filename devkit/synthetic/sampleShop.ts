/**
 * The sample shop (examples/data/sample-orders.csv): a realistic, reproducible shop export for the demo and
 * the example workflows. About 3,000 customers over a year and a half (2024-01-01 to
 * 2025-06-30), with names, emails, Chinese mobile numbers, marketing opt-ins and opt-outs,
 * coupons, returns, satisfaction scores, complaints, and a handful of rows that are broken the
 * way real exports are (a missing customer, an impossible date, an amount that is text, a
 * duplicated order).
 *
 * And its survey (examples/data/sample-survey.csv): the answers of one customer in twenty to a
 * satisfaction survey (score 1-5, the reason given, a comment), read from their orders so that
 * customers with complaints or low scores answer as unhappy ones do.
 */
import { btydCustomers } from './btydCustomers';

const START = Date.UTC(2024, 0, 1);
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧'];
const PINYIN = ['wei', 'fang', 'na', 'min', 'jing', 'li', 'qiang', 'lei', 'yang', 'yan', 'yong', 'jun', 'jie', 'juan', 'tao', 'ming', 'chao', 'xiuying', 'hua', 'hui'];
const DOMAINS = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'sina.com'];
const PRODUCTS = ['SKU-TEA-01', 'SKU-TEA-02', 'SKU-CUP-01', 'SKU-SNACK-03', 'SKU-GIFT-07', 'SKU-POT-02', 'SKU-SET-05'];

function csvCell(value: unknown): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cells of one line as csvCell writes them (quoted only when they hold a comma or a quote). */
function csvLineCells(line: string): string[] {
	const cells: string[] = [];
	for (let i = 0; ; i++) {
		if (line[i] === '"') {
			let text = '';
			for (let j = i + 1; ; ) {
				const quote = line.indexOf('"', j);
				text += line.slice(j, quote);
				if (line[quote + 1] !== '"') {
					i = quote + 1;
					break;
				}
				text += '"';
				j = quote + 2;
			}
			cells.push(text);
		} else {
			const comma = line.indexOf(',', i);
			const end = comma === -1 ? line.length : comma;
			cells.push(line.slice(i, end));
			i = end;
		}
		if (line[i] !== ',') return cells;
	}
}

/**
 * The rows of a small CSV of ours (the sample files, the templates' contact logs: a header line,
 * no line breaks inside cells) as objects by column.
 */
export function readSampleCsv(csv: string): Array<Record<string, string>> {
	const [header, ...lines] = csv.replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/).map(csvLineCells);
	return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

export function generate({ customers = 3000, seed = 20240101 } = {}): string {
	const header = ['customer_id', 'order_id', 'order_date', 'amount', 'name', 'email', 'phone', 'email_opt_in', 'sms_opt_in', 'coupon_code', 'returned', 'satisfaction', 'complaints', 'product_id'];
	const rows: Array<Array<string | number>> = [];
	let orderNo = 100000;
	for (const customer of btydCustomers({ customers, seed, windowDays: 546, acquisitionDays: 546 })) {
		const { random } = customer;
		const g = Math.floor(random.uniform() * GIVEN.length);
		const name = random.pick(SURNAMES) + GIVEN[g];
		const email = random.uniform() < 0.85 ? `${PINYIN[g]}${customer.id}@${random.pick(DOMAINS)}` : '';
		const phone = random.uniform() < 0.9 ? `1${random.pick(['38', '39', '50', '58', '86', '88'])}${String(Math.floor(random.uniform() * 1e8)).padStart(8, '0')}` : '';
		const emailOptIn = random.uniform() < 0.8 ? 'yes' : 'no';
		const smsOptIn = random.uniform() < 0.6 ? 'yes' : 'no';
		const priceSensitive = random.uniform() < 0.25;
		const unhappy = random.uniform() < 0.1;
		const id = `CU${String(customer.id).padStart(6, '0')}`;
		customer.days.forEach((day, k) => {
			const at = new Date(START + day * 86_400_000 + Math.floor(9 + random.uniform() * 13) * 3_600_000 + Math.floor(random.uniform() * 60) * 60_000);
			const stamp = at.toISOString().slice(0, 19).replace('T', ' ');
			const coupon = (priceSensitive ? random.uniform() < 0.7 : random.uniform() < 0.1) ? random.pick(['NEW10', 'VIP20', 'SPRING15', 'BACK5']) : '';
			const returned = random.uniform() < (unhappy ? 0.3 : 0.03) ? 'yes' : 'no';
			const satisfaction = random.uniform() < 0.4 ? (unhappy ? 1 + Math.floor(random.uniform() * 3) : 3 + Math.floor(random.uniform() * 3)) : '';
			const complaints = unhappy && random.uniform() < 0.4 ? 1 : 0;
			// Amounts are scaled to yuan; a few are written the way spreadsheets export them.
			const amount = Math.round(customer.amounts[k] * 8 * 100) / 100;
			const written = random.uniform() < 0.05 ? `¥${amount.toLocaleString('en-US', { minimumFractionDigits: 2 })}` : amount.toFixed(2);
			rows.push([id, `SO${orderNo++}`, stamp, written, name, email, phone, emailOptIn, smsOptIn, coupon, returned, satisfaction, complaints, random.pick(PRODUCTS)]);
		});
	}
	rows.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
	// Broken rows, as real exports have them.
	const broken = [
		['', 'SO900001', '2024-05-01 10:00:00', '99.00', '匿名', '', '', 'no', 'no', '', 'no', '', 0, 'SKU-TEA-01'],
		['CU000007', 'SO900002', '2024-13-01 10:00:00', '120.00', '', '', '', 'yes', 'no', '', 'no', '', 0, 'SKU-TEA-02'],
		['CU000011', 'SO900003', '2024-06-01 12:00:00', 'N/A', '', '', '', 'yes', 'no', '', 'no', '', 0, 'SKU-CUP-01'],
		[...rows[10].slice(0, 1), rows[10][1], ...rows[10].slice(2)],
		['CU000019', 'SO900004', '', '35.00', '', '', '', 'yes', 'yes', '', 'no', '', 0, 'SKU-POT-02'],
	];
	broken.forEach((row, i) => rows.splice(200 + i * 1500, 0, row));
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** Survey answers of every twentieth customer with an email address, from the orders CSV. */
export function survey(ordersCsv: string): string {
	const customers = new Map<string, { id: string; email: string; lowScore: boolean; complaints: number }>();
	for (const row of readSampleCsv(ordersCsv)) {
		const id = row.customer_id;
		if (!/^CU\d{6}$/.test(id)) continue;
		const c = customers.get(id) ?? { id, email: '', lowScore: false, complaints: 0 };
		if (row.email) c.email = row.email;
		if (row.satisfaction !== '' && Number(row.satisfaction) <= 2) c.lowScore = true;
		c.complaints += Number(row.complaints) || 0;
		customers.set(id, c);
	}
	const rows: Array<Array<string | number>> = [['customerId', 'answeredAt', 'satisfaction', 'churnCause', 'comment']];
	const respondents = [...customers.values()].filter((c) => c.email && Number(c.id.slice(2)) % 20 === 0).sort((a, b) => (a.id < b.id ? -1 : 1));
	respondents.forEach((c, i) => {
		const day = `2025-06-${String(20 + (i % 10)).padStart(2, '0')}`;
		if (c.lowScore || c.complaints > 0) rows.push([c.id, day, 1 + (i % 2), '体验差', '物流太慢，包装破损']);
		else if (i % 3 === 0) rows.push([c.id, day, 3, '价格', '别家更便宜']);
		else rows.push([c.id, day, 4 + (i % 2), '', '还不错']);
	});
	return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** The day n days after an ISO date, as an ISO date. */
const shifted = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What a third of the sample shop's customers did besides ordering, to 2025-06-30, as a shop's
 * event export holds it (types in English and Chinese, as mixed exports have them): a visit and a
 * product view the day before each order; browsing every week or two while they buy, stopping
 * three weeks after their last order; email opens every month until two months after it; a
 * ticket two days after an order with a complaint, solved five days later with a low score; a
 * review with its words after an order they rated 2 or less; an NPS answer from one in ten.
 * Derived from the orders, so deterministic.
 */
export function events(ordersCsv: string): string {
	const customers = new Map<string, { dates: string[]; complaintDays: string[]; lowScores: Array<{ day: string; score: number }>; scores: number[] }>();
	for (const row of readSampleCsv(ordersCsv)) {
		if (!/^CU\d{6}$/.test(row.customer_id)) continue;
		const c = customers.get(row.customer_id) ?? { dates: [], complaintDays: [], lowScores: [], scores: [] };
		const day = row.order_date.slice(0, 10);
		c.dates.push(day);
		if (Number(row.complaints) > 0) c.complaintDays.push(day);
		if (row.satisfaction !== '') {
			c.scores.push(Number(row.satisfaction));
			if (Number(row.satisfaction) <= 2) c.lowScores.push({ day, score: Number(row.satisfaction) });
		}
		customers.set(row.customer_id, c);
	}
	const last = '2025-06-30';
	const rows: Array<Array<string | number>> = [['customer_id', 'event', 'date', 'score', 'comment', 'ticket_id']];
	const ids = [...customers.keys()].sort().filter((id) => Number(id.slice(2)) % 3 === 0);
	for (const id of ids) {
		const n = Number(id.slice(2));
		const c = customers.get(id) as (typeof customers extends Map<string, infer V> ? V : never);
		const dates = [...c.dates].sort();
		const add = (event: string, day: string, score: string | number = '', comment = '', ticket = '') => {
			if (day <= last) rows.push([id, event, day, score, comment, ticket]);
		};
		for (const day of dates) {
			add(n % 2 ? 'session_start' : '访问', shifted(day, -1));
			add(n % 2 ? 'view_item' : '浏览商品', shifted(day, -1));
		}
		const step = 7 + (n % 8);
		for (let day = dates[0]; day <= shifted(dates[dates.length - 1], 21); day = shifted(day, step)) add(n % 2 ? 'page_view' : '浏览', day);
		for (let day = shifted(dates[0], 3); day <= shifted(dates[dates.length - 1], 60); day = shifted(day, 30)) add('Opened', day);
		c.complaintDays.forEach((day, k) => {
			add('Ticket Created', shifted(day, 2), '', '', `T${n}-${k}`);
			add('solved', shifted(day, 7), 2, '', `T${n}-${k}`);
		});
		for (const low of c.lowScores) add('评价', shifted(low.day, 3), low.score, n % 2 ? 'Box arrived damaged, courier was slow' : '物流太慢，包装破损');
		if (n % 10 === 0) {
			const mean = c.scores.length ? c.scores.reduce((a, b) => a + b, 0) / c.scores.length : 4;
			add('NPS', '2025-06-15', Math.max(0, Math.min(10, Math.round(mean * 2))));
		}
	}
	return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
