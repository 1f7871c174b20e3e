// See package.json: reached only if something starts n8n's isolated-vm expression sandbox.
throw new Error('isolated-vm is not installed in this repository (it needs Node.js 24); use N8N_EXPRESSION_ENGINE=legacy');
