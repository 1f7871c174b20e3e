import type { OrderField } from '../../customer/fieldCatalog';

export type PlatformId = 'shopify' | 'wooCommerce' | 'youzan' | 'taobao' | 'jd' | 'pos';

/** A status (or a filled cancellation column) that makes an order no purchase, and why in words. */
export interface NotAPurchase {
	/** Values of the status column, compared case-insensitively after trimming. */
	readonly values: readonly string[];
	readonly why: string;
}

/**
 * What the order is worth. `paid` is an order-level column (what the customer paid for the
 * whole order), net of the first `refunded` column the export has; it is shared out over the order's
 * lines in proportion to their value, so the order counts once and each product keeps its
 * share. `line` is a per-line amount that already adds up to the order (a POS's net sales).
 */
export type OrderValue = { readonly paid: string; readonly refunded?: readonly string[] } | { readonly line: string };

/**
 * One platform's order export as it comes: which columns hold which field, which of them the
 * export writes once per order, which statuses are no purchase. Column names are matched
 * against the header after normalisation (case, spaces, punctuation), as fields are detected.
 */
export interface PlatformPreset {
	readonly id: PlatformId;
	/** The export's name for the user: "Shopify orders export". */
	readonly label: string;
	/** Where the column list comes from, for whoever checks or extends the preset. */
	readonly source: string;
	/** Columns every export of this kind has: the preset is recognised when the header has all of them. */
	readonly signature: readonly string[];
	/** Field -> the columns that may hold it; on each order the first one with a value wins. */
	readonly fields: Readonly<Partial<Record<Exclude<OrderField, 'amount' | 'returned'>, readonly string[]>>>;
	readonly value: OrderValue;
	/** Line-level fields beyond the product ones (a POS writes its discount per line). */
	readonly lineFields?: readonly OrderField[];
	/** The order's status column and the statuses that are no purchase. */
	readonly status?: { readonly column: string; readonly notPurchases: readonly NotAPurchase[] };
	/** A column that, when filled, says the order was cancelled. */
	readonly cancelledAt?: string;
	/**
	 * Columns with the order's country as an ISO 3166 code (US, GB): a phone written without its
	 * country code is read in that country rather than in Default Country Code's.
	 */
	readonly phoneCountry?: readonly string[];
	/** An export that writes the day and the time of day in two columns. */
	readonly dateAndTime?: { readonly date: string; readonly time: string };
}
