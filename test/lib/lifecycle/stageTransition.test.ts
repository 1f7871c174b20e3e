import { stageTransition } from '../../../lib/lifecycle/stageTransition';

describe('moving between stages', () => {
	const TODAY = 20_000;

	it('keeps the day a customer entered the stage while they stay in it', () => {
		expect(stageTransition('loyal', 'loyal', { stage: 'loyal', sinceDay: 19_900 }, TODAY)).toEqual({
			stage: 'loyal',
			previousStage: 'loyal',
			stageChanged: false,
			sinceDay: 19_900,
			remember: { stage: 'loyal', sinceDay: 19_900 },
		});
	});

	it('starts the clock today when a customer moves, or is seen for the first time', () => {
		expect(stageTransition('atRisk', 'loyal', { stage: 'loyal', sinceDay: 19_900 }, TODAY)).toMatchObject({ stageChanged: true, previousStage: 'loyal', sinceDay: TODAY, remember: { stage: 'atRisk', sinceDay: TODAY } });
		expect(stageTransition('new', null, null, TODAY)).toMatchObject({ stageChanged: true, previousStage: null, sinceDay: TODAY });
	});

	it('does not know since when a stage given on the item holds, but remembers today for the next run', () => {
		expect(stageTransition('loyal', 'loyal', null, TODAY)).toMatchObject({ stageChanged: false, sinceDay: null, remember: { stage: 'loyal', sinceDay: TODAY } });
	});
});
