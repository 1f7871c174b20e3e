import { ComputationCancelled, runCooperatively, runToEnd, Steps } from '../../../lib/math/steps';
import { fitBgNbd, fitBgNbdSteps } from '../../../lib/models/bgnbd';
import { groupHistories } from '../../../lib/models/customerHistory';
import { readCdnowSummary } from '../../helpers/cdnow';

function* countTo(n: number, log: string[]): Steps<number> {
	try {
		for (let i = 1; i <= n; i++) {
			log.push(`step ${i}`);
			yield;
		}
		return n;
	} finally {
		log.push('cleaned up');
	}
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a computation written as steps', () => {
	it('runs straight through to its result', () => {
		expect(runToEnd(countTo(3, []))).toBe(3);
	});

	it('pauses for the event loop between slices and returns the same result', async () => {
		const log: string[] = [];
		let pauses = 0;
		const result = await runCooperatively(countTo(5, log), { pause: async () => void pauses++, sliceMs: 0 });
		expect(result).toBe(5);
		expect(pauses).toBe(5);
		expect(log).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5', 'cleaned up']);
	});

	it('stops at the next step once the signal aborts, and lets the computation clean up', async () => {
		const log: string[] = [];
		const controller = new AbortController();
		const pause = async () => {
			if (log.length === 2) controller.abort();
			await nextTurn();
		};
		await expect(runCooperatively(countTo(100, log), { pause, signal: controller.signal, sliceMs: 0 })).rejects.toBeInstanceOf(ComputationCancelled);
		expect(log).toEqual(['step 1', 'step 2', 'cleaned up']);
	});

	it('gives a model fit run cooperatively exactly the fit run at once', async () => {
		const data = groupHistories(readCdnowSummary().map((row) => ({ x: row.x, tx: row.tx, T: row.T })));
		let pauses = 0;
		const cooperative = await runCooperatively(fitBgNbdSteps(data), { pause: async () => { pauses++; await nextTurn(); }, sliceMs: 0 });
		expect(cooperative).toEqual(fitBgNbd(data));
		expect(pauses).toBeGreaterThan(cooperative.iterations);
	});
});
