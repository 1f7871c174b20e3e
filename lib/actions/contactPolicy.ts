import { Action, Channel } from './actionCatalog';
import { TimeZone } from '../values/timeZone';
import { MS_PER_DAY } from '../values/days';
import { Language } from '../values/language';
import { ReachProblem, WORDS } from '../words';

/**
 * The contact policy: who may be reached on which channel, how often, and when. Consent always
 * holds: a customer who opted out of a channel never reaches it, and with Require Opt-In an
 * unknown consent counts as no. CRM tasks go to the company's own staff, not to the customer,
 * so they need no consent.
 */
export interface Reach {
	email: string | null;
	phone: string | null;
	consent: { email: boolean | null; sms: boolean | null; push: boolean | null };
}

export interface ChannelPolicy {
	/** Channels in order of preference; the first the customer can be reached on is used. */
	order: readonly Channel[];
	requireOptIn: boolean;
}

export type ChannelChoice = { channel: Channel } | { reason: string };

function consentAllows(consent: boolean | null, requireOptIn: boolean): boolean {
	return consent === true || (consent === null && !requireOptIn);
}

/** Whether the customer can be reached on a channel, or why not. */
export function reachable(channel: Channel, reach: Reach, requireOptIn: boolean): true | ReachProblem {
	switch (channel) {
		case 'email':
			if (!reach.email) return 'noEmail';
			return consentAllows(reach.consent.email, requireOptIn) ? true : reach.consent.email === false ? 'optedOutEmail' : 'noEmailOptIn';
		case 'sms':
			if (!reach.phone) return 'noPhone';
			return consentAllows(reach.consent.sms, requireOptIn) ? true : reach.consent.sms === false ? 'optedOutSms' : 'noSmsOptIn';
		case 'push':
			return consentAllows(reach.consent.push, requireOptIn) ? true : reach.consent.push === false ? 'optedOutPush' : 'noPushOptIn';
		case 'crm':
			return true;
	}
}

/**
 * The channel for an action, among the channels of the policy that the action allows: the
 * rule's preferred one first, then the policy's order. A preferred channel the policy does not
 * use is not used: the Channel Order says which channels the business runs.
 */
export function chooseChannel(allowed: readonly Channel[], preferred: Channel | undefined, reach: Reach, policy: ChannelPolicy, language: Language = 'en'): ChannelChoice {
	const usable = policy.order.filter((c) => allowed.includes(c));
	const order = preferred && usable.includes(preferred) ? [preferred, ...usable.filter((c) => c !== preferred)] : usable;
	const problems: ReachProblem[] = [];
	for (const channel of order) {
		const ok = reachable(channel, reach, policy.requireOptIn);
		if (ok === true) return { channel };
		problems.push(ok);
	}
	const words = WORDS[language].suppression;
	if (order.length === 0) return { reason: words.noChannelInOrder(allowed) };
	return { reason: words.cannotBeReached(problems) };
}

export interface PastContact {
	at: number;
	/** null for a contact known only from lastContactedAt (another tool made it). */
	action: Action | null;
}

export interface CapPolicy {
	/** At most this many contacts in any window of windowDays (0: no cap). */
	maxContacts: number;
	windowDays: number;
	/** The same action not again within this many days (0: no cooldown). */
	cooldownDays: number;
}


export type CapVerdict = { ok: true } | { reason: string; nextEligibleAt: number };

/**
 * Whether one more contact at `at` (when it goes out, after quiet hours) keeps within the
 * frequency cap and the action's cooldown. Every known contact counts, also one scheduled for
 * later (a run at 22:00 schedules for 09:00 next morning; a run at 23:59 must see it).
 */
export function checkCaps(history: readonly PastContact[], action: Action, at: number, policy: CapPolicy, language: Language = 'en'): CapVerdict {
	const words = WORDS[language].suppression;
	const known = [...history].sort((x, y) => x.at - y.at);
	if (policy.cooldownDays > 0) {
		const cooldown = policy.cooldownDays * MS_PER_DAY;
		const same = known.filter((c) => c.action === action && Math.abs(at - c.at) < cooldown);
		if (same.length) {
			const latest = same[same.length - 1];
			const when = latest.at >= at ? { scheduledFor: new Date(latest.at).toISOString() } : { daysAgo: Math.floor((at - latest.at) / MS_PER_DAY) };
			return { reason: words.cooldown(when, policy.cooldownDays), nextEligibleAt: latest.at + cooldown };
		}
	}
	if (policy.maxContacts > 0) {
		const window = policy.windowDays * MS_PER_DAY;
		const inWindow = known.filter((c) => at - c.at < window);
		if (inWindow.length >= policy.maxContacts) {
			// Eligible again when enough of the window's contacts have aged out of it.
			const freeing = inWindow[inWindow.length - policy.maxContacts];
			const scheduled = inWindow.filter((c) => c.at >= at).length;
			return {
				reason: words.frequencyCap(inWindow.length, policy.windowDays, scheduled, policy.maxContacts),
				nextEligibleAt: freeing.at + window,
			};
		}
	}
	return { ok: true };
}

export interface QuietHours {
	/** Minutes after local midnight; start > end wraps midnight (21:00-09:00). */
	startMinute: number;
	endMinute: number;
}

/** "21:00" as minutes after midnight, or null when not a time of day. */
export function parseClock(text: string): number | null {
	const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (!m || +m[1] > 23 || +m[2] > 59) return null;
	return +m[1] * 60 + +m[2];
}

/**
 * When quiet hours hold at `now` in the customer's zone, the instant they end (the customer is
 * still contacted, with nextEligibleAt saying when); null outside quiet hours.
 */
export function quietUntil(now: number, zone: TimeZone, quiet: QuietHours): number | null {
	if (quiet.startMinute === quiet.endMinute) return null;
	const localMs = now + zone.offsetAt(now);
	const minute = Math.floor((((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
	const wraps = quiet.startMinute > quiet.endMinute;
	const inside = wraps ? minute >= quiet.startMinute || minute < quiet.endMinute : minute >= quiet.startMinute && minute < quiet.endMinute;
	if (!inside) return null;
	const localDay = Math.floor(localMs / MS_PER_DAY);
	const endDay = minute >= quiet.endMinute ? localDay + 1 : localDay;
	return zone.wallClockToUtc(endDay * MS_PER_DAY + quiet.endMinute * 60_000);
}
