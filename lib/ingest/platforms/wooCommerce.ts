import type { PlatformPreset } from './platformPreset';

/**
 * WooCommerce orders as "Advanced Order Export For WooCommerce" writes them with its default
 * fields (WooCommerce itself exports no order file): one row per product, the order's fields
 * repeated or left blank on later rows depending on a setting, so both are read.
 */
export const WOO_COMMERCE: PlatformPreset = {
	id: 'wooCommerce',
	label: 'WooCommerce orders export',
	source: "The default field list of the 'Advanced Order Export For WooCommerce' plugin (wordpress.org/plugins/woo-order-export-lite) and WooCommerce's order statuses",
	signature: ['Order Number', 'Order Status', 'Order Date', 'Order Total Amount'],
	fields: {
		// Not the customer user ID: every guest checkout has 0 there.
		customerId: ['Email (Billing)', 'Phone (Billing)'],
		orderId: ['Order Number'],
		orderDate: ['Order Date'],
		currency: ['Order Currency', 'Currency'],
		email: ['Email (Billing)'],
		phone: ['Phone (Billing)'],
		firstName: ['First Name (Billing)'],
		lastName: ['Last Name (Billing)'],
		discountAmount: ['Cart Discount Amount'],
		couponCode: ['Coupon Code'],
		productId: ['SKU', 'Product ID'],
		productName: ['Item Name'],
		quantity: ['Quantity (- Refund)', 'Quantity'],
		unitPrice: ['Item Cost'],
	},
	value: { paid: 'Order Total Amount', refunded: ['Order Refund Amount'] },
	phoneCountry: ['Country Code (Billing)', 'Country Code (Shipping)'],
	status: {
		column: 'Order Status',
		notPurchases: [
			{ values: ['cancelled', 'wc-cancelled'], why: 'the order was cancelled' },
			{ values: ['failed', 'wc-failed'], why: 'the payment failed' },
			{ values: ['pending', 'pending payment', 'wc-pending'], why: 'the order is not paid' },
			{ values: ['checkout-draft', 'draft'], why: 'the checkout was never finished' },
			{ values: ['trash'], why: 'the order was deleted' },
		],
	},
};
