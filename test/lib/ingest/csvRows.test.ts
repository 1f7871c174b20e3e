import { csvRows } from '../../../lib/ingest/readers/csvRows';
import { RawRow, uniqueColumnNames } from '../../../lib/ingest/readers/rawRow';

async function rowsOf(text: string, chunkSize = 7): Promise<RawRow[]> {
	async function* chunks() {
		for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
	}
	const rows: RawRow[] = [];
	for await (const row of csvRows(chunks(), ',', { hasHeader: true, columnNames: [] })) rows.push(row);
	return rows;
}

describe('CSV rows', () => {
	it('reads plain lines directly and hands quoted ones, to the end of the file, to the CSV parser', async () => {
		const rows = await rowsOf('id,name,note\r\n1,Li,plain\r\n2,"Wang, Fang","two\nlines"\r\n3,Zhao,plain again\r\n\r\n4,"He ""Hank""",x\r\n');
		expect(rows).toEqual([
			{ row: 1, values: { id: '1', name: 'Li', note: 'plain' } },
			{ row: 2, values: { id: '2', name: 'Wang, Fang', note: 'two\nlines' } },
			{ row: 3, values: { id: '3', name: 'Zhao', note: 'plain again' } },
			{ row: 4, values: { id: '4', name: 'He "Hank"', note: 'x' } },
		]);
	});

	it('gives the same rows whichever way a line is read', async () => {
		const plain = await rowsOf('a,b\n1,2\n3,4\n');
		const quotedHeader = await rowsOf('"a","b"\n1,2\n3,4\n');
		expect(quotedHeader).toEqual(plain);
	});

	it('reports a row with too few or too many values, with its number, on both paths', async () => {
		const rows = await rowsOf('a,b\n1\n2,"x",y\n');
		expect(rows).toEqual([
			{ row: 1, error: 'has 1 values but the header has 2 columns', raw: { a: '1', b: undefined } },
			{ row: 2, error: 'has 3 values but the header has 2 columns', raw: { a: '2', b: 'x', column3: 'y' } },
		]);
	});

	it('drops a byte-order mark and skips empty lines', async () => {
		expect(await rowsOf('\uFEFFa,b\n\n1,2\n')).toEqual([{ row: 1, values: { a: '1', b: '2' } }]);
	});
});

describe('column names from a header', () => {
	it('gives a repeated name a number, never one the header has elsewhere, so no value overwrites another', () => {
		expect(uniqueColumnNames(['note', 'note', 'note_2'])).toEqual(['note', 'note_3', 'note_2']);
		expect(uniqueColumnNames(['a', 'a', 'a'])).toEqual(['a', 'a_2', 'a_3']);
		expect(uniqueColumnNames([' id ', '', 'id'])).toEqual(['id', 'column2', 'id_2']);
	});
});
