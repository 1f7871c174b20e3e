/**
 * The editor as an ops person meets it, checked in headless Chromium (Debian's `chromium`,
 * driven by playwright-core) against a real n8n 2.41.1 with this package and the examples:
 * - every example opens with no node overlapping another node or its label;
 * - each of our nodes opens, shows the stored Analysis Date, and shows no parameter that does
 *   not apply to its settings (judged by n8n-workflow's own displayParameter);
 * - searching the nodes panel for "retention", "churn" or "流失" finds our nodes;
 * - our nodes cause no console errors that are ours to fix;
 * - Campaign Report's HTML report renders with no console error, every chart drawn (non-zero
 *   size, and pixels painted when the SVG is rasterised), in English and Chinese.
 * Screenshots go to a temporary folder, or with SAVE_SCREENSHOTS=docs/screenshots to the ones the
 * README shows.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { INode, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { Browser, chromium, Page, selectors } from 'playwright-core';
import { freePort } from '../devkit/n8n/environment';
import type { ExampleWorkflow } from '../devkit/n8n/examples';
import { PACKAGE_ROOT as ROOT } from '../devkit/packageRoot';
import { baseHealth, HealthCustomer } from '../lib/report/baseHealth';
import { CampaignOutcome, evaluateCampaign } from '../lib/report/campaignEvaluation';
import { renderReport } from '../lib/report/htmlReport';
import { warningAccuracy } from '../lib/report/warningAccuracy';
import { ensureN8n, installPackage } from '../devkit/n8n/provision';
import { tarballFromCleanCopy } from '../devkit/n8n/packageTarball';
import { editorEnv, importExamples, startEditor } from '../devkit/n8n/server';
import { toolVariant } from '../devkit/engine/toolVariants';

const SCREENSHOTS = process.env.SAVE_SCREENSHOTS ? path.resolve(ROOT, process.env.SAVE_SCREENSHOTS) : fs.mkdtempSync(path.join(os.tmpdir(), 'retention-screenshots-'));
const PACKAGE = 'n8n-nodes-retention';
const OUR_NODES: Record<string, string> = { customerData: 'CustomerData', churnRisk: 'ChurnRisk', lifecycleStage: 'LifecycleStage', retentionAction: 'RetentionAction', campaignReport: 'CampaignReport' };
/**
 * n8n's editor asks every community node for a JSON schema at /schemas/<package>.<node>/<version>.json
 * and logs a 404 when the package ships none; n8n documents no way to provide one, so this one
 * is n8n's (README, "n8n scan").
 */
const NOT_OURS = /\/schemas\/n8n-nodes-retention\.[A-Za-z]+\/[\d.]+\.json/;

function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((file): file is string => Boolean(file));
	const found = candidates.find((file) => fs.existsSync(file));
	if (!found) throw new Error('Headless Chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH)');
	return found;
}

/**
 * tsx (esbuild, keeping function names) wraps named functions in a `__name(...)` helper; the
 * functions handed to page.evaluate run in the browser, where that helper does not exist.
 */
const NAME_HELPER = { content: 'globalThis.__name = (fn) => fn;' };

const failures: string[] = [];
function check(ok: boolean, what: string): void {
	if (ok) console.log(`ok   ${what}`);
	else {
		failures.push(what);
		console.error(`FAIL ${what}`);
	}
}

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

const intersects = (a: Box, b: Box, margin = 1) => a.x + a.width - margin > b.x && b.x + b.width - margin > a.x && a.y + a.height - margin > b.y && b.y + b.height - margin > a.y;

