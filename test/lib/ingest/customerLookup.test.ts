import { customersMatching } from '../../../lib/ingest';

/* Who an agent or a person means when they name a customer the way they have them at hand. */

const customers = [
	{ customerId: 'CU001', email: 'wang.fang@163.com', phone: '+8613812345678' },
	{ customerId: 'CU002', email: 'li@qq.com', phone: '+8613900000000' },
	{ customerId: 'CU003', email: 'shared@family.cn', phone: '+8613900000000' },
	{ customerId: '13812345678', email: null, phone: null },
];
const ids = (query: string, country?: string) => customersMatching(customers, query, country).map((c) => c.customerId);

describe('finding a customer by what someone typed', () => {
	it('takes a customer ID in any case, with spaces around it', () => {
		expect(ids(' cu002 ')).toEqual(['CU002']);
	});

	it('takes an email address as Customer Data cleans it', () => {
		expect(ids('Wang.Fang@163.COM')).toEqual(['CU001']);
	});

	it('takes a phone number written the national way, with spaces, dashes or the country code', () => {
		expect(ids('138 1234 5678')).toEqual(['CU001']);
		expect(ids('138-1234-5678 ')).toEqual(['CU001']);
		expect(ids('+86 138 1234 5678')).toEqual(['CU001']);
		expect(ids('0086 13812345678')).toEqual(['CU001']);
	});

	it('prefers a customer whose ID it is over one whose phone it is', () => {
		expect(ids('13812345678')).toEqual(['13812345678']);
	});

	it('gives every customer a shared phone belongs to, for the caller to ask which', () => {
		expect(ids('13900000000')).toEqual(['CU002', 'CU003']);
	});

	it('reads a number without country code in the country given', () => {
		const us = [{ customerId: 'US1', email: null, phone: '+14155550100' }];
		expect(customersMatching(us, '(415) 555-0100', 'US').map((c) => c.customerId)).toEqual(['US1']);
		expect(customersMatching(us, '(415) 555-0100').map((c) => c.customerId)).toEqual([]);
	});

	it('finds nobody for an empty text or a name', () => {
		expect(ids('')).toEqual([]);
		expect(ids('王芳')).toEqual([]);
	});
});
