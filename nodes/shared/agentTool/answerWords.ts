/** The small words the tools' English answers share. */
export const daysInWords = (n: unknown) => `${String(n)} day${n === 1 ? '' : 's'}`;
export const percentInWords = (x: unknown) => `${Math.round(Number(x) * 100)}%`;
