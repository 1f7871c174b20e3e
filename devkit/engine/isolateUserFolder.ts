import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// n8n-core writes its settings under N8N_USER_FOLDER (default ~/.n8n) as soon as it loads:
// imported before n8n-core, this points it at a throw-away folder so neither tests nor the demo
// touch a real n8n installation.
if (!process.env.N8N_USER_FOLDER?.includes('n8n-retention-engine')) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-retention-engine-'));
}
// A fixed key for that throw-away folder, so n8n-core does not generate one and say so on every run.
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-retention-engine-tests-only';
