import * as fs from 'fs';
import * as path from 'path';

/** The repository's root, which the architecture tests read the code under. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '../..');

/** The TypeScript files under a folder of the repository, as repository paths. */
export function sourceFiles(dir: string): string[] {
	return fs.readdirSync(path.join(REPOSITORY_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(rel);
		return entry.name.endsWith('.ts') ? [rel] : [];
	});
}
