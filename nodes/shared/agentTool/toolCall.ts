import type { IExecuteFunctions, INodeProperties, UsableAsToolDescription } from 'n8n-workflow';
import { Language, LANGUAGE_NAMES, LANGUAGES } from '../../../lib/values/language';

/**
 * n8n makes a "<node> Tool" type of every node that sets usableAsTool, for AI Agents. Its calls
 * come with one item holding what the agent filled in ($fromAI), never customers or a base: a
 * tool reads its data itself and answers about one customer (or campaign).
 */
export function isToolCall(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/**
 * What n8n's server changes when it makes the tool version (usableAsTool's replacements): the
 * description an agent picks tools by, says what one question answers; the subtitle says what
 * the tool does; no output names (the node's own, such as Customers and Model, would label the
 * tool's one connection to the agent).
 */
export function toolVersion(description: string, subtitle: string): UsableAsToolDescription {
	// outputNames is not among the base description's fields the type lists, but n8n spreads every replacement over the description.
	return { replacements: { description, subtitle, outputNames: [] } as UsableAsToolDescription['replacements'] };
}

/** Shown only on the tool version; `@tool` is n8n's own display condition for it. */
export const ONLY_AS_TOOL = { show: { '@tool': [true] } };
/** Hidden on the tool version: settings about the node's input, which a tool does not have. */
export const NOT_AS_TOOL = { hide: { '@tool': [true] } };

/**
 * A node's properties with its tool version's own first, and those named in `hidden` (the ones
 * about the node's input) hidden on the tool version.
 */
export function withToolProperties(properties: INodeProperties[], hidden: string[], toolOnly: INodeProperties[]): INodeProperties[] {
	const unknown = hidden.filter((name) => !properties.some((p) => p.name === name));
	if (unknown.length) throw new Error(`No property ${unknown.join(', ')} to hide on the tool version`);
	return [
		...toolOnly,
		...properties.map((property) =>
			hidden.includes(property.name) ? { ...property, displayOptions: { ...property.displayOptions, hide: { ...property.displayOptions?.hide, ...NOT_AS_TOOL.hide } } } : property,
		),
	];
}

export const toolCustomerProperty: INodeProperties = {
	displayName: 'Customer',
	name: 'toolCustomer',
	type: 'string',
	default: "={{ $fromAI('customer', 'The customer to look up: their customer ID, email address or phone number', 'string') }}",
	required: true,
	displayOptions: ONLY_AS_TOOL,
	description: "Who the agent asks about: a customer ID, an email address or a phone number (the AI fills it in by default)",
};

export const toolOrdersFileProperty: INodeProperties = {
	displayName: 'Orders File',
	name: 'toolOrdersFile',
	type: 'string',
	default: '',
	required: true,
	placeholder: '/data/orders.csv',
	displayOptions: ONLY_AS_TOOL,
	description:
		"Path of the shop's orders on the n8n server: a CSV or JSON export (Shopify, WooCommerce, Youzan, Taobao, JD and POS exports are recognised). Read at each question, within the folders n8n may read (N8N_RESTRICT_FILE_ACCESS_TO).",
};

export const toolModelFileProperty: INodeProperties = {
	displayName: 'Saved Model File',
	name: 'toolModelFile',
	type: 'string',
	default: '',
	placeholder: '/data/churn-model.json',
	displayOptions: ONLY_AS_TOOL,
	description:
		"A churn model saved as JSON (Churn Risk's Model output written to a file, as the Model Refresh template does). Empty: a model is fitted on the orders file at each question.",
};

export const toolLanguageProperty: INodeProperties = {
	displayName: 'Answer Language',
	name: 'toolLanguage',
	type: 'options',
	options: LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value })),
	default: 'en',
	displayOptions: ONLY_AS_TOOL,
	description: 'Language of the sentence the tool answers with',
};

/** The tool's Answer Language (for the nodes that have no language setting of their own). */
export function toolLanguage(ctx: IExecuteFunctions): Language {
	return ctx.getNodeParameter(toolLanguageProperty.name, 0, 'en') as Language;
}
