import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { ContactHistory, mergeContacts, readContactLog } from '../../lib/actions/contactLog';
import { contactsOf, loadContactMemory, prune, remember, storedContactMemory } from '../../lib/actions/contactMemory';
import { CustomerSource, planRetention, PlanTotals, RetentionDecision, Route, winBackValue } from '../../lib/actions/retentionPlan';
import { DecisionStore } from '../../lib/actions/retentionDecision';
import { WORDS } from '../../lib/words';
import type { Language } from '../../lib/values/language';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { parseResponseModel, RESPONSE_MODEL_KIND, ResponseModel } from '../../lib/response/responseModel';
import { RetentionFacts, retentionFactsFromFields, retentionFactsFromRecord, retentionOutlookFromFields } from '../../lib/actions/retentionFacts';
import { consentFieldsAmong } from '../../lib/actions/consentOfRecord';
import { DateOrder, parseDate } from '../../lib/values/parseDate';
import { TimeZone } from '../../lib/values/timeZone';
import { asNodeError, failEveryItemOnContinue, forEachPosition, linkedItem, readEachItem } from '../shared/linkedItems';
import { optionalInput } from '../shared/optionalInput';
import { customerBaseItem, errorsBesideBase, readCustomerBase, readOutputAs } from '../shared/customerBaseItems';
import { retentionActionProperties } from './RetentionActionDescription';
import { readRetentionSettings, RetentionParameters } from './retentionSettings';
import { actionFacts, actionInWords } from './actionAnswer';
import { isToolCall, toolVersion } from '../shared/agentTool/toolCall';
import { ordersFileCustomers } from '../shared/agentTool/ordersFileCustomers';
import { askedCustomer, toolAnswer } from '../shared/agentTool/askedCustomer';
import { modelOfFile, scoreRecords } from '../ChurnRisk/scoreRecords';
import { defaultChurnRiskSettings } from '../ChurnRisk/churnRiskSettings';
import { stagedRecords } from '../LifecycleStage/placeStage';
import { defaultStageSettings } from '../LifecycleStage/lifecycleSettings';

const ROUTES: readonly Route[] = ['email', 'sms', 'push', 'crm', 'none'];
const ROUTE_NAMES: Record<Route, string> = { email: 'Email', sms: 'SMS', push: 'Push', crm: 'CRM Task', none: 'No Action' };

/** What the node adds comes first after customerId, so it shows in the output table. */
function outputRecord(decision: RetentionDecision, json: IDataObject): IDataObject {
	// Filled field by field: a copy of the decision grown by the record's fields took 3 times as long.
	const out: IDataObject = {};
	for (const key in decision) out[key] = decision[key as keyof RetentionDecision] as IDataObject[string];
	for (const key in json) if (!(key in decision)) out[key] = json[key];
	return out;
}

export class RetentionAction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Retention Action',
		name: 'retentionAction',
		icon: { light: 'file:retentionAction.svg', dark: 'file:retentionAction.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		usableAsTool: toolVersion('Suggest the win-back action for one customer (by customer ID, email or phone): why they may be leaving, the action, channel and offer, and its expected effect; or why they should not be contacted. Sends nothing', 'suggests, sends nothing'),
		subtitle: '={{ $parameter["campaignId"] }}',
		description: 'Decide why each customer is leaving and the right action, channel and message, under a contact policy with a control group',
		defaults: { name: 'Retention Action' },
		// Both optional: earlier contacts from any workflow, for the caps; and the response Campaign
		// Report measured, which replaces the planning uplifts in proportion to the evidence.
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Customers' },
			{ type: NodeConnectionTypes.Main, displayName: 'Contact Log' },
			{ type: NodeConnectionTypes.Main, displayName: 'Measured Results' },
		],
		outputs: ROUTES.map((route) => ({ type: NodeConnectionTypes.Main, displayName: ROUTE_NAMES[route] })),
		properties: retentionActionProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (isToolCall(this)) return await answerAsTool.call(this);
		return await failEveryItemOnContinue(this, items, { outputs: ROUTES.length, errorOutput: ROUTES.indexOf('none') }, async () => await decideActions.call(this, items));
	}
}

/**
 * As an agent's tool: what this campaign would do for the asked customer and why. The plan is
 * made for every customer of the Orders File (scored with Churn Risk's defaults or the Saved
 * Model File, placed in retail stages), since the budget and the value tiers rank customers
 * against each other; nothing is sent and no contact is remembered.
 */
