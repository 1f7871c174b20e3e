import { CustomerDataPipeline } from '../../../lib/ingest/customerDataPipeline';
import { CustomerSummary } from '../../../lib/customer/customerSummary';
import { detectEncoding, isUtf8, SNIFF_BYTES } from '../../../lib/ingest/readers/decodeText';
import { FileReadInfo, FileReadOptions } from '../../../lib/ingest/readers/readFile';
import { chunksOf, cleaningOptions, dayOf } from '../../helpers/ingestHelpers';

const CSV: FileReadOptions = { format: 'auto', encoding: 'auto', delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [] };

async function read(file: Buffer, chunkSize: number) {
	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: cleaningOptions(), analysisDay: dayOf('2024-12-31'), output: 'customers' });
	const info: FileReadInfo = {};
	await pipeline.addFile(chunksOf(file, chunkSize), CSV, info, 0, () => undefined);
	return { ...pipeline.finish(), info };
}

/** A UTF-8 export with Chinese names, `rows` rows long. */
function chineseFile(rows: number): Buffer {
	const lines = ['客户ID,订单号,下单时间,金额,姓名'];
	for (let i = 1; i <= rows; i++) lines.push(`客户${i % 300},单${i},2024-0${1 + (i % 9)}-1${i % 10},${10 + (i % 50)},张伟${i % 7}号`);
	return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

describe('deciding a file\u2019s encoding', () => {
	it('decides from exactly the first 64 KiB, so every chunking of a file gives the same verdict and the same rows', async () => {
		const file = chineseFile(5000);
		expect(file.length).toBeGreaterThan(3 * SNIFF_BYTES);
		const expected = await read(file, 1 << 20);
		expect(expected.info.encoding).toBe('utf-8');
		expect(expected.rejected).toEqual([]);
		// n8n reads files in 1 MiB chunks; a chunk can end anywhere, also inside a character.
		for (const size of [SNIFF_BYTES - 1, SNIFF_BYTES + 1, SNIFF_BYTES + 2, 1000, 4097, 65_537 * 3 + 1]) {
			const result = await read(file, size);
			expect([size, result.info.encoding]).toEqual([size, 'utf-8']);
			expect(result.records).toEqual(expected.records);
		}
	});

	it('accepts a character cut by the 64 KiB limit, not one cut by the end of the file', () => {
		const text = Buffer.from('a'.repeat(SNIFF_BYTES - 1) + '中文', 'utf8');
		expect(detectEncoding(text, true)).toEqual({ encoding: 'utf-8' });
		expect(isUtf8(Buffer.from([0x61, 0xe4, 0xb8]), true)).toBe(true);
		expect(isUtf8(Buffer.from([0x61, 0xe4, 0xb8]), false)).toBe(false);
		expect(isUtf8(Buffer.from([0xc0, 0x80]), false)).toBe(false);
		expect(isUtf8(Buffer.from([0xed, 0xa0, 0x80]), false)).toBe(false);
	});

	it('rejects only the row holding a byte that is not UTF-8, with the reason', async () => {
		const file = chineseFile(5000);
		const at = Math.floor(file.length * 0.66);
		const lineStart = file.lastIndexOf(0x0a, at) + 1;
		const comma = file.indexOf(0x2c, lineStart);
		const broken = Buffer.concat([file.subarray(0, comma - 1), Buffer.from([0xe9]), file.subarray(comma)]);
		const result = await read(broken, 1 << 20);
		expect(result.info.encoding).toBe('utf-8');
		expect(result.rejected).toHaveLength(1);
		expect(result.rejected[0].reason).toMatch(/^holds bytes that are not valid text in the file's encoding/);
		expect(result.rowsAccepted).toBe(4999);
	});

	it('reads files whose lines end in CR alone, and UTF-16 BE files with a byte-order mark', async () => {
		const lines = ['customer_id,order_id,order_date,amount', ...Array.from({ length: 1000 }, (_, i) => `C${i % 10},${i},2024-03-0${1 + (i % 9)},5`)];
		const crOnly = await read(Buffer.from(`${lines.join('\r')}\r`), 4096);
		expect([crOnly.rowsRead, crOnly.rowsAccepted, crOnly.rejected.length]).toEqual([1000, 1000, 0]);
		const utf16 = Buffer.from(`\uFEFF${lines.slice(0, 11).join('\n')}\n`, 'utf16le').swap16();
		const be = await read(utf16, 7);
		expect(be.info.encoding).toBe('utf-16be');
		expect(be.records.map((r) => (r.record as CustomerSummary).orders).reduce((a, b) => a + b, 0)).toBe(10);
	});
});

describe('quotes that are never closed', () => {
	const header = 'customer_id,order_id,order_date,amount,note';
	const row = (i: number) => `C${i % 7},${i},2024-03-0${1 + (i % 9)},5,"fine, thanks"`;

	it('cost only their own line: an unclosed quote at row 10 of 1,000 leaves 999 rows read', async () => {
		const lines = Array.from({ length: 1000 }, (_, k) => (k === 9 ? `C1,10,2024-03-01,5,"never closed` : row(k + 1)));
		const result = await read(Buffer.from(`${[header, ...lines].join('\n')}\n`), 4096);
		expect([result.rowsRead, result.rowsAccepted]).toEqual([1000, 999]);
		expect(result.rejected).toEqual([expect.objectContaining({ row: 10, reason: expect.stringMatching(/^has a quote that is never closed/) })]);
	});

	it('account for every line of a file with an unclosed quote every 97 rows', async () => {
		const lines = Array.from({ length: 12_000 }, (_, k) => (k % 97 === 50 ? `C2,${k + 1},2024-03-01,5,"oops` : row(k + 1)));
		const result = await read(Buffer.from(`${[header, ...lines].join('\n')}\n`), 65_536);
		const broken = lines.filter((l) => l.endsWith('"oops')).length;
		expect(result.rowsRead).toBe(12_000);
		expect(result.rejected).toHaveLength(broken);
		expect(result.rowsAccepted).toBe(12_000 - broken);
	});

	it('keep quotes that do not start a field, and fields that span lines', async () => {
		const text = `${header}\nC1,1,2024-03-01,5,27" monitor\nC1,2,2024-03-02,5,"two\nlines"\nC1,3,2024-03-03,5,"say ""hi"""\n`;
		const result = await read(Buffer.from(text), 5);
		expect(result.rejected).toEqual([]);
		expect(result.rowsAccepted).toBe(3);
	});
});
