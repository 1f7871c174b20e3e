/**
 * A shop whose customers show they are leaving in their visits before their orders stop, and its
 * twin where visits say nothing: for checking that a warning learnt from events beats the purchase
 * models only where events carry a signal. Days from the window's start.
 * - Each customer buys at rate lambda ~ Gamma(0.6, 40) per day from a first purchase in the first
 *   year, and decides to leave after Exp(mu) days, mu ~ Gamma(1.5, 400) (a mean lifetime of about
 *   270 days); their orders stop `lagDays` after the decision.
 * - They visit every 10 days on average. With a signal, the visits stop at the decision, and one in
 *   three opens a service ticket then; without, the visits go on to the window's end whatever they
 *   decided, and tickets come at random.
 */
import type { EngagementEvent } from '../../lib/engagement/engagementEvent';
import { createRandom } from './random';

export interface EngagementShop {
	purchaseDays: number[][];
	events: EngagementEvent[][];
	analysisDay: number;
}

export function simulateEngagementShop({ customers, seed = 11, windowDays = 730, signal = true, lagDays = 60 }: { customers: number; seed?: number; windowDays?: number; signal?: boolean; lagDays?: number }): EngagementShop {
	const random = createRandom(seed);
	const purchaseDays: number[][] = [];
	const events: EngagementEvent[][] = [];
	for (let id = 0; id < customers; id++) {
		const first = Math.floor(random.uniform() * 365);
		const lambda = random.gamma(0.6, 40);
		const decided = first + random.exponential(random.gamma(1.5, 400));
		const ordersEnd = Math.min(windowDays, decided + lagDays);
		const days = [first];
		for (let t = first + random.exponential(lambda); t < ordersEnd; t += random.exponential(lambda)) days.push(Math.floor(t));
		purchaseDays.push([...new Set(days)]);
		const own: EngagementEvent[] = [];
		const add = (kind: EngagementEvent['kind'], t: number, ticketId: string | null = null) => {
			const day = Math.floor(t);
			if (day < windowDays) own.push({ owner: { customerId: `C${id}`, email: null, phone: null }, kind, day, ms: t * 86_400_000, score: null, text: null, ticketId });
		};
		const visitsEnd = signal ? Math.min(windowDays, decided) : windowDays;
		for (let t = first + random.exponential(0.1); t < visitsEnd; t += random.exponential(0.1)) add('session', t);
		const ticketAt = signal ? decided : first + random.uniform() * (windowDays - first);
		if (random.uniform() < 1 / 3) add('ticketOpened', ticketAt, `T${id}`);
		events.push(own);
	}
	return { purchaseDays, events, analysisDay: windowDays - 1 };
}
