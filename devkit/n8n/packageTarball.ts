/**
 * The tarball a user would install. For the end-to-end runs it is packed the way a fresh clone
 * packs it: the repository's files (tracked, and new ones not ignored) copied without dist/, then
 * `npm pack`, whose prepack builds dist/ (the dependencies are the working tree's, linked). So
 * a tarball that needs anything the repository does not hold, or a pack that does not build,
 * fails there. Packed once per process.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const log = (message: string) => console.log(`[package] ${message}`);

function pack(cwd: string, ignoreScripts: boolean): string {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-pack-'));
	const args = ['pack', '--silent', '--pack-destination', out, ...(ignoreScripts ? ['--ignore-scripts'] : [])];
	const name = execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop() ?? '';
	return path.join(out, name);
}

let cleanTarball: string | undefined;

/** The tarball of a clean copy of the repository, dist/ built by `npm pack` itself. */
export function tarballFromCleanCopy(repoRoot: string): string {
	if (cleanTarball) return cleanTarball;
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-clean-'));
	const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
	let copied = 0;
	for (const file of listed) {
		const from = path.join(repoRoot, file);
		if (!fs.existsSync(from)) continue; // deleted in the working tree
		fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
		fs.copyFileSync(from, path.join(copy, file));
		copied++;
	}
	fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
	log(`packing a clean copy of the repository (${copied} files, no dist/): npm pack builds it`);
	cleanTarball = pack(copy, false);
	const entries = execFileSync('tar', ['-tzf', cleanTarball], { encoding: 'utf8' }).trim().split('\n');
	log(`${path.basename(cleanTarball)}: ${entries.length} files`);
	return cleanTarball;
}

/** The tarball of the working tree as built (for the sandbox and the benchmark, which build first). */
export function tarballOfBuild(repoRoot: string): string {
	if (!fs.existsSync(path.join(repoRoot, 'dist'))) throw new Error('Run npm run build first');
	return pack(repoRoot, true);
}
