import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline, InputKind } from '../../lib/ingest';
import type { CleaningOptions, FileReadInfo, PlatformId, RawRow } from '../../lib/ingest';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { analysisDateHint, readAnalysisDay } from '../shared/analysisDateParameter';
import { customerBaseItem, readOutputAs } from '../shared/customerBaseItems';
import { asNodeError, failEveryItemOnContinue, forEachInputItem, linkedItem, throwIfCancelled } from '../shared/linkedItems';
import { customerDataProperties } from './CustomerDataDescription';
import { cleaningOptionsFrom, explicitMappingFrom, parseCustomerDataOptions } from './customerDataOptions';
import { apiRequestOf, rowsFromApi } from './readFromApi';
import { addBinaryFile, addServerFile } from './readFromBinary';
import { isToolCall, toolLanguage, toolOrdersFileProperty, toolVersion } from '../shared/agentTool/toolCall';
import { askedCustomer, toolAnswer } from '../shared/agentTool/askedCustomer';
import { customerFacts, customerInWords } from './customerAnswer';
import { collectEvents } from './readEvents';
import type { EventCollector, EngagementResult } from '../../lib/ingest';
import type { CustomerSummary } from '../../lib/customer/customerSummary';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { optionalInput } from '../shared/optionalInput';

const CANCEL_CHECK_EVERY = 10_000;

export class CustomerData implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Customer Data',
		name: 'customerData',
		icon: { light: 'file:customerData.svg', dark: 'file:customerData.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		usableAsTool: toolVersion('Look up one customer of the shop by customer ID, email or phone: number of orders, total spend, first and last order, how often they buy, and whether they may be emailed or texted', 'look up a customer'),
		subtitle: '={{ $parameter["source"] === "api" ? "from API" : $parameter["source"] === "binaryFile" ? "from file" : "from items" }}',
		description: 'Load orders or customers from items, a CSV/JSON file or an API; clean them and summarise each customer',
		defaults: { name: 'Customer Data' },
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Orders' },
			{ type: NodeConnectionTypes.Main, displayName: 'Events', required: false },
		],
		outputs: `={{ [{ type: "main", displayName: $parameter.inputKind !== "customerSummaries" && $parameter.output === "transactions" ? "Transactions" : "Customers" }, { type: "main", displayName: "Rejected" }] }}`,
		credentials: [{ name: 'customerDataApi', required: true, displayOptions: { show: { source: ['api'] } } }],
		properties: customerDataProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (isToolCall(this)) return await answerAsTool.call(this, items);
		return await failEveryItemOnContinue(this, items, { outputs: 2, errorOutput: 0 }, async () => await readCustomerData.call(this, items));
	}
}

/** As an agent's tool: the asked customer's summary, from the tool's Orders File read with the node's settings. */
async function answerAsTool(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const [customers] = await readCustomerData.call(this, items, 'toolFile');
	const { defaultCountryCode } = parseCustomerDataOptions(this.getNodeParameter('options', 0, {}));
	const asked = askedCustomer(this, customers.map((item) => item.json), toolLanguage(this), defaultCountryCode.trim() || undefined);
	return [['answer' in asked ? asked.answer : toolAnswer(customerInWords(asked.customer, toolLanguage(this)), customerFacts(asked.customer))]];
}

