import { mergeContacts, readContactLog } from '../../../lib/actions/contactLog';
import { TimeZone } from '../../../lib/values/timeZone';

const SHANGHAI = new TimeZone('Asia/Shanghai');

describe('the contact log: earlier contacts of any campaign', () => {
	it('reads each contact by customer, its time in the zone when it has no offset, and the action when it is one', () => {
		const read = readContactLog(
			[
				{ customerId: 'A', contactedAt: '2025-06-30T02:00:00.000Z', action: 'discountCoupon', group: 'treatment' },
				{ customer_id: 7, sentAt: '2025-06-20 10:00', action: 'a phone call' },
				{ customerId: 'A', contactedAt: '2025-06-01', group: 'control' },
			],
			SHANGHAI,
		);
		expect(read).toEqual({
			contacts: 2,
			history: new Map([
				['A', [{ at: Date.parse('2025-06-30T02:00:00Z'), action: 'discountCoupon' }]],
				['7', [{ at: Date.parse('2025-06-20T02:00:00Z'), action: null }]],
			]),
		});
	});

	it('reads a CSV whose first column name carries a byte-order mark (Excel, Convert to File)', () => {
		const read = readContactLog([{ '\uFEFFcustomerId': 'A', contactedAt: '2025-06-30T02:00:00Z' }], SHANGHAI);
		expect('history' in read && read.history.get('A')).toHaveLength(1);
	});

	it('names the first row it cannot use and what to fix', () => {
		expect(readContactLog([{ customerId: 'A', contactedAt: '2025-06-30' }, { contactedAt: '2025-06-30' }], SHANGHAI)).toMatchObject({ error: 'Contact Log row 2 has no customerId' });
		expect(readContactLog([{ customerId: 'B' }], SHANGHAI)).toMatchObject({ error: 'Contact Log row 1 (customer B) has no contactedAt' });
		expect(readContactLog([{ customerId: 'B', contactedAt: 'soon' }], SHANGHAI)).toMatchObject({ error: expect.stringMatching(/^Contact Log row 1 \(customer B\): contactedAt /) });
	});

	it('counts a contact known from two sources once: same minute, and the same action when both say', () => {
		const at = Date.parse('2025-06-30T02:00:00Z');
		const remembered = [{ at, action: 'discountCoupon' as const }];
		expect(mergeContacts(remembered, [{ at: at + 30_000, action: 'discountCoupon' }])).toHaveLength(1);
		expect(mergeContacts(remembered, [{ at: at + 30_000, action: null }])).toHaveLength(1);
		expect(mergeContacts(remembered, [{ at, action: 'newArrivals' }])).toHaveLength(2);
		expect(mergeContacts(remembered, [{ at: at + 120_000, action: 'discountCoupon' }])).toHaveLength(2);
	});
});
