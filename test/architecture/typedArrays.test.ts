import * as fs from 'fs';
import * as path from 'path';
import { REPOSITORY_ROOT, sourceFiles } from '../helpers/sourceFiles';

/*
 * In a running n8n server, V8's fast path for typed arrays made from iterables is off (a module
 * n8n loads changes the array iterator): TypedArray.from of a list or typed array iterates one
 * element at a time there, 60-120 ms for a million numbers against 4 ms in a bare Node.js, and it
 * was 3.7 s of a million-customer run. The package makes typed arrays from lists with
 * lib/values/typedCopies.ts (or from `{ length }`, which is not iterated).
 */

describe("the package's code in a running n8n", () => {
	it('makes no typed array with TypedArray.from of an iterable', () => {
		const found = [...sourceFiles('lib'), ...sourceFiles('nodes')].flatMap((file) =>
			fs
				.readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8')
				.split('\n')
				.flatMap((line, i) => (/(Int8|Int16|Int32|Uint8|Uint16|Uint32|Float32|Float64)Array\.from\((?!\{ length)/.test(line) ? [`${file}:${i + 1}`] : [])),
		);
		expect(found).toEqual([]);
	});
});
