import { escapeHtml } from '../values/htmlText';
import { Language } from '../values/language';
import { BaseHealth, Breakdown } from './baseHealth';
import { UpliftLine } from './campaignEvaluation';
import { churnAlertText, dimensionName, methodText, segmentName, stageName, valueName, verdictText } from './reportWords';
import { WORDS, Words } from '../words';
import { WarningAccuracy } from './warningAccuracy';
import type { BacktestView } from './backtestView';

/*
 * The report as one self-contained HTML page that reads the same in a browser and in an email
 * client: inline styles and table layout (mail clients drop <style> blocks and flexbox), charts
 * as inline SVG, no scripts, fonts or images fetched from anywhere.
 */

export type ReportLanguage = Language;

type Labels = Words['report']['html'];

const COLORS = { treatment: '#6d28d9', control: '#9ca3af', good: '#15803d', bad: '#b91c1c', neutral: '#374151', grid: '#e5e7eb' };

/** Numbers formatted for the reader's locale. */
function formats(locale: string, currency: string | null, words: { points: string; range: string }) {
	const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
	const points = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
	const money = currency ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }) : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
	return {
		percent: (x: number) => percent.format(x),
		/** A difference of rates in percentage points. */
		points: (x: number) => fill(words.points, { value: points.format(x * 100) }),
		range: (low: string, high: string) => fill(words.range, { low, high }),
		money: (x: number) => money.format(x),
		plain: (x: number) => plain.format(x),
	};
}

/** Uplift per line as points with their intervals around a zero line (a forest plot). */
function upliftChart(lines: UpliftLine[], f: ReturnType<typeof formats>, title: string, name: (line: UpliftLine) => string): string {
	const rows = lines.filter((l) => l.comparison);
	if (rows.length === 0) return '';
	const width = 640;
	const rowHeight = 30;
	const left = 190;
	const right = 30;
	const height = rows.length * rowHeight + 40;
	const extent = Math.max(0.05, ...rows.flatMap((l) => [Math.abs(l.comparison!.low), Math.abs(l.comparison!.high)]));
	const x = (v: number) => left + ((v + extent) / (2 * extent)) * (width - left - right);
	const marks = rows
		.map((l, i) => {
			const y = 20 + i * rowHeight + rowHeight / 2;
			const c = l.comparison!;
			const color = c.pValue < 0.05 ? (c.difference > 0 ? COLORS.good : COLORS.bad) : COLORS.neutral;
			return `<text x="${left - 8}" y="${y + 4}" text-anchor="end" font-size="12" fill="#111827">${escapeHtml(name(l))}</text>
<line x1="${x(c.low)}" y1="${y}" x2="${x(c.high)}" y2="${y}" stroke="${color}" stroke-width="3" stroke-linecap="round"/>
<circle cx="${x(c.difference)}" cy="${y}" r="6" fill="${color}"><title>${escapeHtml(`${name(l)}: ${f.points(c.difference)} (${f.range(f.points(c.low), f.points(c.high))})`)}</title></circle>`;
		})
		.join('\n');
	const ticks = [-extent, -extent / 2, 0, extent / 2, extent]
		.map((v) => `<line x1="${x(v)}" y1="16" x2="${x(v)}" y2="${height - 20}" stroke="${v === 0 ? '#111827' : COLORS.grid}" stroke-width="1"/><text x="${x(v)}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#6b7280">${f.points(v)}</text>`)
		.join('\n');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" data-chart="uplift" style="max-width:100%;height:auto">${ticks}\n${marks}</svg>`;
}

