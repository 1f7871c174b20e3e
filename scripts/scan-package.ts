/**
 * n8n's community-package scan (@n8n/scan-community-package) on this package, without
 * publishing it: once over the sources, once over the packed tarball. Uses the scanner's own
 * ESLint config and settings (inline disables ignored, as in analyzePackage); fails on every
 * finding. The tarball is what n8n scans: the nodes bundled, no runtime dependency.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

interface Finding {
	file: string;
	line: number;
	rule: string;
	message: string;
}

/** The scanner's own module (ESM, untyped): its config builder and the files it scans. */
interface Scanner {
	buildScanConfig(): Promise<unknown>;
	SOURCE_FILE_PATTERNS: string[];
}
// A Function-made import keeps this a real dynamic import() when TypeScript compiles to CommonJS.
const SCANNER = path.join(ROOT, 'tools', 'lint', 'node_modules', '@n8n', 'scan-community-package');
const loadScanner = new Function(`return import(${JSON.stringify(path.join(SCANNER, 'scanner', 'scanner.mjs'))})`) as () => Promise<Scanner>;

async function lint(cwd: string, patterns: string[]): Promise<{ files: number; findings: Finding[] }> {
	const scanner = await loadScanner();
	const { ESLint } = require(require.resolve('eslint', { paths: [SCANNER] }));
	const glob = require(require.resolve('fast-glob', { paths: [SCANNER] }));
	const eslint = new ESLint({ cwd, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await scanner.buildScanConfig() });
	const files = glob.sync(patterns, { cwd, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = await eslint.lintFiles(files);
	const findings: Finding[] = [];
	for (const result of results) {
		for (const m of result.messages) {
			if (m.severity < 2) continue;
			findings.push({ file: path.relative(cwd, result.filePath), line: m.line, rule: m.ruleId ?? 'parse', message: m.message });
		}
	}
	return { files: files.length, findings };
}

function packTarball() {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-pack-'));
	const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop() as string;
	execFileSync('tar', ['-xzf', path.join(out, name), '-C', out]);
	return path.join(out, 'package');
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('Run npm run build first: the tarball leg scans dist/');
	const scanner = await loadScanner();
	const legs = [
		{ name: 'sources', cwd: ROOT, patterns: scanner.SOURCE_FILE_PATTERNS },
		{ name: 'tarball', cwd: packTarball(), patterns: ['**/*.js', 'package.json'] },
	];
	let failed = false;
	for (const leg of legs) {
		const { files, findings } = await lint(leg.cwd, leg.patterns);
		console.log(`scan ${leg.name}: ${files} files, ${findings.length} findings`);
		for (const f of findings) console.log(`  FINDING   ${f.file}:${f.line}  ${f.rule}  ${f.message}`);
		if (findings.length) failed = true;
	}
	if (failed) process.exit(1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