/** Boxes of the canvas's nodes and of their labels, sticky notes left out (they sit behind on purpose). */
async function canvasBoxes(page: Page): Promise<Array<{ name: string | null; box: Box; label: Box | null }>> {
	return page.$$eval('[data-test-id="canvas-node"]', (elements) =>
		elements
			.filter((el) => !/sticky/i.test(el.getAttribute('data-node-type') ?? '') && !el.querySelector('[data-test-id="canvas-sticky"]'))
			.map((el) => {
				const name = el.getAttribute('data-node-name');
				const box = el.getBoundingClientRect();
				// The name under the node is a separate element; find it by its text.
				const label = [...el.querySelectorAll('*')].find((child) => child.childElementCount === 0 && child.textContent?.trim() === name);
				const labelBox = label ? label.getBoundingClientRect() : null;
				return { name, box: { x: box.x, y: box.y, width: box.width, height: box.height }, label: labelBox && { x: labelBox.x, y: labelBox.y, width: labelBox.width, height: labelBox.height } };
			}),
	);
}

/** Which of the node's top-level parameters n8n itself would show with these values. */
function applicableParameters(description: INodeTypeDescription, node: INode): Set<string> {
	const values = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	return new Set(description.properties.filter((p) => NodeHelpers.displayParameter(values, p, node, description)).map((p) => p.name));
}

async function checkExample(page: Page, base: string, file: string, workflow: ExampleWorkflow): Promise<void> {
	await page.goto(`${base}/workflow/${workflow.id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.waitForTimeout(1500);
	const shot = path.join(SCREENSHOTS, `${path.basename(file, '.json')}.png`);
	await page.screenshot({ path: shot });
	const boxes = await canvasBoxes(page);
	const overlaps: string[] = [];
	for (let i = 0; i < boxes.length; i++) {
		for (let j = 0; j < boxes.length; j++) {
			if (i === j) continue;
			if (j > i && intersects(boxes[i].box, boxes[j].box)) overlaps.push(`${boxes[i].name} / ${boxes[j].name}`);
			const label = boxes[i].label;
			const other = boxes[j].label;
			if (label && (intersects(label, boxes[j].box) || (other && j > i && intersects(label, other)))) {
				overlaps.push(`label of ${boxes[i].name} / ${boxes[j].name}`);
			}
		}
	}
	check(boxes.length === workflow.nodes.filter((n) => !n.type.endsWith('stickyNote')).length && overlaps.length === 0, `${file}: ${boxes.length} nodes, none overlapping${overlaps.length ? ` (overlaps: ${overlaps.join('; ')})` : ''}`);

	for (const node of workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`))) {
		const type = node.type.slice(PACKAGE.length + 1);
		// An agent's tool is its node's tool version, described as n8n's server makes it.
		const asTool = type.endsWith('Tool');
		const className = OUR_NODES[type.replace(/Tool$/, '')];
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${node.name}"]`).dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(500);
		const { [className]: NodeClass } = require(path.join(ROOT, 'dist', 'nodes', className, `${className}.node.js`));
		const nodeType = new NodeClass() as INodeType;
		const description = asTool ? (toolVariant(nodeType) as INodeType).description : nodeType.description;
		const shown = await ndv.evaluate((root, names: string[]) => names.filter((name) => root.querySelector(`[data-test-id="parameter-input-${name}"]`)), description.properties.map((p) => p.name));
		const applicable = applicableParameters(description, node);
		const notApplicable = shown.filter((name) => !applicable.has(name));
		check(shown.length > 0 && notApplicable.length === 0, `${file} › ${node.name}: ${shown.length} parameters shown, all apply${notApplicable.length ? ` (shown although they do not apply: ${notApplicable.join(', ')})` : ''}`);
		if (asTool) check(shown.includes('toolOrdersFile') && !shown.includes('outputAs'), `${file} › ${node.name}: the tool's own settings shown (Orders File), the input's hidden (Output As)`);
		// A template's date comes from Client Settings by an expression; the examples store one.
		if (typeof node.parameters.analysisDate === 'string' && node.parameters.analysisDate !== '' && !node.parameters.analysisDate.startsWith('=')) {
			const value = await ndv.locator('[data-test-id="parameter-input-analysisDate"] input').first().inputValue();
			check(value.includes(node.parameters.analysisDate.slice(0, 10)), `${file} › ${node.name}: Analysis Date shows "${value}" (stored ${node.parameters.analysisDate})`);
		}
		if (file === 'weekly-win-back.json') await page.screenshot({ path: path.join(SCREENSHOTS, `node-${type}.png`) });
		await page.keyboard.press('Escape');
		await ndv.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
	}
}

