import './isolateUserFolder';
import { Container } from '@n8n/di';
import type { IBinaryData } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';
import { BinaryDataService } from 'n8n-core';

/*
 * Where binary data lives in the in-process engine. By default the harness keeps it in memory as
 * base64 in the item (n8n 1's default). n8n 2 keeps it on disk and puts a reference in the item;
 * useFilesystemBinaryData switches this process to that, in `folder`, so the benchmark measures
 * what an n8n 2 server does with a large customer base. Once per process: n8n's binary data
 * service is one for the process.
 */
export async function useFilesystemBinaryData(folder: string): Promise<void> {
	const service = Container.get(BinaryDataService);
	(service as unknown as { config: { mode: string; localStoragePath: string } }).config.mode = 'filesystem';
	(service as unknown as { config: { mode: string; localStoragePath: string } }).config.localStoragePath = folder;
	await service.init();
}

/** A binary field's bytes, in either mode. */
export async function binaryBytes(binary: IBinaryData): Promise<Buffer> {
	return binary.id ? await Container.get(BinaryDataService).getAsBuffer(binary) : Buffer.from(binary.data, BINARY_ENCODING);
}