async function answerAsTool(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const zone = new TimeZone(this.getTimezone() || 'UTC');
	// The customers as of the day the messages would go out, as the plan sees them.
	const context = { analysisDay: zone.localDayNumber(sendTimeOf(this, zone)), zone };
	const savedModel = await modelOfFile(this);
	const customers = await ordersFileCustomers(this, zone, context.analysisDay);
	const language = this.getNodeParameter('language', 0, 'en') as Language;
	const asked = askedCustomer(this, customers, language);
	if ('answer' in asked) return [[asked.answer]];
	const { scored } = await scoreRecords(this, customers, defaultChurnRiskSettings(), savedModel, context);
	let staged: IDataObject[];
	try {
		staged = stagedRecords(scored, defaultStageSettings(), context);
	} catch (error) {
		throw asNodeError(this, error);
	}
	const outputs = await decideActions.call(
		this,
		staged.map((json, item) => ({ json, pairedItem: { item } })),
		'suggestOnly',
	);
	const decision = outputs.flat().find((item) => item.json.customerId === asked.customer.customerId);
	if (!decision) throw new NodeOperationError(this.getNode(), `No decision was made for ${String(asked.customer.customerId)}`);
	return [[toolAnswer(actionInWords(decision.json, language), actionFacts(decision.json))]];
}

/** When the messages go out: the Send Time, or now. */
function sendTimeOf(ctx: IExecuteFunctions, zone: TimeZone): number {
	const sendTime = ctx.getNodeParameter('sendTime', 0, '') as string;
	if (!sendTime) return Date.now();
	const parsed = parseDate(sendTime, 'ymd', zone);
	if ('error' in parsed) throw new NodeOperationError(ctx.getNode(), `Send Time ${parsed.error}`, { description: 'Use a date and time like 2024-06-30T10:00, or leave it empty for now.' });
	return parsed.ms;
}

