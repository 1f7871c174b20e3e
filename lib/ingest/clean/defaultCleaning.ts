import { CleaningOptions } from './cleaningOptions';
import { TimeZone } from '../../values/timeZone';

/** Customer Data's defaults, for nodes that summarise orders themselves. */
export function defaultCleaningOptions(timeZone: TimeZone): CleaningOptions {
	return {
		dateOrder: 'ymd',
		timeZone,
		defaultCountryCode: '86',
		decimalComma: false,
		minorUnits: false,
		refunds: 'subtract',
		zeroValueOrders: 'keep',
	};
}
