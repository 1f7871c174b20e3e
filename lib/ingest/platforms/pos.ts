import type { PlatformPreset } from './platformPreset';

/**
 * A point-of-sale item sales export in Square's layout (Items Detail), which other POS systems
 * copy: one row per item sold or refunded, the day and the time in two columns, each line's net
 * sales already after discounts, refunds as negative lines. Sales to no known customer (walk-ins)
 * have no customer ID and cannot be anyone's.
 */
export const POS: PlatformPreset = {
	id: 'pos',
	label: 'POS item sales export (Square layout)',
	source: "Square's Items Detail export: Date, Time, Time Zone, Category, Item, Qty, Price Point Name, SKU, Modifiers Applied, Gross Sales, Discounts, Net Sales, Tax, Transaction ID, Payment ID, Device Name, Notes, Details, Event Type, Location, Dining Option, Customer ID, Customer Name, Customer Reference ID, …",
	signature: ['Date', 'Time', 'Transaction ID', 'Net Sales', 'Event Type', 'Customer ID'],
	fields: {
		customerId: ['Customer ID', 'Customer Reference ID'],
		orderId: ['Transaction ID'],
		name: ['Customer Name'],
		productId: ['SKU'],
		productName: ['Item'],
		category: ['Category'],
		quantity: ['Qty'],
	},
	value: { line: 'Net Sales' },
	dateAndTime: { date: 'Date', time: 'Time' },
};
