/**
 * The whole engine pipeline on one CSV, timed per stage: parse + summarise, RFM, BG/NBD fit,
 * Gamma-Gamma fit, scoring, lifecycle. It works on the engine's per-customer columns, as the
 * engine is meant to at scale; the nodes build one item per customer on top of the same code.
 * Run in its own process per file, so peak RSS belongs to this file alone.
 */
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { CustomerDataPipeline } from '../../lib/ingest/customerDataPipeline';
import { symmetricChange } from '../../lib/ingest/buildCustomerSummary';
import { defaultCleaningOptions } from '../../lib/ingest/defaultCleaning';
import { FileReadOptions } from '../../lib/ingest/readers/readFile';
import { longestGapsAt } from '../../lib/ingest/summariseCustomers';
import { TimeZone } from '../../lib/ingest/timeZone';
import { medianGap } from '../../lib/lifecycle/populationGap';
import { StageSettings, stageOf } from '../../lib/lifecycle/stageRules';
import { ALL_STAGES } from '../../lib/lifecycle/stages';
import { readStageSettings } from '../../nodes/LifecycleStage/lifecycleSettings';
import { fitBgNbd } from '../../lib/models/bgnbd';
import { ChurnModel } from '../../lib/models/churnModel';
import { ChurnScorer, ScoringSettings } from '../../lib/models/churnScoring';
import { groupHistories } from '../../lib/models/customerHistory';
import { fitGammaGamma } from '../../lib/models/gammaGamma';
import { quintileBreakpoints, rfmColumns } from '../../lib/models/rfm';

const SCORING: ScoringSettings = { horizonDays: 90, churnDefinition: 'noOrderInHorizon', riskThresholds: { medium: 0.5, high: 0.75, critical: 0.9 }, clvMonths: 12, monthlyDiscountRate: 0.01 };
const STAGE_CODES = Object.fromEntries(ALL_STAGES.map((stage, i) => [stage, i])) as Record<string, number>;
const STAGES: StageSettings = readStageSettings({}, 'retail', 'cadence');

export async function runEnginePipeline(file: string, analysisDate: string) {
	const seconds: Record<string, number> = {};
	// The total is wall time from the first byte read to the last stage, glue between stages included.
	const started = performance.now();
	const time = async <T>(stage: string, work: () => T | Promise<T>): Promise<T> => {
		const start = performance.now();
		const result = await work();
		seconds[stage] = Math.round(performance.now() - start) / 1000;
		return result;
	};
	const zone = new TimeZone('UTC');
	const analysisDay = Math.floor(Date.parse(`${analysisDate}T00:00:00Z`) / 86_400_000);

	const { columns: c } = await time('parseAndSummarise', async () => {
		const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: defaultCleaningOptions(zone), analysisDay, output: 'customers' });
		const options: FileReadOptions = { format: 'csv', encoding: 'utf-8', delimiter: ',', recordsPath: '', hasHeader: true, columnNames: [] };
		await pipeline.addFile(fs.createReadStream(file, { highWaterMark: 1 << 20 }), options, {}, 0, () => undefined);
		const result = pipeline.finishColumns();
		if (result.rejected.length) throw new Error(`${result.rejected.length} rows rejected, e.g. ${result.rejected[0].reason}`);
		return result;
	});
	const n = c.rows;
	const x = new Float64Array(n);
	const tx = new Float64Array(n);
	const T = new Float64Array(n);
	const m = new Float64Array(n);
	const recency = new Float64Array(n);
	let orders = 0;
	for (let i = 0; i < n; i++) {
		x[i] = c.distinctDays[i] - 1;
		tx[i] = c.lastDay[i] - c.firstDay[i];
		T[i] = analysisDay - c.firstDay[i];
		m[i] = x[i] > 0 ? c.repeatDaySpend[i] / x[i] : 0;
		recency[i] = analysisDay - c.lastDay[i];
		orders += c.orders[i];
	}

	const breakpoints = await time('rfm', () => {
		const bp = {
			recency: quintileBreakpoints(recency.map((r) => -r)).map((b) => -b),
			frequency: quintileBreakpoints(c.orders),
			monetary: quintileBreakpoints(c.spend),
		};
		rfmColumns(bp, recency, c.orders, c.spend);
		return bp;
	});
	const bgnbd = await time('bgnbdFit', () => fitBgNbd(groupHistories({ x, tx, T })));
	const gammaGamma = await time('gammaGammaFit', () => fitGammaGamma({ x, m }));
	const model: ChurnModel = {
		version: 1,
		method: 'bgnbd',
		fittedAt: new Date().toISOString(),
		timeUnit: 'days',
		customers: n,
		repeatCustomers: x.filter((v) => v > 0).length,
		bgnbd: { params: bgnbd.params, logLikelihood: bgnbd.logLikelihood, iterations: bgnbd.iterations },
		gammaGamma: { params: gammaGamma.params, logLikelihood: gammaGamma.logLikelihood, customers: gammaGamma.customers, spendFrequencyCorrelation: 0 },
		populationGapDays: 30,
		populationAvgOrderValue: 0,
		rfm: { breakpoints, frequencyBasis: 'orders', monetaryBasis: 'total' },
		notes: [],
	};
	const scores = await time('scoring', () => new ChurnScorer(model, SCORING).scoreColumns({ x, tx, T, recencyDays: recency, orders: c.orders, totalSpend: c.spend, m }));
	const stages = await time('lifecycle', () => {
		const avgGap = new Float64Array(n);
		for (let i = 0; i < n; i++) avgGap[i] = x[i] > 0 ? tx[i] / x[i] : 0;
		const populationGap = medianGap(avgGap);
		const out = new Uint8Array(n);
		for (let i = 0; i < n; i++) {
			const stage = stageOf(
				{
					orders: c.orders[i],
					recencyDays: recency[i],
					tenureDays: T[i],
					repeatPurchases: x[i],
					avgGapDays: x[i] > 0 ? avgGap[i] : null,
					lastGapDays: c.lastGapDays[i] >= 0 ? c.lastGapDays[i] : null,
					longestGaps: longestGapsAt(c, i),
					orderTrend: symmetricChange(c.recentOrders[i], c.previousOrders[i]),
					spendTrend: symmetricChange(c.recentSpend[i], c.previousSpend[i]),
					churnProbability: null,
					rfmSegment: null,
					previousStage: null,
				},
				STAGES,
				populationGap,
			);
			out[i] = STAGE_CODES[stage];
		}
		return out;
	});
	const total = (performance.now() - started) / 1000;
	return {
		seconds: { ...seconds, total: Math.round(total * 1000) / 1000 },
		customers: n,
		orders,
		bgnbd: { ...bgnbd.params, converged: bgnbd.converged, logLikelihood: bgnbd.logLikelihood },
		gammaGamma: { ...gammaGamma.params, converged: gammaGamma.converged },
		checks: { scored: scores.churnProbability.length, staged: stages.length },
	};
}
