/**
 * How many SMS segments a text costs: GSM 03.38 (7-bit) texts fit 160 characters in one
 * segment and 153 per segment when split; anything else goes as UCS-2, 70 and 67 UTF-16 code
 * units. Characters of the GSM extension table (like € or [) take two septets.
 */
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SmsLength {
	encoding: 'GSM-7' | 'UCS-2';
	/** Septets (GSM-7) or UTF-16 code units (UCS-2). */
	units: number;
	segments: number;
}

export function smsLength(text: string): SmsLength {
	let septets = 0;
	for (const ch of text) {
		if (BASIC.has(ch)) septets += 1;
		else if (EXTENDED.has(ch)) septets += 2;
		else return ucs2(text);
	}
	return { encoding: 'GSM-7', units: septets, segments: septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

function ucs2(text: string): SmsLength {
	const units = text.length;
	return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}
