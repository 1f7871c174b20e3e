import { DateOrder } from '../../values/parseDate';
import { MoneyOptions } from '../../values/parseMoney';
import { TimeZone } from '../../values/timeZone';

export interface CleaningOptions extends MoneyOptions {
	dateOrder: DateOrder;
	timeZone: TimeZone;
	defaultCountryCode: string;
	/** Refunds (negative amounts, returned flags) reduce spend, or are left out. */
	refunds: 'subtract' | 'exclude';
	zeroValueOrders: 'keep' | 'exclude';
	/** Coupon codes the shop gives as service, not price ("WELCOME10, BACK*"): not counted as promotions. */
	serviceCouponCodes: readonly string[];
}
