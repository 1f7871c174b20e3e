/**
 * The per-customer record every node reads and writes. Field names follow the package's
 * conventions (DESIGN.md) so `{{ $json.email }}` works downstream.
 */
export interface ModelInputs {
	/** Repeat purchase days: distinct purchase days - 1 (the literature's x). */
	frequency: number;
	/** Days from the first to the last purchase (t_x). */
	recency: number;
	/** Days from the first purchase to the analysis date (T). */
	T: number;
	/** Mean spend of the repeat purchase days; 0 when there were none. */
	monetaryValue: number;
}

export interface CustomerSignals {
	/** Repeat orders bought on promotion (the first order's welcome offer and the shop's service codes do not count). */
	discountedOrders: number;
	/** discountedOrders as a share of the repeat orders. */
	discountShare: number;
	/** Whether the latest purchase was a repeat order bought on promotion. */
	lastOrderDiscounted: boolean;
	returnedOrders: number;
	returnRate: number;
	refunds: number;
	complaints: number;
	avgSatisfaction: number | null;
	lastSatisfaction: number | null;
	distinctProducts: number;
}

/**
 * Activity in the last `windowDays` before the analysis date against the window before it.
 * A trend is the symmetric relative change (recent - previous) / ((recent + previous) / 2):
 * 0 when flat, +2 when all activity is recent, -2 when none is.
 */
export interface ActivityTrend {
	windowDays: number;
	recentOrders: number;
	previousOrders: number;
	recentSpend: number;
	previousSpend: number;
	orderTrend: number;
	spendTrend: number;
}

/** One gap between purchase days: how long, and how many days before the analysis date it ended. */
export interface GapRecord {
	days: number;
	endedDaysAgo: number;
}

/** A product in a customer's kept (not returned) order lines. */
export interface ProductCount {
	productId: string | null;
	productName: string | null;
	category: string | null;
	/** Units bought (1 per line when the data has no quantity). */
	quantity: number;
	/** Orders that held it. */
	orders: number;
	spend: number;
}

export interface CustomerSummary {
	customerId: string;
	email: string | null;
	phone: string | null;
	firstName: string | null;
	lastName: string | null;
	name: string | null;
	crmIds: { hubspot?: string; salesforce?: string; pipedrive?: string };
	consent: { email: boolean | null; sms: boolean | null; push: boolean | null };
	timezone: string | null;
	lastContactedAt: string | null;
	currency: string | null;
	orders: number;
	repeatOrders: number;
	firstOrderAt: string | null;
	lastOrderAt: string | null;
	recencyDays: number | null;
	tenureDays: number | null;
	totalSpend: number;
	avgOrderValue: number | null;
	avgRepeatOrderValue: number | null;
	avgDaysBetweenOrders: number | null;
	/** Days between the last two purchase days (a long one means the customer came back). */
	lastGapDays: number | null;
	/**
	 * The gaps a comeback is judged on: newest first, each longer than every gap that ended
	 * after it, so the longest gap that ended within any recent window is the last entry inside
	 * it. Empty for a customer who bought on one day only.
	 */
	longestGaps: GapRecord[];
	/** The distinct purchase days, oldest first, as YYYY-MM-DD dates joined by commas (what a backtest splits). */
	purchaseDates?: string;
	trend: ActivityTrend | null;
	signals: CustomerSignals;
	/** Products of the kept order lines, most bought first; null when the data names no product. */
	products: ProductCount[] | null;
	modelInputs: ModelInputs;
	analysisDate: string;
	dataIssues?: string[];
}
