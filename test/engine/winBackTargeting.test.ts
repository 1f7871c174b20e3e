import { targetingTable, winBackTargeting } from '../../devkit/checks/winBackTargeting';

/*
 * The budget goes where it brings customers back: on a base with known, different true responses
 * (loyal customers who buy anyway, lapsed regulars who respond strongly, long-gone one-time buyers
 * who barely respond), through the engine, with a budget for a fifth of the base; with a coupon
 * for everyone (only whom to give it to is decided) and with the default playbook.
 * `npm run bench:targeting` prints the same table at a larger size.
 */

describe.each(['coupon', 'default'] as const)('spending a win-back budget (%s playbook)', (playbook) => {
	let result: Awaited<ReturnType<typeof winBackTargeting>>;
	const row = (name: string) => result.rows.find((r) => r.strategy.startsWith(name))!;

	beforeAll(async () => {
		result = await winBackTargeting({ perKind: 1000, seed: 7, playbook });
		// The figures, for whoever reads the test output.
		console.log(`${playbook} playbook: budget ${result.budget}, ${result.measuredUnits} customers measured\n${targetingTable(result.rows)}`);
	}, 300_000);

	it('comes within 20% of the best possible allocation once one measured campaign is fed back', () => {
		expect(row('Retention Action, after one').shareOfBest).toBeGreaterThanOrEqual(0.8);
	});

	it('beats targeting by churn probability and by predicted CLV', () => {
		const plan = row('Retention Action, after one').profit;
		expect(plan).toBeGreaterThan(row('Highest churn probability').profit);
		expect(plan).toBeGreaterThan(row('Highest predicted CLV').profit);
	});

	it('is already far better than contacting at random with the planning priors alone', () => {
		const random = row('At random').profit;
		expect(row('Retention Action, planning priors').profit - random).toBeGreaterThan(0.5 * (result.rows[0].profit - random));
	});

	it('spends the budget on lapsed regulars, not on customers who buy anyway or are long gone, and keeps to it', () => {
		const plan = row('Retention Action, after one');
		expect(plan.spentOn.lapsed).toBeGreaterThan(0.8 * plan.cost);
		// Its costs are expectations: within a tenth of the budget once the response is measured.
		expect(plan.cost).toBeLessThanOrEqual(result.budget * 1.1);
	});
});
