import { CleaningOptions } from '../../lib/ingest/clean/cleaningOptions';
import { defaultCleaningOptions } from '../../lib/ingest/clean/defaultCleaning';
import { TimeZone } from '../../lib/values/timeZone';

export function cleaningOptions(overrides: Partial<CleaningOptions> = {}): CleaningOptions {
	return { ...defaultCleaningOptions(new TimeZone('UTC')), ...overrides };
}

export async function* chunksOf(buffer: Buffer, size = 4096): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

export function dayOf(isoDate: string): number {
	return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}
