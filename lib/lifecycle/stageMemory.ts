import { OrderedIdMemory } from '../values/orderedIdMemory';
import { ALL_STAGES, Stage } from './stages';

/**
 * Each customer's last stage and since when, compact enough for hundreds of thousands of
 * customers in workflow static data: one number per customer, stage code * 2^20 + day
 * (days since 1970; 2^20 days reach the year 4840). About 20 bytes per customer as JSON.
 */
const DAY_BITS = 2 ** 20;

export interface RememberedStage {
	stage: Stage;
	sinceDay: number;
}

/** Each customer's code by customer ID, in the order of the run's customers. */
export type StageMemory = OrderedIdMemory<number>;

export function encodeStage(entry: RememberedStage): number {
	return ALL_STAGES.indexOf(entry.stage) * DAY_BITS + entry.sinceDay;
}

export function decodeStage(code: number | undefined): RememberedStage | null {
	if (typeof code !== 'number' || !Number.isFinite(code) || code < 0) return null;
	const stage = ALL_STAGES[Math.floor(code / DAY_BITS)];
	return stage ? { stage, sinceDay: code % DAY_BITS } : null;
}
