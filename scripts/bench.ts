/**
 * `npm run bench`: times the suite as users run it (Read File -> Customer Data -> Churn Risk ->
 * Lifecycle Stage through the n8n engine, devkit/bench/nodeFlow.ts) on export-shaped synthetic
 * order files of 10k, 100k and 1M customers, checks the fit against the generating truth, and
 * prints one JSON line per size (also written to bench/results/).
 *
 *   npm run bench                                   all sizes
 *   npm run bench -- --sizes 10000,100000           some sizes
 *   npm run bench -- --input FILE.csv --analysis-date YYYY-MM-DD   any CSV with the same header
 *   npm run bench -- --items                        one item per customer between the nodes
 *                                                   (version 1 nodes' output) instead of the base
 *   npm run bench -- --with-action                  Retention Action after Lifecycle Stage too
 *   npm run bench -- --shapes plain,contacts        the same orders as four columns, and with
 *                                                   the customers' contact columns (the contacts
 *                                                   line says how much longer than the plain one)
 *   npm run bench -- --lifetimes                    Python's lifetimes on the same file after each
 *                                                   run (scripts/lifetimes-reference.py): its time,
 *                                                   how many times faster the nodes were, and how
 *                                                   far apart the fitted parameters are
 *                                                   (LIFETIMES_PYTHON: the interpreter, default python3;
 *                                                   --lifetimes-columns CUSTOMER,DATE,AMOUNT for --input)
 *   npm run bench -- --floor                        the least a bare JavaScript pass takes over the
 *                                                   same synthetic file (devkit/bench/scanFloor.ts)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import * as os from 'os';
import { PACKAGE_ROOT as ROOT } from '../devkit/packageRoot';
import { ANALYSIS_DATE, BENCH_SHAPES, BenchShape, writeCsv } from '../devkit/synthetic/benchOrders';
import { DEFAULT_TRUTH, Truth } from '../devkit/synthetic/btydCustomers';
import { scanFloor } from '../devkit/bench/scanFloor';

const DATA = path.join(ROOT, 'bench', 'data');
const RESULTS = path.join(ROOT, 'bench', 'results');
function arg(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? undefined : process.argv[i + 1];
}

function child(file: string, analysisDate: string): Record<string, unknown> {
	const outputAs = process.argv.includes('--items') ? 'items' : 'base';
	const action = process.argv.includes('--with-action') ? ['action'] : [];
	const out = execFileSync(process.execPath, [path.join(__dirname, `bench-child${path.extname(__filename)}`), file, analysisDate, outputAs, ...action], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() },
	});
	return JSON.parse(out.trim().split('\n').pop() as string);
}

/** The largest relative difference between two fits' parameters of the same names. */
function largestRelativeDifference(ours: Record<string, number>, theirs: Record<string, number>): number {
	return Math.max(...Object.keys(theirs).map((k) => Math.abs(ours[k] / theirs[k] - 1)));
}