async function decideActions(this: IExecuteFunctions, items: INodeExecutionData[], suggestOnly?: 'suggestOnly'): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	let settings: ReturnType<typeof readRetentionSettings>;
	try {
		const workflowZone = this.getTimezone() || 'UTC';
		const now = sendTimeOf(this, new TimeZone(workflowZone));
		const parameters = Object.fromEntries(
			['businessType', 'storeName', 'language', 'campaignId', 'controlShare', 'playbookSource', 'channelOrder', 'requireOptIn', 'budget', 'maxDiscountPct', 'options'].map((name) => [
				name,
				this.getNodeParameter(name, 0),
			]),
		) as RetentionParameters;
		// Shown only for their playbook source: read only then (n8n supplies the editor's defaults).
		if (parameters.playbookSource === 'rules') parameters.rules = this.getNodeParameter('rules', 0, {});
		if (parameters.playbookSource === 'json') parameters.playbookJson = this.getNodeParameter('playbookJson', 0);
		settings = readRetentionSettings(parameters, now, workflowZone, measuredResponse(this));
	} catch (error) {
		throw asNodeError(this, error);
	}
	const log = contactLogOf(this, settings.defaultZone, settings.dateOrder);

	// A record's day counts are as of its own analysis date, else the day the messages go out.
	const context = { analysisDay: settings.defaultZone.localDayNumber(settings.now), zone: settings.defaultZone };
	const baseInput = await readCustomerBase(this, items);
	// Items are read once and kept with where they came from. A customer base is first checked
	// customer by customer (one that cannot be read stops the node, every such customer named)
	// and valued for the tiers; then the plan reads each customer again when it comes to them: a
	// million customers' facts held at once cost 1.2 GB and much of the plan's time.
	let customers: RetentionFacts[] | CustomerSource;
	const fromItems: Array<{ json: IDataObject; sourceItems: number[] }> = [];
	let errorItems: INodeExecutionData[];
	if (baseInput) {
		const { base, itemIndex } = baseInput;
		// A base's customers all have its fields: the few that can hold consent are found once.
		const consentFields = consentFieldsAmong(base.fields());
		const customer = base.cursor();
		errorItems = errorsBesideBase(this, items);
		const values = new Float64Array(base.rows);
		const unreadable = await forEachPosition(
			this,
			base.rows,
			(row) => {
				customer.row = row;
				// Only what the checks and the value need: the rest is read when the plan comes to them.
				const reading = retentionOutlookFromFields(customer, context, settings.dateOrder);
				if ('error' in reading) throw new NodeOperationError(node, `Customer ${row + 1} of the base ${reading.error}`, { itemIndex });
				values[row] = winBackValue(reading, settings);
			},
			() => ({ sourceItems: [itemIndex] }),
		);
		if (unreadable.length > 0) throw new NodeOperationError(node, 'A customer of the base could not be read', { description: unreadable.map((e) => e.json.error).join('\n') });
		customers = {
			count: base.rows,
			values,
			at: (row) => {
				customer.row = row;
				return (retentionFactsFromFields(customer, context, settings.dateOrder, consentFields) as { facts: RetentionFacts }).facts;
			},
		};
	} else {
		const facts: RetentionFacts[] = [];
		errorItems = await readEachItem(this, items, (json, itemIndex) => {
			const reading = retentionFactsFromRecord(json, context, settings.dateOrder);
			if ('error' in reading) return reading;
			facts.push(reading.facts);
			fromItems.push({ json, sourceItems: [itemIndex] });
			return null;
		});
		customers = facts;
	}

	const staticData = this.getWorkflowStaticData('node');
	const memory = loadContactMemory(staticData.contacts);
	// A suggestion contacts nobody: the caps read the memory, nothing is added to it.
	const remembers = settings.rememberContacts && !suggestOnly;
	let plan: ReturnType<typeof planRetention>;
	try {
		plan = planRetention(customers, settings, (customerId) => mergeContacts(contactsOf(memory, customerId), log.history.get(customerId) ?? []));
	} catch (error) {
		throw asNodeError(this, error);
	}
	const { decisions, routes, sendTimes, totals } = plan;

	const outputs: INodeExecutionData[][] = ROUTES.map(() => []);
	// Customers nobody contacts go on in one base item; the contacts are items for the sending nodes.
	const noActionAsBase = readOutputAs(this) === 'base';
	const recordOf = (i: number) => (baseInput ? (baseInput.base.record(i) as IDataObject) : fromItems[i].json);
	const sourceItemsOf = (i: number) => (baseInput ? [baseInput.itemIndex] : fromItems[i].sourceItems);
	for (let i = 0; i < decisions.count; i++) {
		if (noActionAsBase && routes[i] === 'none') continue;
		const decision = decisions.get(i);
		outputs[ROUTES.indexOf(routes[i])].push(linkedItem(outputRecord(decision, recordOf(i)), sourceItemsOf(i)));
		if (remembers && routes[i] !== 'none') {
			// Everyone on a channel output was contacted, at contactedAt.
			remember(memory, decision.customerId, sendTimes[i] as number, decision.action);
		}
	}
	if (remembers) {
		staticData.contacts = storedContactMemory(prune(memory, settings.now, Math.max(settings.caps.windowDays, settings.caps.cooldownDays))) as unknown as IDataObject;
	}
	if (noActionAsBase) {
		const summary = { campaignId: settings.campaignId, decisions: { ...totals.byRoute }, treatment: totals.treatment, control: totals.control, holdout: totals.holdout, suppressed: countSuppressions(decisions, routes, settings.language) };
		// From a base, the decisions go straight into the new layer, a column at a time where
		// they can; never a million objects.
		const layer = new TableBuilder();
		if (!(baseInput && decisions.writeColumns(layer))) {
			for (let i = 0; i < decisions.count; i++) {
				if (baseInput) {
					layer.nextRow();
					decisions.describe(i, layer);
				} else layer.add(outputRecord(decisions.get(i), fromItems[i].json));
			}
		}
		outputs[ROUTES.indexOf('none')].push(await customerBaseItem(this, baseInput, 'retentionAction', layer, summary as unknown as IDataObject, items.length));
	}
	// With "continue on fail", items that could not be read go to No Action with their error.
	outputs[ROUTES.indexOf('none')].push(...errorItems);

	this.addExecutionHints({ message: planHint(totals, settings, log.contacts), location: 'outputPane' });
	return outputs;
}

/** Most kinds of reason the summary lists; the rest are counted together. */
const REASON_KINDS = 20;

/**
 * Why the customers without a contact have none, and how many each, by kind of reason: the
 * words before a reason's colon, its numbers left out ("not worth it", "budget of N used up by
 * customers with more expected profit per unit of cost"), so a million customers give a short list.
 */
