/**
 * Customers whose purchase days follow one of the purchase models' stories, for checking that a
 * fit recovers the truth and that the backtest picks the model that made the data. Days from the
 * window's start; each customer's first purchase falls uniformly in the first acquisitionDays.
 * - BG/NBD: buys at rate lambda ~ Gamma(r, alpha) while alive; drops out after each repeat
 *   purchase with probability p ~ Beta(a, b).
 * - MBG/NBD: the same, with a drop-out chance right after the first purchase too.
 * - Pareto/NBD: buys at rate lambda while alive; the lifetime is exponential with rate
 *   mu ~ Gamma(s, beta).
 */
import { createRandom } from './random';

export type SimulatedModel = 'bgnbd' | 'mbgnbd' | 'paretonbd';

export function simulatePurchaseDays(
	model: SimulatedModel,
	params: number[],
	{ customers, seed = 7, windowDays = 730, acquisitionDays = 365, wholeDays = true }: { customers: number; seed?: number; windowDays?: number; acquisitionDays?: number; wholeDays?: boolean },
): number[][] {
	const random = createRandom(seed);
	// As an order export has them (days), or the story's exact times (to check a fit against the truth without rounding).
	const day = wholeDays ? Math.floor : (t: number) => t;
	const out: number[][] = [];
	for (let id = 0; id < customers; id++) {
		const first = day(random.uniform() * acquisitionDays);
		const days = [first];
		const lambda = random.gamma(params[0], params[1]);
		if (model === 'paretonbd') {
			const end = Math.min(windowDays, first + random.exponential(random.gamma(params[2], params[3])));
			for (let t = first + random.exponential(lambda); t < end; t += random.exponential(lambda)) days.push(day(t));
		} else {
			const dropout = random.beta(params[2], params[3]);
			let alive = model === 'bgnbd' || random.uniform() >= dropout;
			for (let t = first; alive; ) {
				t += random.exponential(lambda);
				if (t >= windowDays) break;
				days.push(day(t));
				alive = random.uniform() >= dropout;
			}
		}
		out.push(days);
	}
	return out;
}
