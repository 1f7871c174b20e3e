import type { PlatformPreset } from './platformPreset';

/**
 * Shopify's orders export (Orders > Export). An order with several line items takes one row per
 * item; only the first carries the order's fields (totals, dates, statuses, billing), later rows
 * repeat just Name and Email. An order placed without an email (at a POS) is known by its phone.
 */
export const SHOPIFY: PlatformPreset = {
	id: 'shopify',
	label: 'Shopify orders export',
	source: "Shopify Help Center, 'Exporting orders': the order CSV's columns and how multi-item orders are written",
	signature: ['Name', 'Email', 'Financial Status', 'Created at', 'Lineitem name', 'Lineitem quantity', 'Lineitem price'],
	fields: {
		customerId: ['Email', 'Phone', 'Billing Phone', 'Shipping Phone'],
		orderId: ['Name'],
		orderDate: ['Created at'],
		currency: ['Currency'],
		email: ['Email'],
		phone: ['Phone', 'Billing Phone', 'Shipping Phone'],
		name: ['Billing Name', 'Shipping Name'],
		consentEmail: ['Accepts Marketing', 'Accepts Email Marketing'],
		consentSms: ['Accepts SMS Marketing'],
		discountAmount: ['Discount Amount'],
		couponCode: ['Discount Code'],
		productId: ['Lineitem sku'],
		productName: ['Lineitem name'],
		quantity: ['Lineitem quantity'],
		unitPrice: ['Lineitem price'],
	},
	value: { paid: 'Total', refunded: ['Refunded Amount'] },
	cancelledAt: 'Cancelled at',
	phoneCountry: ['Billing Country', 'Shipping Country'],
	status: {
		column: 'Financial Status',
		notPurchases: [
			{ values: ['voided'], why: 'the payment was voided' },
			{ values: ['expired'], why: 'the payment expired unpaid' },
		],
	},
};