/** lifetimes on the same file and stages, side by side with the nodes' run. */
function lifetimesBeside(file: string, analysisDate: string, measured: Record<string, unknown>): Record<string, unknown> {
	const python = process.env.LIFETIMES_PYTHON ?? 'python3';
	const columns = (arg('lifetimes-columns') ?? 'customer_id,created_at,amount').split(',');
	let out: string;
	try {
		out = execFileSync(python, [path.join(ROOT, 'scripts', 'lifetimes-reference.py'), file, analysisDate, ...columns], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		const stderr = String((error as { stderr?: string }).stderr ?? error);
		if (!/No module named/.test(stderr)) throw error;
		console.error(`--lifetimes needs a Python with lifetimes installed (pip install lifetimes); set LIFETIMES_PYTHON to its interpreter. ${python} said: ${stderr.trim().split('\n').pop()}`);
		process.exit(1);
	}
	const reference = JSON.parse(out.trim().split('\n').pop() as string) as { seconds: { total: number }; bgnbd: Record<string, number>; gammaGamma: Record<string, number> };
	const ours = measured.seconds as { total: number };
	return {
		lifetimes: reference,
		timesFasterThanLifetimes: Math.round((reference.seconds.total / ours.total) * 100) / 100,
		bgnbdApart: largestRelativeDifference(measured.bgnbd as Record<string, number>, reference.bgnbd),
		// lifetimes calls Gamma-Gamma's scale v; the model here calls it gamma.
		gammaGammaApart: measured.gammaGamma ? largestRelativeDifference(measured.gammaGamma as Record<string, number>, { p: reference.gammaGamma.p, q: reference.gammaGamma.q, gamma: reference.gammaGamma.v }) : null,
	};
}

/**
 * Relative error allowed against the generating truth: sampling noise, which shrinks with size,
 * plus a floor for the generator's own bias: purchases are recorded on whole days and same-day
 * purchases merge, which the continuous-time model does not know (alpha comes out ~4% high).
 */
function truthCheck(fit: Record<string, number>, customers: number) {
	const scale = Math.sqrt(10_000 / customers);
	const tolerance: Record<string, number> = { r: 0.15 * scale + 0.04, alpha: 0.2 * scale + 0.08, a: 0.4 * scale + 0.06, b: 0.5 * scale + 0.08 };
	const misses = Object.keys(tolerance).filter((k) => Math.abs(fit[k] / DEFAULT_TRUTH[k as keyof Truth] - 1) > tolerance[k]);
	return { ok: misses.length === 0, misses };
}

function main() {
	fs.mkdirSync(RESULTS, { recursive: true });
	const lines: Array<Record<string, unknown>> = [];
	const input = arg('input');
	const shapes = (arg('shapes') ?? 'export').split(',') as BenchShape[];
	const unknown = shapes.filter((shape) => !BENCH_SHAPES.includes(shape));
	if (unknown.length) throw new Error(`--shapes takes ${BENCH_SHAPES.join(', ')}; not ${unknown.join(', ')}`);
	const runs = input
		? [{ label: path.basename(input), size: '', shape: null, file: path.resolve(input), analysisDate: arg('analysis-date') ?? ANALYSIS_DATE, synthetic: false }]
		: (arg('sizes') ?? '10000,100000,1000000').split(',').flatMap((size) =>
				shapes.map((shape) => {
					fs.mkdirSync(DATA, { recursive: true });
					// The export shape keeps its old name, so files made before stay in use.
					const file = path.join(DATA, `${shape === 'export' ? 'orders' : shape}-${size}.csv`);
					if (!fs.existsSync(file)) writeCsv(file, Number(size), undefined, shape);
					return { label: `${Number(size) / 1000}k`, size, shape, file, analysisDate: ANALYSIS_DATE, synthetic: true };
				}),
			);
	const totals = new Map<string, number>();
	for (const run of runs) {
		const measured = child(run.file, run.analysisDate);
		const line: Record<string, unknown> = { size: run.label, ...(run.shape ? { shape: run.shape } : {}), ...measured, machine: `${os.cpus().length} cores, node ${process.version}` };
		const total = (measured.seconds as Record<string, number>).total;
		totals.set(`${run.size} ${run.shape}`, total);
		const plain = totals.get(`${run.size} plain`);
		if (run.shape === 'contacts' && plain !== undefined) line.timesPlain = Math.round((total / plain) * 100) / 100;
		if (run.synthetic) line.truth = truthCheck(measured.bgnbd as Record<string, number>, measured.customers as number);
		if (process.argv.includes('--lifetimes')) Object.assign(line, lifetimesBeside(run.file, run.analysisDate, measured));
		if (process.argv.includes('--floor') && run.synthetic) line.floor = scanFloor(run.file, run.analysisDate);
		console.log(JSON.stringify(line));
		lines.push(line);
	}
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	fs.writeFileSync(path.join(RESULTS, `bench-${stamp}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
	fs.writeFileSync(path.join(RESULTS, 'latest.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
	if (lines.some((l) => l.truth && !(l.truth as { ok: boolean }).ok)) {
		console.error('The fit missed the generating truth: a fast wrong answer does not count.');
		process.exit(1);
	}
}

main();
