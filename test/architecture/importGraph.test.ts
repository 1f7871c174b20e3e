import * as fs from 'fs';
import * as path from 'path';
import { REPOSITORY_ROOT, sourceFiles } from '../helpers/sourceFiles';

/*
 * The shape of the code, read from its imports: lib/ knows nothing of n8n and has no import
 * cycle; the value kernel (lib/values) stands on its own, the customer base's storage (lib/base)
 * only on it, and the customer record (lib/customer) only on it and lib/math; other lib folders
 * never reach into the ingest pipeline, and the nodes use it only through its front door
 * (lib/ingest/index.ts). Tests and scripts share one base (devkit/: the engine harness, the n8n
 * environment, synthetic data, the checks of the examples) and never import each other.
 */

const ROOT = REPOSITORY_ROOT;

/** The modules a file imports: repository paths (without .ts) for relative imports, package names otherwise. */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
	const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'";]*?from\s+'([^']+)'/g), ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]);
	return specs.map((spec) => {
		if (!spec.startsWith('.')) return spec;
		const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec));
		return fs.existsSync(path.join(ROOT, `${target}.ts`)) ? target : `${target}/index`;
	});
}

const LIB = sourceFiles('lib');
const NODES = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
const graph = new Map(LIB.map((file) => [file.replace(/\.ts$/, ''), importsOf(file)]));
const folderOf = (module: string) => module.split('/')[1];

/** Every cycle's files (Tarjan's strongly connected components of more than one file, or a self-import). */
function cycles(edges: Map<string, string[]>): string[][] {
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string) => {
		order.set(v, index);
		low.set(v, index++);
		stack.push(v);
		onStack.add(v);
		for (const w of (edges.get(v) ?? []).filter((t) => edges.has(t))) {
			if (!order.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, order.get(w) as number));
		}
		if (low.get(v) === order.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop() as string;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (edges.get(v) ?? []).includes(v)) found.push(component.sort());
		}
	};
	for (const v of edges.keys()) if (!order.has(v)) visit(v);
	return found;
}

describe('the import graph', () => {
	it('lib/ imports nothing of n8n and nothing of nodes/', () => {
		const offending = [...graph].flatMap(([file, imports]) => imports.filter((i) => /^n8n-|^@n8n\//.test(i) || i.startsWith('nodes/')).map((i) => `${file} -> ${i}`));
		expect(offending).toEqual([]);
	});

	it('lib/ has no import cycle', () => {
		expect(cycles(graph)).toEqual([]);
	});

	it('lib/values stands on nothing else in lib/, lib/base only on it, and lib/customer only on lib/values and lib/math', () => {
		const allowed: Record<string, string[]> = { values: ['values'], base: ['base', 'values'], customer: ['customer', 'values', 'math'] };
		const offending = [...graph].flatMap(([file, imports]) => {
			const mine = allowed[folderOf(file)];
			return mine ? imports.filter((i) => i.startsWith('lib/') && !mine.includes(folderOf(i))).map((i) => `${file} -> ${i}`) : [];
		});
		expect(offending).toEqual([]);
	});

	it('no other lib folder imports the ingest pipeline', () => {
		const offending = [...graph].flatMap(([file, imports]) => (folderOf(file) === 'ingest' ? [] : imports.filter((i) => folderOf(i) === 'ingest' && i.startsWith('lib/')).map((i) => `${file} -> ${i}`)));
		expect(offending).toEqual([]);
	});

	it('the nodes use the ingest pipeline only through lib/ingest/index.ts', () => {
		const offending = NODES.flatMap((file) => importsOf(file).filter((i) => i.startsWith('lib/ingest/') && i !== 'lib/ingest/index').map((i) => `${file} -> ${i}`));
		expect(offending).toEqual([]);
	});

	it('test/ and scripts/ share devkit/ and never import each other; devkit/ imports neither', () => {
		const owner = (module: string) => module.split('/')[0];
		const forbidden: Record<string, string[]> = { test: ['scripts'], scripts: ['test'], devkit: ['test', 'scripts'] };
		const offending = ['test', 'scripts', 'devkit'].flatMap((dir) =>
			sourceFiles(dir).flatMap((file) => importsOf(file).filter((i) => forbidden[dir].includes(owner(i))).map((i) => `${file} -> ${i}`)),
		);
		expect(offending).toEqual([]);
	});
});
