import { retentionFactsFromRecord } from '../../../lib/actions/retentionFacts';
import { TimeZone } from '../../../lib/values/timeZone';

const context = { analysisDay: Date.parse('2025-06-30') / 86_400_000, zone: new TimeZone('UTC') };
const facts = (json: Record<string, unknown>) => {
	const read = retentionFactsFromRecord({ customerId: 'C1', orders: 3, recencyDays: 40, churnProbability: 0.6, ...json }, context);
	if ('error' in read) throw new Error(read.error);
	return read.facts;
};

describe("what Retention Action reads of a customer's products", () => {
	it('names the first product with a name, and the first three categories, each once', () => {
		const products = [{ sku: 'SKU-1', category: 'Tea' }, { productName: ' Oolong ', category: 'Tea' }, { productName: 'Cup', category: null }, { category: 'Gifts' }, { category: 'Snacks' }, { category: 'Books' }];
		expect(facts({ products })).toMatchObject({ topProduct: 'Oolong', categories: ['Tea', 'Gifts', 'Snacks'] });
	});

	it('says nothing without products, or with products that are not a list', () => {
		expect(facts({})).toMatchObject({ topProduct: null, categories: [] });
		expect(facts({ products: 'tea' })).toMatchObject({ topProduct: null, categories: [] });
	});
});

describe('what stops a customer from being planned for', () => {
	it('is a missing churn probability or a last contact that cannot be read, named with the customer', () => {
		expect(retentionFactsFromRecord({ customerId: 'C1', orders: 3 }, context)).toEqual({ error: '(customer C1) needs a churn probability between 0 and 1 (churnProbability): connect it after Churn Risk' });
		const unreadable = retentionFactsFromRecord({ customerId: 'C2', orders: 3, churnProbability: 0.5, lastContactedAt: 'last spring' }, context);
		expect('error' in unreadable && unreadable.error).toMatch(/^\(customer C2\) lastContactedAt .*: give it as a date and time/);
	});
});

describe("what Retention Action reads of a customer's events", () => {
	it("takes Customer Data's engagement into the cause's facts, and nothing without it", () => {
		const engagement = { openTickets: 1, latestNps: 4, latestRating: 2, reviewSentiment: -0.6, activity: { recent: 1, usual: 6, ratio: 1 / 6 } };
		expect(facts({ engagement }).cause).toMatchObject({ openTickets: 1, latestNps: 4, latestRating: 2, reviewSentiment: -0.6, recentVisits: 1, usualVisits: 6 });
		expect(facts({ engagement: null }).cause).toMatchObject({ openTickets: 0, latestNps: null, latestRating: null, reviewSentiment: null, recentVisits: null, usualVisits: null });
	});
});
