/**
 * The instant of a text exactly as toISOString writes it (YYYY-MM-DDTHH:MM:SS.mmmZ, a real
 * calendar date and time), else NaN. Read digit by digit: Date.parse and toISOString per value
 * took two seconds on a million customers' first and last orders.
 */
export function canonicalInstant(text: string): number {
	if (text.length !== 24 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || text.charCodeAt(19) !== 46 || text.charCodeAt(23) !== 90) return NaN;
	const digits = (from: number, to: number) => {
		let n = 0;
		for (let i = from; i < to; i++) {
			const d = text.charCodeAt(i) - 48;
			if (d < 0 || d > 9) return NaN;
			n = n * 10 + d;
		}
		return n;
	};
	const year = digits(0, 4);
	const month = digits(5, 7);
	const day = digits(8, 10);
	const hour = digits(11, 13);
	const minute = digits(14, 16);
	const second = digits(17, 19);
	const ms = digits(20, 23);
	if (!(month >= 1 && month <= 12 && hour <= 23 && minute <= 59 && second <= 59 && day >= 1)) return NaN;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const monthDays = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
	if (day > monthDays || Number.isNaN(ms)) return NaN;
	if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
	// Date.UTC reads years 0-99 as 1900-1999: set the full year after.
	return new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms)).setUTCFullYear(year);
}
