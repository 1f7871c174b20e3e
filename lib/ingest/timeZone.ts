/**
 * Wall-clock <-> instant conversion for IANA time zones without a date library: Intl gives the
 * zone's offset, cached per hour, so millions of rows cost a map look-up each rather than an
 * Intl call each.
 */
const MS_PER_HOUR = 3_600_000;

export function isValidTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

export class TimeZone {
	private readonly formatter: Intl.DateTimeFormat | undefined;
	private readonly offsetByHour = new Map<number, number>();

	constructor(readonly name: string) {
		if (!isValidTimeZone(name)) throw new Error(`"${name}" is not a known time zone (use an IANA name like Asia/Shanghai)`);
		const isUtc = /^(utc|etc\/utc|gmt|etc\/gmt|z)$/i.test(name);
		this.formatter = isUtc
			? undefined
			: new Intl.DateTimeFormat('en-US', {
					timeZone: name,
					hourCycle: 'h23',
					year: 'numeric',
					month: 'numeric',
					day: 'numeric',
					hour: 'numeric',
					minute: 'numeric',
					second: 'numeric',
				});
	}

	/** Offset of local time from UTC, in milliseconds, at the given instant. */
	offsetAt(utcMs: number): number {
		if (!this.formatter) return 0;
		const hour = Math.floor(utcMs / MS_PER_HOUR);
		let offset = this.offsetByHour.get(hour);
		if (offset === undefined) {
			const parts: Record<string, number> = {};
			for (const part of this.formatter.formatToParts(hour * MS_PER_HOUR)) {
				if (part.type !== 'literal') parts[part.type] = Number(part.value);
			}
			const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
			offset = asUtc - hour * MS_PER_HOUR;
			this.offsetByHour.set(hour, offset);
		}
		return offset;
	}

	/** The instant at which the zone's clocks show the given wall-clock time (as UTC fields). */
	wallClockToUtc(wallMs: number): number {
		const guess = wallMs - this.offsetAt(wallMs);
		const corrected = wallMs - this.offsetAt(guess);
		return corrected;
	}

	/** Days since 1970-01-01 of the local calendar date at an instant. */
	localDayNumber(utcMs: number): number {
		return Math.floor((utcMs + this.offsetAt(utcMs)) / 86_400_000);
	}
}
