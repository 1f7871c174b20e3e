/**
 * One measurement in a fresh process, so its peak RSS is its own: `FILE DATE [base|items]` runs
 * the suite through the n8n engine on that file (devkit/bench/nodeFlow.ts). To profile:
 * `node --cpu-prof .bench-build/scripts/bench-child.js FILE DATE`.
 */
import { benchNodeFlow } from '../devkit/bench/nodeFlow';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main() {
	const [file, analysisDate, outputAs = 'base'] = process.argv.slice(2);
	const result = await benchNodeFlow(file, analysisDate, { outputAs: outputAs as 'base' | 'items' });
	process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
