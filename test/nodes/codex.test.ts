import * as fs from 'fs';
import * as path from 'path';
import { CustomerDataApi } from '../../credentials/CustomerDataApi.credentials';

/*
 * How users find the nodes in n8n's nodes panel and reach their documentation: every node is
 * found by the words retention teams search for, in English and Chinese, and its Docs link
 * opens a page of this repository (no "#" anchor, which n8n's tracking query would break).
 */

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
const SEARCH_WORDS = ['retention', 'churn', 'win-back', 'RFM', 'CLV', 'lifecycle', '流失', '召回', '复购', '会员', '生命周期'];
const REPOSITORY_DOCS = 'https://github.com/n8n-nodes-retention/n8n-nodes-retention/blob/main/';

const codexes = pkg.n8n.nodes.map((built) => {
	const source = path.join(ROOT, built.replace(/^dist\//, '').replace(/\.node\.js$/, '.node.json'));
	return [path.basename(source), JSON.parse(fs.readFileSync(source, 'utf8'))] as const;
});

function expectRepositoryPage(url: string) {
	expect(url).not.toContain('#');
	expect(url.startsWith(REPOSITORY_DOCS)).toBe(true);
	expect(fs.existsSync(path.join(ROOT, url.slice(REPOSITORY_DOCS.length)))).toBe(true);
}

describe.each(codexes)('%s', (_file, codex) => {
	it('is found by every word retention teams search for', () => {
		expect(codex.alias).toEqual(expect.arrayContaining(SEARCH_WORDS));
		expect(codex.categories).toContain('Analytics');
		expect(codex.subcategories.Analytics).toEqual(['Customer Retention']);
	});

	it('links to its own documentation page', () => {
		expectRepositoryPage(codex.resources.primaryDocumentation[0].url);
	});
});

it('the credential links to its own documentation page', () => {
	expectRepositoryPage(new CustomerDataApi().documentationUrl);
});
