import { DEFAULT_COUNTRY_CODE } from '../fields/contactFields';
import { CleaningOptions } from './cleaningOptions';
import { TimeZone } from '../../values/timeZone';

/** Customer Data's defaults, for nodes that summarise orders themselves. */
export function defaultCleaningOptions(timeZone: TimeZone): CleaningOptions {
	return {
		dateOrder: 'ymd',
		timeZone,
		defaultCountryCode: DEFAULT_COUNTRY_CODE,
		decimalComma: false,
		minorUnits: false,
		refunds: 'subtract',
		zeroValueOrders: 'keep',
		serviceCouponCodes: [],
	};
}
