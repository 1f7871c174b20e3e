import { execFileSync } from 'child_process';
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { REPOSITORY_ROOT } from '../helpers/sourceFiles';

/*
 * What `npm pack` puts in the tarball a user installs (npm test builds dist/ first): every node
 * and credential package.json names, with its icons and codex; the README, licence and changelog;
 * no source map without its source, no test or script; and runtime dependencies that are exactly
 * the packages the built code loads, so nothing is installed for a test's sake and nothing the
 * nodes need is missing.
 */

const ROOT = REPOSITORY_ROOT;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function packedFiles(): string[] {
	// The build is already there: packing without scripts only lists what npm would put in the tarball.
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
	return (JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path).sort();
}

/** The packages a built file loads: require('x') and require('x/sub') of anything but Node's own modules and relative paths. */
function packagesRequired(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	return [...text.matchAll(/\brequire\("([^"]+)"\)/g)]
		.map((m) => m[1])
		.filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !builtinModules.includes(spec.split('/')[0]))
		.map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]));
}

describe('the published package', () => {
	const files = packedFiles();

	it('holds every node and credential n8n is told to load, each with its icons and codex', () => {
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials] as string[]) expect(files).toContain(entry);
		for (const node of manifest.n8n.nodes as string[]) {
			const dir = path.dirname(node);
			const name = path.basename(node, '.node.js');
			expect(files).toContain(`${dir}/${name}.node.json`);
			expect(files.filter((f) => f.startsWith(`${dir}/`) && f.endsWith('.svg'))).toHaveLength(2);
		}
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE.md', 'CHANGELOG.md', 'package.json']));
	});

	it('holds no source map, source, test or script', () => {
		expect(files.filter((f) => /\.(map|ts)$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
		expect(files.filter((f) => /^(test|scripts|devkit|lib|nodes|examples|bench)\//.test(f))).toEqual([]);
	});

	it('depends at run time on exactly the packages the built code loads (n8n-workflow comes from n8n)', () => {
		const loaded = new Set(files.filter((f) => f.endsWith('.js')).flatMap((f) => packagesRequired(path.join(ROOT, f))));
		loaded.delete('n8n-workflow');
		expect([...loaded].sort()).toEqual(Object.keys(manifest.dependencies ?? {}).sort());
		expect(Object.keys(manifest.peerDependencies)).toEqual(['n8n-workflow']);
	});
});
