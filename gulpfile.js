// The build: each node and credential is bundled with the code and the libraries it uses into
// one file (esbuild), so the package has no runtime dependencies, as n8n asks of verified
// community nodes; n8n-workflow is n8n's own. tsc only type-checks (npm run build runs it
// first). n8n also needs each node's icon and codex file beside its .js, and the bundled
// libraries' licences ship with them.
const fs = require('fs');
const path = require('path');
const { src, dest, series } = require('gulp');
const esbuild = require('esbuild');

const manifest = require('./package.json');
const DIST = 'dist';

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

/** dist/nodes/X/X.node.js -> nodes/X/X.node.ts, for every entry package.json gives n8n. */
const entryPoints = () =>
	Object.fromEntries([...manifest.n8n.nodes, ...manifest.n8n.credentials].map((out) => [out.replace(/^dist\//, '').replace(/\.js$/, ''), out.replace(/^dist\//, '').replace(/\.js$/, '.ts')]));

async function bundle() {
	const result = await esbuild.build({
		entryPoints: entryPoints(),
		outdir: DIST,
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		external: ['n8n-workflow'],
		// fflate's Node build reaches for worker_threads (through require('module')) for its
		// asynchronous functions, which the nodes do not use; the same synchronous ones without it.
		alias: { fflate: 'fflate/browser' },
		// Our code never logs (the linter sees to it); a bundled library's warnings would land in n8n's log.
		drop: ['console'],
		legalComments: 'inline',
		metafile: true,
		logLevel: 'warning',
	});
	writeLicences(result.metafile);
}

/** The licence of every library bundled into dist/, as the libraries' licences require. */
function writeLicences(metafile) {
	// A library's folder is the last node_modules/<name> in the path of a file bundled from it.
	const folders = new Set();
	for (const input of Object.keys(metafile.inputs)) {
		const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
		if (match) folders.add(match[1]);
	}
	const sections = [...folders].sort().map((dir) => {
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		const name = pkg.name;
		const licenceFile = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
		const text = licenceFile ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `Licence: ${pkg.license}`;
		return `${name}@${pkg.version} (${pkg.license})\n\n${text}`;
	});
	fs.writeFileSync(path.join(DIST, 'THIRD-PARTY-LICENSES.txt'), `Libraries bundled into this package, and their licences.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`);
}

function copyAssets() {
	return src(['nodes/**/*.{svg,png,node.json}', 'credentials/**/*.{svg,png}'], { base: '.', encoding: false }).pipe(dest(DIST));
}

exports.build = series(clean, bundle, copyAssets);
