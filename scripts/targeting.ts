/**
 * `npm run bench:targeting [-- --per-kind N --seed S --playbook coupon|default]`: where a win-back budget goes and what it
 * brings, on a base with known true responses, through the n8n engine
 * (devkit/checks/winBackTargeting.ts). Prints the table the README shows.
 */
import { TargetingPlaybook, targetingTable, winBackTargeting } from '../devkit/checks/winBackTargeting';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? fallback : process.argv[i + 1];
}

async function main() {
	const perKind = Number(arg('per-kind', '5000'));
	const seed = Number(arg('seed', '2026'));
	const playbook = arg('playbook', 'coupon') as TargetingPlaybook;
	if (playbook !== 'coupon' && playbook !== 'default') throw new Error('--playbook is coupon or default');
	const started = Date.now();
	const { budget, rows, measuredUnits } = await winBackTargeting({ perKind, seed, playbook });
	console.log(`${perKind * 3} customers (${perKind} loyal, ${perKind} lapsed regulars, ${perKind} long-gone one-time buyers), ${playbook} playbook, seed ${seed}; budget ${budget} (a fifth of the base); ${measuredUnits} customers in the measured campaign; ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(targetingTable(rows));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
