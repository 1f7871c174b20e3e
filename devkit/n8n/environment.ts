/**
 * The environment every n8n started here runs with (the end-to-end runs, the editor, the
 * benchmark): its own user folder, files readable only from that folder's files/, no calls home,
 * and a task-runner broker on a free port (n8n's default 5679 is taken when another n8n runs on
 * this machine, e.g. `npm start`). Each caller adds what is its own.
 */
import * as net from 'net';
import * as path from 'path';
import type { N8n } from './provision';

export function n8nEnvironment(n8n: N8n, userFolder: string, brokerPort: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...n8n.env,
		N8N_USER_FOLDER: userFolder,
		N8N_RESTRICT_FILE_ACCESS_TO: filesFolder(userFolder),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		...extra,
	};
}

/** Where n8n may read and write files: the sample data and what the templates write. */
export function filesFolder(userFolder: string): string {
	return path.join(userFolder, 'files');
}

/** A port nothing listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}
