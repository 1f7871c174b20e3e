/**
 * One measurement in a fresh process, so its peak RSS (taken when the workflow ends) is its own:
 * `FILE DATE [base|items] [action]` runs the suite through the n8n engine on that file
 * (devkit/bench/nodeFlow.ts), with Retention Action after Lifecycle Stage when `action` is given.
 * To profile: `node --cpu-prof .bench-build/scripts/bench-child.js FILE DATE`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchNodeFlow } from '../devkit/bench/nodeFlow';
import { useFilesystemBinaryData } from '../devkit/engine/binaryDataMode';

async function main() {
	const [file, analysisDate, outputAs = 'base', action] = process.argv.slice(2);
	// Binary data on disk with a reference in the item, as an n8n 2 server keeps it.
	const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-bench-binary-'));
	await useFilesystemBinaryData(storage);
	let result: Awaited<ReturnType<typeof benchNodeFlow>>;
	try {
		result = await benchNodeFlow(file, analysisDate, { outputAs: outputAs as 'base' | 'items', withAction: action === 'action' });
	} finally {
		fs.rmSync(storage, { recursive: true, force: true });
	}
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
