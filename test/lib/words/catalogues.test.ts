import * as fs from 'fs';
import * as path from 'path';
import { BUSINESS_TYPES } from '../../../lib/actions/businessTypes';
import type { Evidence } from '../../../lib/actions/causes';
import { defaultPlaybook } from '../../../lib/actions/playbook';
import { LANGUAGES } from '../../../lib/values/language';
import { WORDS, Words } from '../../../lib/words';
import { REPOSITORY_ROOT, sourceFiles } from '../../helpers/sourceFiles';

/*
 * One catalogue per language (lib/words): every word and sentence the nodes write for a person
 * comes from it. Its Chinese has no English left in it, its English no Chinese, the built-in
 * playbook's notes are all translated, and no other module writes Chinese of its own.
 */

const EVIDENCE: Evidence[] = [
	{ kind: 'given', text: '价格太高' },
	{ kind: 'complaints', count: 2 },
	{ kind: 'returns', share: 0.4 },
	{ kind: 'satisfaction', score: 2.1 },
	{ kind: 'promotions', count: 3, of: 4, share: 0.75 },
	{ kind: 'promotionThenSilence', days: 80, gap: 30 },
	{ kind: 'oneOrder', days: 40 },
	{ kind: 'abruptStop', orders: 6, gap: 20, days: 70 },
	{ kind: 'orderTrend', value: -0.6 },
	{ kind: 'spendTrend', value: -0.7 },
	{ kind: 'longGap', last: 60, gap: 25 },
	{ kind: 'lastContacted', days: 120 },
	{ kind: 'notAtRisk', days: 10, gap: 30 },
	{ kind: 'notAtRisk', days: null, gap: null },
	{ kind: 'noSign' },
];

/** Every text a catalogue can write: its words, and its sentences made with sample figures (IDs and names that are neither English nor Chinese words). */
function everythingWritten(w: Words): Array<[string, string]> {
	const out: Array<[string, string]> = [];
	const walk = (value: unknown, where: string) => {
		if (typeof value === 'string') out.push([where, value]);
		else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
	};
	const { evidence, stageReasons: r, suppression: s, crmTask, report, answers, locale: _locale, ...plain } = w;
	walk(plain, 'words');
	walk(report.html, 'report.html');
	walk(report.overall, 'report.overall');
	walk(report.dimensions, 'report.dimensions');
	walk(report.method, 'report.method');
	for (const e of EVIDENCE) out.push([`evidence.${e.kind}`, evidence(e)]);
	for (const [key, value] of Object.entries(r)) if (typeof value === 'string') out.push([`stageReasons.${key}`, value]);
	const made: Array<[string, string]> = [
		['noOrderForOverLimit', r.noOrderForOverLimit(400, 365)],
		['noOrderForOverBand', r.noOrderForOverBand(200, 180)],
		['churnProbability', r.churnProbability('0.91', 0.8)],
		['overdue', r.overdue(90, 3, true, 30, 2)],
		['overdue', r.overdue(90, 3, false, 30, 2)],
		['cameBack gaps', r.cameBack(5, 200, { kind: 'gaps', gaps: 4, usualDays: 30 })],
		['cameBack band', r.cameBack(5, 200, { kind: 'band', days: 180 })],
		['cameBack limit', r.cameBack(5, 400, { kind: 'limit', days: 365 })],
		['firstOrder', r.firstOrder(10, 30)],
		['ordersOnCadence', r.ordersOnCadence(7)],
		['segmentOnCadence', r.segmentOnCadence('Champions')],
		['exploring', r.exploring(1, 20)],
		['exploring', r.exploring(2, null)],
		['trends', r.trends('+0.60', '+0.55', true)],
		['suppression.playbook', s.playbook(w.playbookNotes['on cadence: nothing needed, save the budget'] ?? 'on cadence: nothing needed, save the budget')],
		['suppression.noChannelInOrder', s.noChannelInOrder(['email', 'sms'])],
		['suppression.cannotBeReached', s.cannotBeReached(['noEmail', 'optedOutSms', 'noPushOptIn'])],
		['suppression.cooldown', s.cooldown({ daysAgo: 3 }, 14)],
		['suppression.cooldown', s.cooldown({ scheduledFor: '2025-07-01' }, 14)],
		['suppression.frequencyCap', s.frequencyCap(2, 30, 1, 2)],
		['suppression.notWorthIt', s.notWorthIt(-0.4, 0.02, 12, 0.64)],
		['suppression.notWorthItExploreSpent', s.notWorthItExploreSpent(-0.4)],
		['suppression.budgetUsedUp', s.budgetUsedUp(500)],
		['report.controlBasis', report.controlBasis('same', report.dimensions.action)],
		['report.controlBasis', report.controlBasis('all', report.dimensions.action)],
		['report.churnAlert', report.churnAlert('31.0%', true, '18.0%', '26.5%', 6, 30)],
		...(['noControl', 'lift', 'drop', 'noEffect'] as const).map((kind): [string, string] => [`report.verdict.${kind}`, report.verdict({ kind })]),
		['report.verdict.tooFew', report.verdict({ kind: 'tooFew', needed: 320 })],
		['answers.noCustomerGiven', answers.noCustomerGiven],
		['answers.noCustomerMatches', answers.noCustomerMatches('K7')],
		['answers.severalCustomersMatch', answers.severalCustomersMatch('13900000000', 7, ['K7', 'K8', 'K9'])],
		['answers.noSuchCampaign', answers.noSuchCampaign('Q3', ['Q1', 'Q2'])],
		['answers.noSuchCampaign', answers.noSuchCampaign('Q3', [])],
		['answers.stage', answers.stage({ customerId: 'K7', stage: w.stages.atRisk, reason: r.onCadence, churnPercent: 62 })],
		...(['treatment', 'control', 'holdout', null] as const).map((group): [string, string] => [
			`answers.action.${group}`,
			answers.action({ customerId: 'K7', group, channel: 'sms', actionLabel: w.actions.discountCoupon, cause: 'priceSensitive', causeEvidence: evidence(EVIDENCE[4]), discountPct: 15, upliftPoints: '8.0', expectedValue: '12.40', explore: true, title: null, suppressionReason: s.controlGroup }),
		]),
		['answers.campaign', answers.campaign({ campaign: '', windowDays: 30, treatment: { customers: 10, reactivated: 4, rate: '40.0%' }, control: { customers: 10, reactivated: 1, rate: '10.0%' }, uplift: { points: '+30.0', low: '-8.7', high: '+62.0', p: '= 0.121' }, verdict: report.verdict({ kind: 'lift' }), revenue: { estimate: '300.00', low: '-75.30', high: '675.30' } })],
	];
	const task = crmTask({ who: 'K7', customerId: 'K7', name: null, cause: 'competition', riskLevel: 'high', value: 320, actionLabel: w.actions.vipOutreach, stage: 'atRisk', churnProbability: 0.71, causeEvidence: evidence(EVIDENCE[7]), contact: '', playbookRule: null });
	made.push(['crmTask.subject', task.subject], ['crmTask.body', task.body]);
	return [...out, ...made];
}

