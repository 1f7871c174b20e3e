// n8n-core writes its settings under N8N_USER_FOLDER (default ~/.n8n) as soon as it loads:
// point it at a throw-away folder so tests never touch a real n8n installation.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER || !process.env.N8N_USER_FOLDER.includes('n8n-retention-test')) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-retention-test-'));
}