/** Contacted and control reactivation rates side by side per line. */
function rateChart(lines: UpliftLine[], f: ReturnType<typeof formats>, l: Labels, name: (line: UpliftLine) => string): string {
	const rows = lines.filter((line) => line.comparison);
	if (rows.length === 0) return '';
	const width = 640;
	const left = 190;
	const barHeight = 11;
	const rowHeight = 34;
	const height = rows.length * rowHeight + 34;
	const top = Math.max(0.01, ...rows.flatMap((r) => [r.treatment.rate, r.control.rate]));
	const w = (rate: number) => (rate / top) * (width - left - 70);
	const bars = rows
		.map((r, i) => {
			const y = 10 + i * rowHeight;
			return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#111827">${escapeHtml(name(r))}</text>
<rect x="${left}" y="${y}" width="${w(r.treatment.rate)}" height="${barHeight}" fill="${COLORS.treatment}"/><text x="${left + w(r.treatment.rate) + 4}" y="${y + 10}" font-size="11" fill="#111827">${f.percent(r.treatment.rate)}</text>
<rect x="${left}" y="${y + barHeight + 2}" width="${w(r.control.rate)}" height="${barHeight}" fill="${COLORS.control}"/><text x="${left + w(r.control.rate) + 4}" y="${y + barHeight + 12}" font-size="11" fill="#111827">${f.percent(r.control.rate)}</text>`;
		})
		.join('\n');
	const legend = `<rect x="${left}" y="${height - 16}" width="10" height="10" fill="${COLORS.treatment}"/><text x="${left + 14}" y="${height - 7}" font-size="11">${l.treatment}</text><rect x="${left + 110}" y="${height - 16}" width="10" height="10" fill="${COLORS.control}"/><text x="${left + 124}" y="${height - 7}" font-size="11">${l.control}</text>`;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(l.rateChart)}" data-chart="rates" style="max-width:100%;height:auto">${bars}\n${legend}</svg>`;
}

/** Mean predicted against observed share who left, per bin, with the diagonal of perfect calibration. */
function calibrationChart(accuracy: WarningAccuracy, l: Labels): string {
	if (accuracy.calibration.length === 0) return '';
	const size = 320;
	const pad = 36;
	const p = (v: number) => pad + v * (size - 2 * pad);
	const y = (v: number) => size - p(v);
	const points = accuracy.calibration
		.map((bin) => `<circle cx="${p(bin.meanPredicted)}" cy="${y(bin.observedRate)}" r="${3 + Math.min(6, Math.sqrt(bin.customers) / 4)}" fill="${COLORS.treatment}" fill-opacity="0.8"><title>${bin.customers} ${l.customers}: ${l.predicted} ${bin.meanPredicted.toFixed(2)}, ${l.observed} ${bin.observedRate.toFixed(2)}</title></circle>`)
		.join('\n');
	const grid = [0, 0.5, 1].map((v) => `<text x="${p(v)}" y="${size - 14}" text-anchor="middle" font-size="11" fill="#6b7280">${v}</text><text x="${pad - 8}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#6b7280">${v}</text>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(l.calibrationChart)}" data-chart="calibration" style="max-width:100%;height:auto">
<rect x="${pad}" y="${pad}" width="${size - 2 * pad}" height="${size - 2 * pad}" fill="none" stroke="${COLORS.grid}"/>
<line x1="${p(0)}" y1="${y(0)}" x2="${p(1)}" y2="${y(1)}" stroke="#9ca3af" stroke-dasharray="4 4"/>${grid}
<text x="${size / 2}" y="${size - 1}" text-anchor="middle" font-size="11">${l.predicted}</text>
<text x="10" y="${size / 2}" font-size="11" transform="rotate(-90 10 ${size / 2})" text-anchor="middle">${l.observed}</text>
${points}</svg>`;
}

const cell = 'padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:13px;vertical-align:top';

/** Horizontal bars, one per group, longest first. */
function barChart(rows: Breakdown[], title: string, kind: string, f: ReturnType<typeof formats>): string {
	if (rows.length === 0) return '';
	const width = 640;
	const left = 170;
	const rowHeight = 22;
	const height = rows.length * rowHeight + 10;
	const top = Math.max(1, ...rows.map((r) => r.customers));
	const bars = rows
		.map((r, i) => {
			const y = 5 + i * rowHeight;
			const w = (r.customers / top) * (width - left - 80);
			return `<text x="${left - 8}" y="${y + 13}" text-anchor="end" font-size="12" fill="#111827">${escapeHtml(r.value)}</text><rect x="${left}" y="${y + 2}" width="${w}" height="${rowHeight - 6}" fill="${COLORS.treatment}" fill-opacity="0.85"/><text x="${left + w + 4}" y="${y + 14}" font-size="11" fill="#111827">${f.plain(r.customers)}</text>`;
		})
		.join('\n');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" data-chart="${kind}" style="max-width:100%;height:auto">${bars}</svg>`;
}

/** A grid of cells shaded by value (0..1 after scaling), with the value written in each. */
function heatMap(cells: number[][], rowLabels: string[], columnLabels: string[], title: string, kind: string, format: (v: number) => string, scale: number): string {
	const cellWidth = Math.max(34, Math.min(60, Math.floor(560 / Math.max(1, columnLabels.length))));
	const cellHeight = 24;
	const left = 80;
	const topPad = 22;
	const width = left + columnLabels.length * cellWidth + 10;
	const height = topPad + rowLabels.length * cellHeight + 6;
	const shade = (v: number) => `rgba(109,40,217,${(0.08 + 0.92 * Math.min(1, v / (scale || 1))).toFixed(3)})`;
	const grid = cells
		.map((row, i) =>
			row
				.map((v, j) => (Number.isNaN(v) ? '' : `<rect x="${left + j * cellWidth}" y="${topPad + i * cellHeight}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${shade(v)}"/><text x="${left + j * cellWidth + (cellWidth - 2) / 2}" y="${topPad + i * cellHeight + 16}" text-anchor="middle" font-size="10" fill="${v / (scale || 1) > 0.55 ? '#ffffff' : '#111827'}">${format(v)}</text>`))
				.join(''),
		)
		.join('\n');
	const rowsText = rowLabels.map((label, i) => `<text x="${left - 6}" y="${topPad + i * cellHeight + 16}" text-anchor="end" font-size="11" fill="#374151">${escapeHtml(label)}</text>`).join('');
	const columnsText = columnLabels.map((label, j) => `<text x="${left + j * cellWidth + (cellWidth - 2) / 2}" y="14" text-anchor="middle" font-size="11" fill="#374151">${escapeHtml(label)}</text>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" data-chart="${kind}" style="max-width:100%;height:auto">${columnsText}${rowsText}\n${grid}</svg>`;
}

/** Churn rate per period as a line, with the usual range shaded. */
function churnChart(health: BaseHealth, title: string, f: ReturnType<typeof formats>): string {
	const churn = health.churn;
	if (!churn) return '';
	const points = [...churn.history, churn.current].filter((p) => p.churnRate !== null);
	if (points.length < 2) return '';
	const width = 640;
	const height = 200;
	const pad = 40;
	const top = Math.max(0.05, ...points.map((p) => p.churnRate as number), churn.usualRange?.high ?? 0) * 1.15;
	const x = (i: number) => pad + (i / (points.length - 1)) * (width - 2 * pad);
	const y = (v: number) => height - pad + 10 - (v / top) * (height - pad - 20);
	const band = churn.usualRange ? `<rect x="${pad}" y="${y(churn.usualRange.high)}" width="${width - 2 * pad}" height="${Math.max(1, y(churn.usualRange.low) - y(churn.usualRange.high))}" fill="#dcfce7"/>` : '';
	const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.churnRate as number).toFixed(1)}`).join(' ');
	const last = points[points.length - 1];
	const dots = points.map((p, i) => `<circle cx="${x(i)}" cy="${y(p.churnRate as number)}" r="${i === points.length - 1 ? 5 : 3}" fill="${i === points.length - 1 && churn.alert ? COLORS.bad : COLORS.treatment}"/>`).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" data-chart="churn" style="max-width:100%;height:auto">${band}
<line x1="${pad}" y1="${y(0)}" x2="${width - pad}" y2="${y(0)}" stroke="${COLORS.grid}"/><text x="${pad - 6}" y="${y(0) + 4}" text-anchor="end" font-size="11" fill="#6b7280">0</text><text x="${pad - 6}" y="${y(top / 1.15) + 4}" text-anchor="end" font-size="11" fill="#6b7280">${f.percent(top / 1.15)}</text>
<path d="${path}" fill="none" stroke="${COLORS.treatment}" stroke-width="2"/>${dots}<text x="${x(points.length - 1)}" y="${y(last.churnRate as number) - 10}" text-anchor="end" font-size="11" fill="#111827">${f.percent(last.churnRate as number)}</text></svg>`;
}

/** Lines of the models after the chosen one's: told apart by colour and dash, for print and colour blindness. */
const MODEL_LINES = [
	{ color: '#0891b2', dash: '6 4' },
	{ color: '#d97706', dash: '2 3' },
	{ color: '#6b7280', dash: '8 3 2 3' },
];

/**
 * The BTYD tracking plot: repeat orders per week (or to date) made by the customers, against what
 * each model expected, with the held-out days shaded. Before the cut the models draw the curve
 * they fitted; after it they predict, and the gap there is the test.
 */
function trackingChart(view: BacktestView, l: Labels, f: ReturnType<typeof formats>, cumulative: boolean): string {
	const weeks = view.weeks.length;
	if (weeks < 2) return '';
	const running = (values: number[]) => {
		let total = 0;
		return values.map((v) => (Number.isFinite(v) ? (total += v) : NaN));
	};
	const series = (values: number[]) => (cumulative ? running(values) : values);
	const actual = series(view.actual);
	const models = view.models.map((m) => ({ ...m, values: series(m.expected) }));
	const width = 640;
	const height = 240;
	const left = 52;
	const right = 16;
	const top = 14;
	const bottom = 58;
	const most = Math.max(1, ...actual, ...models.flatMap((m) => m.values.filter(Number.isFinite)));
	const x = (i: number) => left + (i / (weeks - 1)) * (width - left - right);
	const y = (v: number) => top + (1 - v / most) * (height - top - bottom);
	const path = (values: number[]) =>
		values
			.map((v, i) => (Number.isFinite(v) ? `${i === 0 || !Number.isFinite(values[i - 1]) ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}` : ''))
			.filter(Boolean)
			.join(' ');
	const firstHeldOut = view.weeks.findIndex((w) => w.holdout);
	const cut = firstHeldOut > 0 ? (x(firstHeldOut - 1) + x(firstHeldOut)) / 2 : null;
	const shade = cut === null ? '' : `<rect x="${cut.toFixed(1)}" y="${top}" width="${(width - right - cut).toFixed(1)}" height="${height - top - bottom}" fill="#f3f4f6"/><line x1="${cut.toFixed(1)}" y1="${top}" x2="${cut.toFixed(1)}" y2="${height - bottom}" stroke="#9ca3af" stroke-dasharray="4 3"/>`;
	const axis = `<line x1="${left}" y1="${y(0)}" x2="${width - right}" y2="${y(0)}" stroke="${COLORS.grid}"/>
<text x="${left - 6}" y="${y(0) + 4}" text-anchor="end" font-size="11" fill="#6b7280">0</text><text x="${left - 6}" y="${y(most) + 4}" text-anchor="end" font-size="11" fill="#6b7280">${f.plain(Math.round(most))}</text>
<text x="${left}" y="${height - bottom + 16}" font-size="11" fill="#6b7280">${escapeHtml(view.weeks[0].from)}</text>${cut === null ? '' : `<text x="${cut.toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#6b7280">${escapeHtml(view.calibrationDate)}</text>`}<text x="${width - right}" y="${height - bottom + 16}" text-anchor="end" font-size="11" fill="#6b7280">${escapeHtml(view.weeks[weeks - 1].to)}</text>`;
	let other = 0;
	const lines = models.map((m) => {
		const look = m.chosen ? { color: COLORS.treatment, dash: '' } : MODEL_LINES[other++ % MODEL_LINES.length];
		return { label: `${m.label}${m.chosen ? ` (${l.chosen})` : ''}`, color: look.color, dash: look.dash, width: m.chosen ? 2 : 1.5, values: m.values };
	});
	const drawn = [...lines.filter((line) => line.width < 2), ...lines.filter((line) => line.width >= 2), { label: l.made, color: '#111827', dash: '', width: 2.5, values: actual }];
	const paths = drawn.map((line) => `<path d="${path(line.values)}" fill="none" stroke="${line.color}" stroke-width="${line.width}"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}><title>${escapeHtml(line.label)}</title></path>`).join('\n');
	const legend = [drawn[drawn.length - 1], ...lines]
		.map((line, k) => {
			const lx = left + k * 150;
			const ly = height - 14;
			return `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 22}" y2="${ly - 4}" stroke="${line.color}" stroke-width="${line.width}"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}/><text x="${lx + 27}" y="${ly}" font-size="11" fill="#111827">${escapeHtml(line.label)}</text>`;
		})
		.join('');
	const title = cumulative ? l.cumulativeChart : l.trackingChart;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" data-chart="${cumulative ? 'tracking-cumulative' : 'tracking'}" style="max-width:100%;height:auto">${shade}
${axis}
${paths}
${legend}</svg>`;
}

/** The models side by side on the held-out days, and the tracking plots. */
function backtestSection(view: BacktestView, l: Labels, f: ReturnType<typeof formats>): string {
	const figure = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits));
	const table = view.comparison.length
		? `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%"><tr>${[l.model, l.holdoutLikelihood, l.auc, l.brier, l.mae, l.ordersPredicted].map((h) => `<th style="${cell};text-align:left;color:#374151">${escapeHtml(h)}</th>`).join('')}</tr>${view.comparison
				.map((row) => {
					const values = [`${row.model}${row.chosen ? ` (${l.chosen})` : ''}`, figure(row.holdoutLogLikelihoodPerCustomer, 4), figure(row.churnAuc, 3), figure(row.brierScore, 3), figure(row.repeatPurchasesMae, 3), `${f.plain(Math.round(row.predictedRepeatPurchases))} (${l.made}: ${f.plain(row.actualRepeatPurchases)})`];
					return `<tr>${values.map((v, k) => `<td style="${cell}${k === 0 && row.chosen ? ';font-weight:bold' : ''}">${escapeHtml(v)}</td>`).join('')}</tr>`;
				})
				.join('')}</table>`
		: '';
	const reason = `<p style="font-size:13px;margin:8px 0 0 0">${escapeHtml(view.reason)}</p>`;
	const titled = (title: string, svg: string) => (svg ? `<p style="font-size:13px;margin:16px 0 4px 0">${escapeHtml(title)}</p>${svg}` : '');
	return section(l.backtest, `${table}${reason}${titled(l.trackingChart, trackingChart(view, l, f, false))}${titled(l.cumulativeChart, trackingChart(view, l, f, true))}`);
}

function healthSection(health: BaseHealth, l: Labels, f: ReturnType<typeof formats>, language: ReportLanguage, periodDays: number | null): string {
	const facts: Array<[string, string]> = [];
	if (health.churn) {
		facts.push([l.churnRate, health.churn.current.churnRate === null ? 'n/a' : `${f.percent(health.churn.current.churnRate)} (${health.churn.current.churned}/${health.churn.current.base})`]);
		if (health.churn.retentionRate !== null) facts.push([l.retentionRate, f.percent(health.churn.retentionRate)]);
		facts.push([l.churnCost, f.money(health.churn.churnCost)]);
	}
	if (health.repeatPurchaseRate !== null) facts.push([l.repeatRate, f.percent(health.repeatPurchaseRate)]);
	if (health.averageRetentionDays !== null) facts.push([l.retentionDays, f.plain(Math.round(health.averageRetentionDays))]);
	if (health.complaintRate !== null) facts.push([l.complaintRate, f.percent(health.complaintRate)]);
	if (health.averageSatisfaction !== null) facts.push([l.satisfaction, f.plain(health.averageSatisfaction)]);
	if (health.revenueAtRisk !== null) facts.push([l.revenueAtRisk, f.money(health.revenueAtRisk)]);
	const churn = health.churn;
	const alertText = churn?.alert && churn.usualRange && churn.current.churnRate !== null && periodDays !== null ? churnAlertText(churn.current.churnRate, churn.usualRange, churn.history.length, periodDays, language) : (churn?.alert ?? null);
	const alert = alertText ? `<p style="background:#fef2f2;border-left:4px solid ${COLORS.bad};padding:8px 12px;font-size:13px;margin:0 0 12px 0"><b>${escapeHtml(l.alert)}:</b> ${escapeHtml(alertText)}</p>` : '';
	const table = `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse">${facts.map(([k, v]) => `<tr><td style="${cell}">${escapeHtml(k)}</td><td style="${cell};font-weight:bold">${escapeHtml(v)}</td></tr>`).join('')}</table>`;
	const charts: string[] = [];
	const titled = (title: string, svg: string) => (svg ? `<p style="font-size:13px;margin:16px 0 4px 0">${escapeHtml(title)}</p>${svg}` : '');
	charts.push(titled(l.churnChart, churnChart(health, l.churnChart, f)));
	const named = (rows: Breakdown[], name: (value: string, language: ReportLanguage) => string) => rows.map((row) => ({ ...row, value: name(row.value, language) }));
	charts.push(titled(l.segmentsChart, barChart(named(health.bySegment, segmentName), l.segmentsChart, 'segments', f)));
	charts.push(titled(l.stagesChart, barChart(named(health.byStage, stageName), l.stagesChart, 'stages', f)));
	if (health.rfHeatMap) {
		const most = Math.max(1, ...health.rfHeatMap.flat());
		charts.push(titled(l.rfChart, heatMap(health.rfHeatMap, ['R5', 'R4', 'R3', 'R2', 'R1'], ['F1', 'F2', 'F3', 'F4', 'F5'], l.rfChart, 'rf', (v) => f.plain(v), most)));
	}
	if (health.cohorts.length) {
		const recent = health.cohorts.slice(-12);
		const months = Math.max(...recent.map((c) => c.shares.length));
		const cells = recent.map((c) => Array.from({ length: months }, (_, k) => (k < c.shares.length ? c.shares[k] : Number.NaN)));
		charts.push(titled(l.cohortChart, heatMap(cells, recent.map((c) => `${c.cohort} (${c.customers})`), Array.from({ length: months }, (_, k) => `+${k}`), l.cohortChart, 'cohorts', (v) => `${Math.round(v * 100)}%`, Math.max(0.01, ...cells.flatMap((row) => row.slice(1).filter((v) => !Number.isNaN(v)))))));
	}
	return section(l.health, `${alert}${table}${charts.join('\n')}`);
}


function section(title: string, body: string): string {
	return `<tr><td style="padding:18px 24px 6px 24px"><h2 style="margin:0 0 10px 0;font-size:18px;color:#111827">${escapeHtml(title)}</h2>${body}</td></tr>`;
}

export interface ReportInput {
	/** The report's own title; empty for the operation's title in the report language. */
	title?: string;
	language: ReportLanguage;
	/** BCP 47 locale for numbers, e.g. en-US or zh-CN. */
	locale: string;
	currency: string | null;
	lines?: UpliftLine[];
	/** For the campaign lines: the window, the margin, and what the log merged and left out. */
	campaign?: { windowDays: number; margin: number; mergedRows: number; leftOut: number };
	accuracy?: WarningAccuracy;
	/** For the warning: the horizon that defines "left". */
	warning?: { horizonDays: number };
	health?: BaseHealth;
	/** For the health section: the period. */
	period?: { days: number; end: string; activeWindowDays: number };
	/** Churn Risk's backtest of the purchase models. */
	backtest?: BacktestView;
	/** Shown under the title instead of the operation's own line. */
	subtitle?: string;
}

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

export function renderReport(input: ReportInput): string {
	const l = WORDS[input.language].report.html;
	const f = formats(input.locale, input.currency, l);
	const name = (line: UpliftLine) => valueName(line.dimension, line.value, input.language);
	const parts: string[] = [];
	if (input.lines?.length) {
		const head = [l.line, l.treatment, l.control, l.uplift, l.interval, l.pValue, l.revenue, l.roi, l.verdict].map((h) => `<th style="${cell};text-align:left;color:#374151">${escapeHtml(h)}</th>`).join('');
		const rows = input.lines
			.map((line) => {
				const c = line.comparison;
				const revenue = line.incrementalRevenue;
				const roi = line.roi;
				const values = [
					`${line.dimension === 'overall' ? '' : `${dimensionName(line.dimension, input.language)}: `}${name(line)}`,
					`${f.percent(line.treatment.rate)} (${line.treatment.reactivated}/${line.treatment.customers})`,
					`${f.percent(line.control.rate)} (${line.control.reactivated}/${line.control.customers})`,
					c ? f.points(c.difference) : '',
					c ? `${f.points(c.low)} … ${f.points(c.high)}` : '',
					c ? (c.pValue < 0.001 ? '< 0.001' : f.plain(c.pValue)) : '',
					revenue ? `${f.money(revenue.estimate)} (${f.money(revenue.low)} … ${f.money(revenue.high)})` : '',
					roi ? `${f.percent(roi.estimate)} (${f.percent(roi.low)} … ${f.percent(roi.high)})` : '',
					`${verdictText(line.verdict, input.language)}${c?.smallGroups ? ` (${l.smallGroups})` : ''}`,
				];
				return `<tr>${values.map((v) => `<td style="${cell}">${escapeHtml(v)}</td>`).join('')}</tr>`;
			})
			.join('');
		const notes = [`${l.method}: ${fill(l.methodText, { method: methodText(input.language) })}${input.campaign ? ` ${fill(l.profitText, { margin: f.percent(input.campaign.margin) })}` : ''}`];
		if (input.campaign && (input.campaign.mergedRows || input.campaign.leftOut)) notes.push(fill(l.merged, { merged: input.campaign.mergedRows, conflicts: input.campaign.leftOut }));
		const byAction = input.lines.filter((line) => line.dimension === 'action' || line.dimension === 'overall');
		parts.push(
			section(
				l.campaign,
				`<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">${`<tr>${head}</tr>`}${rows}</table>
${notes.map((note) => `<p style="font-size:12px;color:#6b7280;margin:8px 0 0 0">${escapeHtml(note)}</p>`).join('\n')}
<p style="font-size:13px;margin:16px 0 4px 0">${escapeHtml(l.upliftChart)}</p>${upliftChart(byAction, f, l.upliftChart, name)}
<p style="font-size:13px;margin:16px 0 4px 0">${escapeHtml(l.rateChart)}</p>${rateChart(byAction, f, l, name)}`,
			),
		);
	}
	if (input.health) parts.push(healthSection(input.health, l, f, input.language, input.period?.days ?? null));
	if (input.accuracy) {
		const a = input.accuracy;
		const facts = [
			[l.flaggedWhoLeft, a.flaggedWhoLeft === null ? 'n/a' : f.percent(a.flaggedWhoLeft)],
			[l.leaversCaught, a.leaversFlaggedEarly === null ? 'n/a' : f.percent(a.leaversFlaggedEarly)],
			[l.auc, a.auc === null ? 'n/a' : f.plain(a.auc)],
		]
			.map(([k, v]) => `<tr><td style="${cell}">${escapeHtml(k)}</td><td style="${cell};font-weight:bold">${escapeHtml(v)}</td></tr>`)
			.join('');
		parts.push(section(l.warning, `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse">${facts}</table><p style="font-size:13px;margin:16px 0 4px 0">${escapeHtml(l.calibrationChart)}</p>${calibrationChart(a, l)}`));
	}
	if (input.backtest) parts.push(backtestSection(input.backtest, l, f));
	const title = input.title || (input.lines?.length ? l.campaignTitle : input.health ? l.healthTitle : input.backtest ? l.backtestTitle : l.warningTitle);
	const subtitle =
		input.subtitle ??
		(input.lines?.length && input.campaign
			? fill(l.campaignSubtitle, { days: input.campaign.windowDays })
			: input.health && input.period
				? fill(l.healthSubtitle, { days: input.period.days, end: input.period.end, active: input.period.activeWindowDays })
				: input.accuracy && input.warning
					? fill(l.warningSubtitle, { days: input.warning.horizonDays })
					: input.backtest
						? fill(l.backtestSubtitle, { date: input.backtest.calibrationDate, days: input.backtest.holdoutDays, customers: f.plain(input.backtest.customers) })
						: '');
	return `<!DOCTYPE html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#111827">
<table role="presentation" cellspacing="0" cellpadding="0" style="width:100%;max-width:960px;margin:0 auto;background:#ffffff;border-collapse:collapse">
<tr><td style="padding:24px 24px 4px 24px"><h1 style="margin:0;font-size:22px">${escapeHtml(title)}</h1>${subtitle ? `<p style="margin:6px 0 0 0;color:#6b7280;font-size:13px">${escapeHtml(subtitle)}</p>` : ''}</td></tr>
${parts.join('\n')}
<tr><td style="padding:16px 24px 24px 24px;color:#9ca3af;font-size:11px">${escapeHtml(l.generated)}</td></tr>
</table>
</body>
</html>
`;
}