/** Words a Chinese text may keep: acronyms, a method's and a package's names, the placeholders. */
const KEPT_IN_CHINESE = new Set(['VIP', 'CRM', 'RFM', 'SMS', 'AUC', 'Welch', 'Brier', 'Mee']);

describe('one catalogue per language', () => {
	it('has every language the nodes offer', () => {
		expect(Object.keys(WORDS).sort()).toEqual([...LANGUAGES].sort());
	});

	it('leaves no English word in what the Chinese catalogue writes', () => {
		const english = everythingWritten(WORDS['zh-CN'])
			.map(([where, text]) => [where, text.replace(/\{\w+\}/g, ' ').replace(/n8n-nodes-retention/g, ' ')] as const)
			.flatMap(([where, text]) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !KEPT_IN_CHINESE.has(word)).map((word) => `${where}: ${word}`));
		expect(english).toEqual([]);
	});

	it('leaves no Chinese in what the English catalogue writes, but the Chinese customers gave', () => {
		const chinese = everythingWritten(WORDS.en)
			.filter(([where]) => where !== 'evidence.given')
			.filter(([, text]) => /[\u4e00-\u9fff]/.test(text))
			.map(([where, text]) => `${where}: ${text}`);
		expect(chinese).toEqual([]);
	});

	it('translates the note of every built-in playbook rule', () => {
		const notes = new Set(BUSINESS_TYPES.flatMap((business) => defaultPlaybook(business).map((rule) => rule.note)));
		expect([...notes].filter((note) => !(note in WORDS['zh-CN'].playbookNotes))).toEqual([]);
		expect(Object.keys(WORDS['zh-CN'].playbookNotes).filter((note) => !notes.has(note))).toEqual([]);
	});

	it('is where the nodes get every Chinese text they write: other modules hold Chinese only to read it', () => {
		// Modules that read Chinese: column names, statuses, yes/no, dates, money, causes as people
		// write them, lists split on a full-width comma, a reason's kind up to its full-width colon,
		// event types and columns, the words of a review; and the editor's own descriptions.
		const READERS = [
			/^lib\/ingest\//,
			/^lib\/values\/(yesNo|parseDate|parseMoney|language)\.ts$/,
			/^lib\/customer\/fieldCatalog\.ts$/,
			/^lib\/actions\/churnCause\.ts$/,
			/^lib\/engagement\/(eventColumns|eventKinds|reviewSentiment)\.ts$/,
			/^nodes\/CustomerData\/customerDataOptions\.ts$/,
			/^nodes\/RetentionAction\/RetentionAction\.node\.ts$/,
			/^nodes\/.*Description\.ts$/,
		];
		const writers = [...sourceFiles('lib'), ...sourceFiles('nodes')]
			.filter((file) => !file.startsWith('lib/words/') && !READERS.some((reader) => reader.test(file)))
			.filter((file) => {
				const code = fs.readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
				return /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(code);
			});
		expect(writers).toEqual([]);
	});
});