async function readCustomerData(this: IExecuteFunctions, items: INodeExecutionData[], from?: 'toolFile'): Promise<INodeExecutionData[][]> {
	const source = from ?? (this.getNodeParameter('source', 0) as 'items' | 'binaryFile' | 'api');
	const inputKind = this.getNodeParameter('inputKind', 0, 'orders') as InputKind;
	const output = inputKind === 'orders' && !from ? (this.getNodeParameter('output', 0, 'customers') as 'customers' | 'transactions') : 'customers';

	let pipeline: CustomerDataPipeline;
	let options: ReturnType<typeof parseCustomerDataOptions>;
	let cleaning: CleaningOptions;
	let analysisDay = 0;
	try {
		options = parseCustomerDataOptions(this.getNodeParameter('options', 0, {}));
		cleaning = cleaningOptionsFrom(options, this.getTimezone());
		if (output === 'customers') analysisDay = readAnalysisDay(this, cleaning.timeZone);
		pipeline = new CustomerDataPipeline({
			inputKind,
			explicitMapping: explicitMappingFrom(this.getNodeParameter('fieldMapping', 0, {})),
			cleaning,
			analysisDay,
			output,
			trendWindowDays: options.trendWindowDays,
			platform: this.getNodeParameter('platform', 0, 'auto') as 'auto' | 'none' | PlatformId,
		});
	} catch (error) {
		throw asNodeError(this, error);
	}

	const fileInfo: FileReadInfo = {};
	let rowsSeen = 0;
	const consume = async (rows: AsyncIterable<RawRow> | Iterable<RawRow>, itemIndex: number) => {
		for await (const row of rows) {
			if (++rowsSeen % CANCEL_CHECK_EVERY === 0) throwIfCancelled(this);
			pipeline.add(row, itemIndex);
		}
	};

	let errorItems: INodeExecutionData[] = [];
	let repeatedRequests = 0;
	try {
		if (source === 'items') {
			// Rows from upstream nodes: each item is a row; its number is its position (1-based).
			for (let i = 0; i < items.length; i++) {
				if (i % CANCEL_CHECK_EVERY === 0) throwIfCancelled(this);
				pipeline.add({ row: i + 1, values: items[i].json }, i);
			}
		} else {
			// n8n runs the node once with all input items; an API request that is the same for
			// several items (its parameters do not use the item) is fetched once, or its orders
			// would be counted once per item.
			const requested = new Set<string>();
			errorItems = await forEachInputItem(this, items, async (itemIndex) => {
				if (source === 'api') {
					const request = apiRequestOf(this, itemIndex);
					const key = JSON.stringify(request);
					if (requested.has(key)) return void repeatedRequests++;
					requested.add(key);
					await consume(rowsFromApi(this, itemIndex, request, options), itemIndex);
				} else if (source === 'toolFile') {
					// One read for the question, whatever the agent's item holds.
					if (itemIndex === 0) await addServerFile(this, toolOrdersFileProperty.name, options, fileInfo, pipeline, () => throwIfCancelled(this));
				} else await addBinaryFile(this, itemIndex, options, fileInfo, pipeline, () => throwIfCancelled(this));
			});
		}
	} catch (error) {
		throw asNodeError(this, error);
	}

	let events: EventCollector | null = null;
	try {
		const eventItems = from || output !== 'customers' ? [] : optionalInput(this, 1);
		events = await collectEvents(this, eventItems, options, { zone: cleaning.timeZone, dateOrder: options.dateOrder, defaultCountry: options.defaultCountryCode.trim() }, () => throwIfCancelled(this));
	} catch (error) {
		throw asNodeError(this, error);
	}

	// A base's layer is written from the per-customer totals: the summaries are never objects
	// (with events, the engagement joins each summary first).
	const asBase = output === 'customers' && readOutputAs(this) === 'base';
	let result: ReturnType<CustomerDataPipeline['finish']> | ReturnType<CustomerDataPipeline['finishAsLayer']>;
	try {
		result = asBase && !events ? pipeline.finishAsLayer() : pipeline.finish();
	} catch (error) {
		throw asNodeError(this, error);
	}
	let eventsHint = '';
	if (events && 'records' in result) {
		const summaries = result.records.map(({ record }) => record as CustomerSummary);
		eventsHint = eventsInWords(events, events.joinTo(summaries, { analysisDay, recentDays: options.engagementRecentDays, baselineDays: options.engagementUsualDays }));
	}
	const customerCount = 'records' in result ? result.records.length : result.customers;
	// The base's layer: from the per-customer totals, or, with events, from the summaries they joined.
	const layer = !asBase ? null : 'records' in result ? TableBuilder.of(result.records.map(({ record }) => record as unknown as Record<string, unknown>)) : result.layer();
	if (options.failOnRejected && result.rejected.length > 0) {
		// Rows of files or API responses are numbered per input item: name the item when there are several.
		const nameItem = source !== 'items' && items.length > 1;
		const first = result.rejected.slice(0, 5).map((r) => `row ${r.row}${nameItem ? ` of item ${r.sourceItem}` : ''}: ${r.reason}`);
		throw new NodeOperationError(this.getNode(), `${result.rejected.length} of ${result.rowsRead} rows could not be read`, {
			description: `${first.join('\n')}\nFix these rows, or turn off "Fail on Rejected Rows" to send them to the Rejected output.`,
		});
	}

	const hint = [
		`Read ${result.rowsRead} rows: ${result.rowsAccepted} accepted, ${result.rejected.length} rejected.`,
		fileInfo.format ? `File: ${fileInfo.format}${fileInfo.delimiter ? ` (delimiter ${JSON.stringify(fileInfo.delimiter)})` : ''}, ${fileInfo.encoding}${fileInfo.encodingBecause ? ` (${fileInfo.encodingBecause})` : ''}.` : '',
		repeatedRequests > 0
			? `${repeatedRequests} of ${items.length} input items asked for an API request an earlier item made already: fetched once, so no order is counted twice.`
			: '',
		result.platform
			? `Read as a ${result.platform.label}${result.platform.detected ? ' (recognised from its columns; choose another under Source Platform)' : ''}: an order's lines count as one order, and orders that are no purchase are in the Rejected output with their status.`
			: '',
		result.mapping ? `Columns used: ${result.mapping.description.join(', ')}.` : '',
		eventsHint,
		result.ordersAfterAnalysisDate === 1
			? '1 order after the analysis date was left out of the summary.'
			: result.ordersAfterAnalysisDate > 1
				? `${result.ordersAfterAnalysisDate} orders after the analysis date were left out of the summary.`
				: '',
		output === 'customers' ? analysisDateHint(this, analysisDay, []) : '',
		customerCount === 0 && result.ordersAfterAnalysisDate > 0
			? `No customer to summarise: every order is after the analysis date ${dayNumberToIsoDate(analysisDay)}. Check the Analysis Date.`
			: '',
	]
		.filter(Boolean)
		.join(' ');
	this.addExecutionHints({ message: hint, location: 'outputPane' });

	const rejected = [
		...result.rejected.map((r) => linkedItem({ row: r.row, sourceItem: r.sourceItem, reason: r.reason, raw: r.raw, mapping: result.mapping?.mapping ?? {} }, r.sourceItem)),
		// Event rows name their input, so they are not taken for order rows of the same number.
		...(events?.rejected ?? []).map((r) => ({ json: { input: 'events', row: r.row, sourceItem: r.sourceItem, reason: r.reason, raw: r.raw, mapping: events?.columns ?? {} }, pairedItem: { item: r.sourceItem, input: 1 } })),
	];
	if (layer) {
		const summary = { analysisDate: dayNumberToIsoDate(analysisDay), rowsRead: result.rowsRead, rowsRejected: result.rejected.length };
		const base = await customerBaseItem(this, null, 'customers', layer, summary, items.length);
		return [[base, ...errorItems], rejected];
	}
	const main = 'records' in result ? result.records.map(({ record, sourceItems }) => linkedItem(record, sourceItems)) : [];
	return [[...main, ...errorItems], rejected];
}

/** What the Events input brought, for the hint. */
function eventsInWords(events: EventCollector, engaged: EngagementResult): string {
	const customers = engaged.engagement.filter((e) => e !== null).length;
	const columns = Object.entries(events.columns).map(([column, source]) => `${column} ← ${source}`).join(', ');
	return [
		`Read ${events.rows} event rows: ${events.accepted} accepted, ${events.rejected.length} rejected (in the Rejected output, with input "events"); ${customers} customers have events.`,
		engaged.withoutCustomer === 1 ? '1 event belongs to nobody with orders (a prospect): not summarised.' : engaged.withoutCustomer > 1 ? `${engaged.withoutCustomer} events belong to nobody with orders (prospects): not summarised.` : '',
		engaged.ambiguous === 1 ? '1 event names an email or phone several customers share: given to none of them.' : engaged.ambiguous > 1 ? `${engaged.ambiguous} events name an email or phone several customers share: given to none of them.` : '',
		`Event columns used: ${columns}.`,
	]
		.filter(Boolean)
		.join(' ');
}