function countSuppressions(decisions: DecisionStore, routes: Route[], language: Language): Record<string, number> {
	const words = WORDS[language].suppression;
	const counts = new Map<string, number>();
	// The kind of each reason's first words, worked out once per distinct words.
	const kinds = new Map<string, string>();
	for (let i = 0; i < decisions.count; i++) {
		if (routes[i] !== 'none') continue;
		const group = decisions.field(i, 'group');
		const reason = group === 'control' ? words.controlGroup : group === 'holdout' ? words.globalHoldout : (decisions.field(i, 'suppressionReason') ?? words.noRuleMatched);
		const colon = reason.search(/[:：]/);
		const first = colon < 0 ? reason : reason.slice(0, colon);
		let kind = kinds.get(first);
		if (kind === undefined) {
			kind = first.replace(/\d+(\.\d+)?/g, 'N').trim();
			if (kinds.size < 10_000) kinds.set(first, kind);
		}
		counts.set(kind, (counts.get(kind) ?? 0) + 1);
	}
	const ranked = [...counts].sort((a, b) => b[1] - a[1]);
	const listed = Object.fromEntries(ranked.slice(0, REASON_KINDS));
	const rest = ranked.slice(REASON_KINDS).reduce((sum, [, n]) => sum + n, 0);
	return rest > 0 ? { ...listed, other: rest } : listed;
}

/** The optional second input: earlier contacts, one item per contact. */
function contactLogOf(context: IExecuteFunctions, zone: TimeZone, dateOrder: DateOrder): { history: ContactHistory; contacts: number } {
	const read = readContactLog(optionalInput(context, 1).map((item) => item.json), zone, dateOrder);
	if ('error' in read) throw new NodeOperationError(context.getNode(), read.error, { description: read.description });
	return read;
}

/**
 * The third input: a response model Campaign Report measured (its Response Model output, or the
 * file a workflow saved it to). Null when nothing is connected.
 */
function measuredResponse(context: IExecuteFunctions): ResponseModel | null {
	const items = optionalInput(context, 2);
	if (items.length === 0) return null;
	// As Campaign Report puts it out, or as Extract From File reads a saved one (under "data").
	const candidates = items.flatMap((item) => [item.json, item.json.data]);
	const found = candidates.find((json): json is IDataObject => typeof json === 'object' && json !== null && (json as IDataObject).kind === RESPONSE_MODEL_KIND);
	if (!found) {
		throw new NodeOperationError(context.getNode(), 'Measured Results holds no response model', {
			description: "Connect Campaign Report's Response Model output, or the JSON file a workflow saved it to (Read File, then Extract From File as JSON).",
		});
	}
	return parseResponseModel(found);
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** What the run decided, the budget, where the uplifts came from and whether the control group can show the effect. */
function planHint(totals: PlanTotals, settings: ReturnType<typeof readRetentionSettings>, loggedContacts: number): string {
	const routed = ROUTES.filter((r) => r !== 'none' && totals.byRoute[r] > 0).map((r) => `${totals.byRoute[r]} ${ROUTE_NAMES[r]}`);
	const p = totals.power;
	const power =
		p.treated === 0
			? ''
			: p.detectableUplift === null
				? `No control group: nothing will show whether the campaign worked (expected uplift ${percent(p.expectedUplift)} on a base rate of ${percent(p.expectedBaseRate)}).`
				: `The ${p.controls} held-out customers can detect an uplift of ${percent(p.detectableUplift)} or more; the plan expects ${percent(p.expectedUplift)}${
						p.detectableUplift > p.expectedUplift ? `: too few to show it${p.suggestedControlShare === null ? ' at any control share up to 50%' : `, a Control Group Share of ${p.suggestedControlShare} would`}` : ''
					}.`;
	return [
		`${totals.customers} customers: ${totals.treatment} to contact (${routed.join(', ') || 'none'}), ${totals.control} held out as control${totals.holdout ? `, ${totals.holdout} in the global holdout` : ''}, ${totals.byRoute.none - totals.control - totals.holdout} with no action (see suppressionReason).`,
		`Budget used ${totals.budgetUsed}${settings.budget > 0 ? ` of ${settings.budget}` : ' (no limit)'}; expected incremental profit of the contacts ${totals.expectedValue}${totals.explored ? `; ${totals.explored} selected to explore` : ''}.`,
		settings.responseModel ? `Uplifts measured by Campaign Report for ${totals.measured} of the ${totals.treatment} contacted; the rest from the planning priors.` : 'Uplifts from the planning priors (connect Measured Results from Campaign Report to use what campaigns measured).',
		settings.responseModel && settings.responseModel.windowDays !== settings.windowDays ? `The measured results count orders within ${settings.responseModel.windowDays} days, this plan within ${settings.windowDays}: set the same Response Window.` : '',
		power,
		loggedContacts > 0 ? `Caps counted ${loggedContacts} earlier contacts from the Contact Log.` : '',
		totals.tierBasis === 'fixed' ? 'Value tiers from the fixed thresholds (fewer than 20 customers in this run).' : '',
	]
		.filter(Boolean)
		.join(' ');
}