/**
 * After a run n8n writes "N items" on each connection: those labels must not sit on the
 * outputs' own labels ("Customers", "Rejected"...).
 */
async function checkRunLabels(page: Page, base: string, file: string, workflow: ExampleWorkflow): Promise<void> {
	await page.goto(`${base}/workflow/${workflow.id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.getByTestId('execute-workflow-button').click();
	// Running once a connection shows a count; finished when the button reads "Execute workflow" again.
	await page.waitForFunction(() => [...document.querySelectorAll('[data-test-id="edge-label"]')].some((el) => /\d+ items?/.test(el.textContent ?? '')), null, { timeout: 120_000 });
	await page.waitForFunction(() => (document.querySelector('[data-test-id="execute-workflow-button"]')?.textContent ?? '').includes('Execute workflow'), null, { timeout: 180_000 });
	await page.waitForTimeout(1500);
	await page.screenshot({ path: path.join(SCREENSHOTS, `${path.basename(file, '.json')}-after-run.png`) });
	const clashes = await page.evaluate(() => {
		const boxOf = (el: Element) => el.getBoundingClientRect();
		const hit = (a: DOMRect, b: DOMRect) => a.right - 1 > b.left && b.right - 1 > a.left && a.bottom - 1 > b.top && b.bottom - 1 > a.top;
		const portLabels = [...document.querySelectorAll('[data-test-id="canvas-node-output-handle"]')].flatMap((handle) =>
			[...handle.querySelectorAll('*')].filter((el) => el.childElementCount === 0 && (el.textContent ?? '').trim() !== '').map((el) => ({ text: el.textContent.trim(), box: boxOf(el) })),
		);
		const edgeLabels = [...document.querySelectorAll('[data-test-id="edge-label"]')].filter((el) => /\d+ items?/.test(el.textContent ?? '')).map((el) => ({ text: el.textContent.trim(), box: boxOf(el) }));
		return edgeLabels.flatMap((edge) => portLabels.filter((port) => hit(edge.box, port.box)).map((port) => `"${edge.text}" on "${port.text}"`));
	});
	check(clashes.length === 0, `${file} after a run: no "N items" label on an output's label${clashes.length ? ` (${clashes.join('; ')})` : ''}`);
}

/** A crafted campaign (as in test/engine/campaignReport.test.ts) rendered by the report. */
function craftedReport(language: 'en' | 'zh-CN'): string {
	const customers = (count: number, reactivated: number, fields: { group: 'treatment' | 'control'; action: string; channel?: string }): CampaignOutcome[] =>
		Array.from({ length: count }, (_, i) => ({
			customerId: `${fields.group}${fields.action}${i}`,
			campaignId: 'spring',
			pooled: true,
			channel: null,
			cause: 'priceSensitive',
			segment: 'At Risk',
			stage: 'churned',
			valueTier: 'high',
			baseRate: 0.1,
			reactivated: i < reactivated,
			orders: i < reactivated ? 1 : 0,
			revenue: i < reactivated ? 180 : 0,
			cost: fields.group === 'treatment' ? 6 : 0,
			...fields,
		}));
	const campaign = [
		...customers(400, 60, { group: 'treatment', action: 'discountCoupon', channel: 'email' }),
		...customers(400, 40, { group: 'control', action: 'discountCoupon' }),
		...customers(150, 27, { group: 'treatment', action: 'newArrivals', channel: 'sms' }),
		...customers(150, 24, { group: 'control', action: 'newArrivals' }),
		...customers(12, 3, { group: 'treatment', action: 'vipOutreach', channel: 'crm' }),
		...customers(10, 1, { group: 'control', action: 'vipOutreach' }),
	];
	const scored = Array.from({ length: 600 }, (_, i) => {
		const p = (i % 100) / 100;
		return { churnProbability: p, churned: ((i * 7919) % 100) / 100 < p, flagged: p >= 0.75 };
	});
	// A base of 300 customers who first buy over a year and order at their own pace; some stop.
	const END = 20_089; // 2025-01-01
	const segments = ['Champions', 'Loyal Customers', 'Potential Loyalist', 'At Risk', 'Hibernating', 'Lost'];
	const stages = ['new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated'];
	const orders = new Map<string, { days: number[]; amounts: number[] }>();
	const health: HealthCustomer[] = [];
	for (let i = 0; i < 300; i++) {
		const first = END - 365 + ((i * 37) % 330);
		const gap = 15 + ((i * 13) % 60);
		const stop = i % 4 === 0 ? first + 40 + ((i * 7) % 200) : END;
		const days: number[] = [];
		for (let d = first; d <= Math.min(stop, END); d += gap) days.push(d);
		orders.set(`B${i}`, { days, amounts: days.map(() => 80 + (i % 9) * 10) });
		health.push({ customerId: `B${i}`, orders: days.length, totalSpend: days.length * (80 + (i % 9) * 10), firstDay: days[0], lastDay: days[days.length - 1], complaints: i % 11 === 0 ? 1 : 0, satisfaction: 3 + (i % 3), segment: segments[i % 6], stage: stages[(i * 5) % 6], cause: null, riskLevel: i % 4 === 0 ? 'high' : 'low', predictedClv: 100 + (i % 50), rfm: { r: 1 + (i % 5), f: 1 + ((i * 3) % 5) } });
	}
	const healthReport = baseHealth(health, orders, { endDay: END, periodDays: 30, activeWindowDays: 90, historyPeriods: 12, riskLevelsAtRisk: new Set(['high', 'critical']) });
	return renderReport({
		title: language === 'zh-CN' ? '春季召回活动报告' : 'Spring win-back report',
		language,
		locale: language === 'zh-CN' ? 'zh-CN' : 'en-US',
		currency: 'CNY',
		lines: evaluateCampaign(campaign, { margin: 0.3 }),
		campaign: { windowDays: 30, margin: 0.3, mergedRows: 0, leftOut: 0 },
		accuracy: warningAccuracy(scored),
		health: healthReport,
	});
}

async function checkHtmlReport(browser: Browser): Promise<void> {
	for (const language of ['en', 'zh-CN'] as const) {
		const file = path.join(SCREENSHOTS, `campaign-report${language === 'en' ? '' : `-${language}`}.html`);
		fs.writeFileSync(file, craftedReport(language));
		const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
		await page.addInitScript(NAME_HELPER);
		const errors: string[] = [];
		page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
		page.on('pageerror', (error) => errors.push(String(error)));
		const requests: string[] = [];
		page.on('request', (request) => {
			if (!request.url().startsWith('file:')) requests.push(request.url());
		});
		await page.goto(`file://${file}`);
		const charts = await page.$$eval('svg[data-chart]', (svgs) =>
			Promise.all(
				svgs.map(async (svg) => {
					const box = svg.getBoundingClientRect();
					// Rasterise the chart as the browser draws it and count the pixels it painted.
					const image = new Image();
					image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
					await image.decode();
					const canvas = document.createElement('canvas');
					canvas.width = Math.ceil(box.width);
					canvas.height = Math.ceil(box.height);
					const context = canvas.getContext('2d') as CanvasRenderingContext2D;
					context.drawImage(image, 0, 0, canvas.width, canvas.height);
					const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
					let painted = 0;
					for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
					return { chart: svg.getAttribute('data-chart'), width: box.width, height: box.height, painted };
				}),
			),
		);
		const drawn = charts.filter((c) => c.width > 100 && c.height > 100 && c.painted > 500).map((c) => c.chart);
		check(
			['uplift', 'rates', 'calibration', 'churn', 'segments', 'stages', 'rf', 'cohorts'].every((chart) => drawn.includes(chart)) && errors.length === 0 && requests.length === 0,
			`HTML report (${language}): every chart drawn (${charts.map((c) => `${c.chart} ${Math.round(c.width)}x${Math.round(c.height)}, ${c.painted} px`).join('; ')}), no console error${errors.length ? ` (${errors.join('; ')})` : ''}, nothing fetched${requests.length ? ` (${requests.join(', ')})` : ''}`,
		);
		await page.screenshot({ path: path.join(SCREENSHOTS, `campaign-report${language === 'en' ? '' : `-${language}`}.png`), fullPage: true });
		await page.close();
	}
}

async function checkSearch(page: Page, base: string, workflow: ExampleWorkflow): Promise<void> {
	await page.goto(`${base}/workflow/${workflow.id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	const ourNames = ['Customer Data', 'Churn Risk', 'Lifecycle Stage', 'Retention Action', 'Campaign Report'];
	for (const word of ['retention', 'churn', '流失']) {
		await page.getByTestId('node-creator-plus-button').click();
		const search = page.getByTestId('node-creator-search-bar');
		await search.waitFor();
		await search.fill(word);
		await page.waitForTimeout(800);
		const found = await page.getByTestId('node-creator-item-name').allInnerTexts();
		const missing = ourNames.filter((name) => !found.some((text) => text.trim() === name));
		check(missing.length === 0, `searching the nodes panel for "${word}" finds all our nodes${missing.length ? ` (missing: ${missing.join(', ')}; found: ${found.slice(0, 8).join(', ')})` : ''}`);
		if (word === 'retention') await page.screenshot({ path: path.join(SCREENSHOTS, 'node-search.png') });
		await page.keyboard.press('Escape');
		await page.waitForTimeout(300);
	}
}

async function main() {
	selectors.setTestIdAttribute('data-test-id');
	const executablePath = chromiumPath();
	const n8n = await ensureN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-editor-'));
	installPackage(userFolder, tarballFromCleanCopy(ROOT));
	const env = await editorEnv(n8n, userFolder, await freePort(), { N8N_LISTEN_ADDRESS: '127.0.0.1', GENERIC_TIMEZONE: 'Asia/Shanghai', N8N_LOG_LEVEL: 'warn' });
	const examples = await importExamples(n8n, env, userFolder);
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	const editor = await startEditor(n8n, env, { quiet: true });
	const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
	const consoleErrors: string[] = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
		await context.addInitScript(NAME_HELPER);
		const login = await context.request.post(`${editor.base}/rest/login`, { data: { emailOrLdapLoginId: editor.login.email, password: editor.login.password } });
		if (!login.ok()) throw new Error(`login failed: HTTP ${login.status()}`);
		const page = await context.newPage();
		page.on('console', (message) => {
			if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location()?.url ?? ''}`);
		});
		page.on('pageerror', (error) => consoleErrors.push(String(error)));
		for (const { file, workflow } of examples) await checkExample(page, editor.base, file, workflow);
		for (const { file, workflow } of examples.filter((e) => e.file === 'retention-pipeline.json' || e.file === 'customer-data-from-csv.json')) await checkRunLabels(page, editor.base, file, workflow);
		await checkSearch(page, editor.base, examples[0].workflow);
		await checkHtmlReport(browser);
	} finally {
		await browser.close();
		await editor.stop();
	}
	const ours = consoleErrors.filter((text) => /retention|customerData|churnRisk|lifecycleStage|retentionAction/i.test(text) && !NOT_OURS.test(text));
	check(ours.length === 0, `no console errors from our nodes${ours.length ? `:\n  ${ours.join('\n  ')}` : ''} (${consoleErrors.filter((t) => NOT_OURS.test(t)).length} schema 404s are n8n's)`);
	console.log(`editor: ${failures.length ? `${failures.length} failed` : 'all passed'}; screenshots in ${SCREENSHOTS}`);
	process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
