/** Milliseconds in a calendar day (UTC days: a zone's offset is applied before dividing). */
export const MS_PER_DAY = 86_400_000;
