import { RememberedStage } from './stageMemory';
import { Stage } from './stages';

export interface StageTransition {
	stage: Stage;
	previousStage: Stage | null;
	stageChanged: boolean;
	/** The day the customer entered the stage; null when unknown (same stage, nothing remembered). */
	sinceDay: number | null;
	/** What to remember for the next run. */
	remember: RememberedStage;
}

/**
 * From the previous stage (remembered by the node, or given on the item) to today's. A customer
 * who stays keeps the day they entered; one who moves (or is seen for the first time) enters
 * today. A stage given on the item says nothing of since when, so the day stays unknown.
 */
export function stageTransition(stage: Stage, previousStage: Stage | null, remembered: RememberedStage | null, day: number): StageTransition {
	const unchanged = previousStage === stage;
	const knownSince = unchanged && remembered !== null && remembered.stage === stage ? remembered.sinceDay : null;
	const sinceDay = unchanged ? knownSince : day;
	return { stage, previousStage, stageChanged: !unchanged, sinceDay, remember: { stage, sinceDay: knownSince ?? day } };
}
