import type { IExecuteFunctions } from 'n8n-workflow';
import { ROUTE_ORDER, StageModel } from '../../lib/lifecycle/stages';
import { WORDS } from '../../lib/words';
import { analysisDateHint } from '../shared/analysisDateParameter';
import type { StageCounts } from './placeStage';

/** Counts per stage and the date they are as of, shown above the output. */
export function stageHint(ctx: IExecuteFunctions, model: StageModel, counts: StageCounts, emitted: number, onlyChanged: boolean, nodeDay: number, days: Iterable<number>): string {
	const perStage = ROUTE_ORDER[model]
		.map((stage) => [WORDS.en.stages[stage], counts.perStage.get(stage) ?? 0] as const)
		.filter(([, n]) => n > 0)
		.map(([label, n]) => `${n} ${label}`);
	return [
		`${counts.customers} customers: ${perStage.join(', ') || 'none'}.`,
		`${counts.moved} moved to another stage${counts.firstSeen ? `, ${counts.firstSeen} had no earlier stage` : ''}${onlyChanged ? ` (${emitted} output: Only Changes is on)` : ''}.`,
		analysisDateHint(ctx, nodeDay, days),
	].join(' ');
}

