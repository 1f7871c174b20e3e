import { CleaningOptions } from '../../lib/ingest/cleanOrders';
import { TimeZone } from '../../lib/ingest/timeZone';

export function cleaningOptions(overrides: Partial<CleaningOptions> = {}): CleaningOptions {
	return {
		dateOrder: 'ymd',
		timeZone: new TimeZone('UTC'),
		defaultCountryCode: '86',
		decimalComma: false,
		minorUnits: false,
		refunds: 'subtract',
		zeroValueOrders: 'keep',
		...overrides,
	};
}

export async function* chunksOf(buffer: Buffer, size = 4096): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

export function dayOf(isoDate: string): number {
	return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}
