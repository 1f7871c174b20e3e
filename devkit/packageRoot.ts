import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root (where package.json names this package): tests run from test/, the
 * compiled bench from .bench-build/, and both need the built package under dist/.
 */
function findPackageRoot(from: string): string {
	for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'n8n-nodes-retention') return dir;
	}
	throw new Error(`No n8n-nodes-retention package.json above ${from}`);
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);
