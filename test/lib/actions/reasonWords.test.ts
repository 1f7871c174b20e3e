import { defaultPlaybook } from '../../../lib/actions/playbook';
import { BUSINESS_TYPES } from '../../../lib/actions/businessTypes';
import { ruleNote } from '../../../lib/actions/playbookNotes';
import { checkCaps, chooseChannel } from '../../../lib/actions/contactPolicy';
import { WORDS } from '../../../lib/words';

/*
 * Retention Action's words for people, in each language: the built-in playbook's notes and the
 * reasons a customer is left alone. A Chinese reason holds no English word; a user's own rule
 * keeps the words the user wrote.
 */

const english = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !['VIP', 'CRM', 'FMCG', 'SMS'].includes(word));

describe("the playbook's notes", () => {
	it('has every built-in rule of every business type in Chinese', () => {
		const untranslated = BUSINESS_TYPES.flatMap((business) => defaultPlaybook(business).filter((rule) => english(ruleNote(rule, 'zh-CN')).length > 0).map((rule) => `${business}: ${rule.note}`));
		expect(untranslated).toEqual([]);
	});

	it("keeps a user's own note as written, in either language", () => {
		const own = { note: 'our spring promo', action: 'newArrivals' as const };
		expect(ruleNote(own, 'zh-CN')).toBe('our spring promo');
		expect(ruleNote(own, 'en')).toBe('our spring promo');
	});
});

describe('why a customer is left alone', () => {
	const reach = { email: null, phone: '+8613800138000', consent: { email: null, sms: false, push: null } };
	const policy = { order: ['email', 'sms', 'push'] as Array<'email' | 'sms' | 'push'>, requireOptIn: true };

	it('says who cannot be reached, and why on each channel, in the run’s language', () => {
		expect(chooseChannel(['email', 'sms', 'push'], undefined, reach, policy)).toEqual({ reason: 'cannot be reached: no email address, opted out of SMS, no push opt-in' });
		expect(chooseChannel(['email', 'sms', 'push'], undefined, reach, policy, 'zh-CN')).toEqual({ reason: '无法触达：没有邮箱，已退订短信，未同意接收推送' });
		expect(chooseChannel(['crm'], undefined, reach, policy, 'zh-CN')).toEqual({ reason: '渠道顺序中没有此动作可用的渠道：此动作通过CRM 任务触达' });
	});

	it('names the cap that holds, with its figures, in the run’s language', () => {
		const day = 86_400_000;
		const at = Date.UTC(2024, 6, 1);
		const cooldown = checkCaps([{ at: at - 5 * day, action: 'discountCoupon' }], 'discountCoupon', at, { maxContacts: 0, windowDays: 30, cooldownDays: 14 }, 'zh-CN');
		expect(cooldown).toMatchObject({ reason: '同一动作冷却中：5 天前已做过（冷却期 14 天）' });
		const capped = checkCaps([{ at: at - 2 * day, action: null }, { at: at + day, action: null }], 'newArrivals', at, { maxContacts: 2, windowDays: 30, cooldownDays: 0 }, 'zh-CN');
		expect(capped).toMatchObject({ reason: '触达次数已满：近 30 天已触达 2 次（其中 1 次已安排）（上限 2 次）' });
	});

	it('has every reason in both languages, the Chinese ones without English', () => {
		const samples = (language: 'en' | 'zh-CN') => {
			const w = WORDS[language].suppression;
			return [
				w.listedAgain,
				w.playbook('x'),
				w.noRuleMatched,
				w.noChannelInOrder(['email', 'sms']),
				w.cannotBeReached(['noEmail', 'optedOutEmail', 'noEmailOptIn', 'noPhone', 'optedOutSms', 'noSmsOptIn', 'optedOutPush', 'noPushOptIn']),
				w.cooldown({ scheduledFor: '2024-07-01' }, 14),
				w.frequencyCap(3, 30, 1, 2),
				w.notWorthIt(-1, 0.01, 100, 5),
				w.notWorthItExploreSpent(-1),
				w.budgetUsedUp(500),
				w.globalHoldout,
				w.controlGroup,
			];
		};
		expect(samples('zh-CN').flatMap((text) => english(text.replace('x', '')))).toEqual([]);
	});
});
