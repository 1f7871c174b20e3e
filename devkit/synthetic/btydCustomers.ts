/**
 * Customers whose purchases follow the BG/NBD story (Fader, Hardie & Lee 2005): while alive a
 * customer buys at Poisson rate lambda ~ Gamma(r, alpha) (per day); after each repeat purchase
 * they drop out with probability p ~ Beta(a, b). Spend per order follows the Gamma-Gamma model:
 * values ~ Gamma(p, nu), nu ~ Gamma(q, gamma). Yields one customer's purchase days at a time.
 */
import { createRandom, Random } from './random';

export type Truth = Record<'r' | 'alpha' | 'a' | 'b' | 'p' | 'q' | 'gamma', number>;

export const DEFAULT_TRUTH: Truth = { r: 0.25, alpha: 28, a: 0.8, b: 2.5, p: 6, q: 4, gamma: 15 };

export interface SyntheticCustomer {
	id: number;
	/** Purchase days, from the window's start. */
	days: number[];
	amounts: number[];
	/** The generator's stream, for drawing more of this customer's attributes in order. */
	random: Random;
}

export function* btydCustomers({ customers, seed = 42, windowDays = 546, acquisitionDays = 364, truth = DEFAULT_TRUTH }: { customers: number; seed?: number; windowDays?: number; acquisitionDays?: number; truth?: Truth }): Generator<SyntheticCustomer> {
	const random = createRandom(seed);
	for (let id = 1; id <= customers; id++) {
		const lambda = random.gamma(truth.r, truth.alpha);
		const dropout = random.beta(truth.a, truth.b);
		const nu = random.gamma(truth.q, truth.gamma);
		const first = Math.floor(random.uniform() * acquisitionDays);
		const days = [first];
		let t = first;
		for (;;) {
			t += random.exponential(lambda);
			if (t >= windowDays) break;
			days.push(Math.floor(t));
			if (random.uniform() < dropout) break;
		}
		const amounts = days.map(() => Math.max(0.01, Math.round(random.gamma(truth.p, nu) * 100) / 100));
		yield { id, days, amounts, random };
	}
}
