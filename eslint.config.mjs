// The rules n8n applies when it scans a community package (@n8n/scan-community-package builds
// them from @n8n/eslint-plugin-community-nodes and eslint-plugin-n8n-nodes-base), so `npm run
// lint` and the scan never disagree. The scanner is installed in tools/lint (see its package.json).
import { buildScanConfig } from './tools/lint/node_modules/@n8n/scan-community-package/scanner/scanner.mjs';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'tools/**', 'coverage/**', 'test/**', 'scripts/**', 'devkit/**', 'examples/**', '**/*.js', '**/*.mjs'] },
	...(await buildScanConfig()),
	{
		// lib/ is the engine and knows nothing about n8n (DESIGN.md): it throws plain errors,
		// which nodes/shared/linkedItems.ts turns into NodeOperationErrors on the right item.
		files: ['lib/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
];
