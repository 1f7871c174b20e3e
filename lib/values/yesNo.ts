/*
 * Answers to "may we contact you / was it returned", as exports, CRMs and people write them.
 * Unknown words are no answer (null), never consent. Compared after NFKC (full-width ＳＴＯＰ is
 * STOP), lower-casing and turning spaces and dashes into underscores, with and without the
 * underscores. `t` is not a yes: in Chinese SMS practice 回T退订 makes T the unsubscribe reply.
 */
const TRUE_WORDS = new Set([
	'true', 'yes', 'y', '1', 'on', 'optin', 'opted_in', 'subscribed', 'subscribe', 'granted', 'consented', 'consent', 'agreed', 'agree', 'accepted', 'allow', 'allowed', 'x',
	'ja', 'oui', 'si', 'sí',
	'是', '已订阅', '订阅', '同意', '允许', '已退货', '已退款',
]);
const FALSE_WORDS = new Set([
	'false', 'f', 'no', 'n', '0', 'off', 'optout', 'opted_out', 'unsubscribed', 'unsubscribe', 'unsub', 'denied', 'declined', 'decline', 'refused', 'rejected',
	'revoked', 'withdrawn', 'withdraw', 'stop', 'stopped', 'do_not_contact', 'dnc', 'do_not_email', 'do_not_call', 'none', 'never', 'blocked', 'bounced',
	'nein', 'non', 'nee', 'nej', 'nie',
	'否', '未订阅', '不同意', '退订', '已退订', '取消订阅', '拒绝', '拒收', '不接收', '禁止',
]);
/** Words that withdraw consent wherever they stand in the answer ("unsubscribed 2024-05-01", "STOP!"). */
const OPT_OUT_TOKENS = new Set(['unsubscribed', 'unsubscribe', 'unsub', 'optout', 'opted_out', 'stop', 'stopped', 'revoked', 'withdrawn', 'dnc', 'do_not_contact', 'do_not_email', 'do_not_call']);
/** Chinese opt-outs inside longer answers (退订了, 已拒收): checked before the yes words, since 不同意 holds 同意. */
const OPT_OUT_PARTS = ['退订', '拒收', '取消订阅', '拒绝', '不接收', '禁止', '未订阅', '不同意', '勿扰'];

/** true / false, or null when the value does not say (unknown consent is not consent). */
export function parseFlag(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : null;
	if (typeof value !== 'string') return null;
	const lower = value.normalize('NFKC').trim().toLowerCase();
	if (OPT_OUT_PARTS.some((part) => lower.includes(part))) return false;
	// Punctuation around the answer says nothing ("Stop.", "yes!").
	const text = lower.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').replace(/[\s-]/g, '_');
	if (TRUE_WORDS.has(text) || TRUE_WORDS.has(text.replace(/_/g, ''))) return true;
	if (FALSE_WORDS.has(text) || FALSE_WORDS.has(text.replace(/_/g, ''))) return false;
	const tokens = text.split(/[_\p{P}\s]+/u).filter(Boolean);
	// "No thanks", "no, please": a no that opens the answer; an opt-out word anywhere in it.
	if (tokens.length > 1 && (FALSE_WORDS.has(tokens[0]) || tokens.some((t) => OPT_OUT_TOKENS.has(t)) || tokens.join('_').match(/opt(ed)?_out|do_not_/))) return false;
	return null;
}
