import { CleanOrder, ContactUpdate, OrderCleaner, Rejection } from './clean/cleanOrders';
import { CleaningOptions } from './clean/cleaningOptions';
import { BYTE_PATH_FIELDS, scanCsvOrders } from './bytes/csvOrderScanner';
import { CustomerSummary } from '../customer/customerSummary';
import { CONTACT_FIELDS } from '../customer/fieldCatalog';
import { FieldMapping, MappingResult, missingColumnError, repeatedColumnError, resolveFieldMapping } from './fields/fieldMapping';
import { dayNumberToIsoDate } from '../values/parseDate';
import { FileReadInfo, FileReadOptions, sniffedFileRows, sniffFile } from './readers/readFile';
import { RawRow } from './readers/rawRow';
import { CustomerSummariser } from './summary/summariseCustomers';
import { SummaryColumns } from './summary/summaryColumns';
import { summaryOfRow, writeSummaryColumns } from './summary/summaryFields';
import { SummaryRowReader } from './summary/summaryRows';
import { TableBuilder } from '../base/tableBuilder';
import { detectPlatform, platformPreset } from './platforms/platformCatalog';
import type { PlatformId } from './platforms/platformPreset';
import { PlatformRows } from './platforms/platformRows';

export type InputKind = 'orders' | 'customerSummaries';

export interface PipelineOptions {
	inputKind: InputKind;
	explicitMapping: FieldMapping;
	cleaning: CleaningOptions;
	analysisDay: number;
	output: 'customers' | 'transactions';
	/** Length of the recent and previous windows compared in each customer's trend. */
	trendWindowDays?: number;
	/** Read orders as a platform's export: recognised from the header (the default), that platform's, or none. */
	platform?: 'auto' | 'none' | PlatformId;
}

export interface Linked<T> {
	record: T;
	/** Indexes of the input items the record came from (for n8n's pairedItem). */
	sourceItems: number[];
}

export interface TransactionRecord {
	customerId: string;
	orderId: string | null;
	orderAt: string;
	orderDate: string;
	amount: number;
	currency: string | null;
	isRefund: boolean;
	returned: boolean;
	email: string | null;
	phone: string | null;
	name: string | null;
	discountAmount: number | null;
	couponCode: string | null;
	productId: string | null;
	productName: string | null;
	category: string | null;
	quantity: number | null;
	unitPrice: number | null;
	lineId: string | null;
	row: number;
}

export interface PipelineResult {
	records: Array<Linked<CustomerSummary | TransactionRecord>>;
	/** With Transactions output: the same orders as typed values (instants in milliseconds), for callers in code. */
	orders: ReadonlyArray<Linked<CleanOrder>>;
	rejected: Rejection[];
	mapping: MappingResult | undefined;
	rowsRead: number;
	/** rowsRead = rowsAccepted + rejected.length, always. */
	rowsAccepted: number;
	ordersAfterAnalysisDate: number;
	/** The platform export the orders were read as, and whether it was recognised from the header. */
	platform?: { label: string; detected: boolean };
}

/**
 * Customer Data's engine: rows in (from any source), clean customer summaries or transactions
 * out, and every row that could not be read kept with its reason. rowsRead = accepted + rejected.
 */
export class CustomerDataPipeline {
	private mapping: MappingResult | undefined;
	/** Every column or key seen, in the order first seen: the mapping is resolved over all of them. */
	private readonly columns: string[] = [];
	private readonly seenColumns = new Set<string>();
	private cleaner: OrderCleaner | undefined;
	private summaryReader: SummaryRowReader | undefined;
	readonly summariser = new CustomerSummariser();
	private readonly summaries: Array<Linked<CustomerSummary>> = [];
	private readonly orders: Array<Linked<CleanOrder>> = [];
	private readonly rejected: Rejection[] = [];
	private rowsRead = 0;
	/** Rows taken as an order, an order line or a refund (orders after the analysis date included). */
	private rowsAccepted = 0;
	private rowSeparator = ',';
	/** Contact fields of rejected rows whose customer had no order yet when the row was read. */
	private readonly pendingContacts: ContactUpdate[] = [];
	/** Set once the first row's columns are seen: whether the rows are a platform's export. */
	private platformDecided = false;
	private platformRows: PlatformRows | undefined;
	/** The platform the rows are read as, and whether it was recognised from the header. */
	private platform: PipelineResult['platform'];

	constructor(private readonly options: PipelineOptions) {}

	/** A rejected row's contact fields, applied now, or at the end when its customer has no order yet. */
	private keepContact(update: ContactUpdate): void {
		if (this.options.output === 'customers' && !this.summariser.updateContact(update)) this.pendingContacts.push(update);
	}

	/** Rows from one input item (a file, an API response, or the item itself). */
	add(raw: RawRow, sourceItem: number): void {
		if (!this.platformDecided && !('error' in raw)) this.choosePlatform(Object.keys(raw.values));
		if (!this.platformRows) return this.read(raw, sourceItem);
		for (const row of this.platformRows.take(raw, sourceItem)) this.read(row.raw, row.sourceItem);
	}

	/** The rows of a platform export's last order, held until its lines were all seen. */
	private drainPlatformRows(): void {
		if (this.platformRows) for (const row of this.platformRows.drain()) this.read(row.raw, row.sourceItem);
	}

	private choosePlatform(header: string[]): void {
		this.platformDecided = true;
		const choice = this.options.platform ?? 'auto';
		if (this.options.inputKind !== 'orders' || choice === 'none') return;
		const preset = choice === 'auto' ? detectPlatform(header) : platformPreset(choice);
		if (!preset) return;
		this.platformRows = new PlatformRows(preset, header, this.options.cleaning);
		this.platform = { label: preset.label, detected: choice === 'auto' };
	}

	private read(raw: RawRow, sourceItem: number): void {
		this.rowsRead++;
		if ('error' in raw) {
			this.rejected.push({ row: raw.row, sourceItem, reason: raw.error, raw: raw.raw });
			return;
		}
		this.seeColumns(Object.keys(raw.values));
		if (this.summaryReader) {
			const read = this.summaryReader.read(raw.values, raw.row, sourceItem);
			if ('rejection' in read) this.rejected.push(read.rejection);
			else {
				this.rowsAccepted++;
				this.summaries.push({ record: read.customer, sourceItems: [sourceItem] });
			}
			return;
		}
		const cleaned = (this.cleaner as OrderCleaner).clean(raw.values, raw.row, sourceItem);
		if ('rejection' in cleaned) {
			this.rejected.push(cleaned.rejection);
			if (cleaned.contactUpdate) this.keepContact(cleaned.contactUpdate);
			return;
		}
		const order = cleaned.order;
		if (this.options.output === 'transactions') {
			this.rowsAccepted++;
			this.orders.push({ record: order, sourceItems: [sourceItem] });
			return;
		}
		const cleaner = this.cleaner as OrderCleaner;
		const existing = order.orderKey >= 0 ? cleaner.orderSlot(order.orderKey) : -1;
		const added = this.summariser.add(order, existing);
		if (typeof added !== 'number') {
			this.rejected.push({ row: raw.row, sourceItem, reason: added.error, raw: raw.values });
			// The order ID clashes with another customer's, but what the row says about contact
			// (an opt-out) is still its own customer's.
			if (order.contact) this.keepContact({ customerId: order.customerId, at: order.orderAt, contact: order.contact });
			return;
		}
		this.rowsAccepted++;
		if (added >= 0 && existing < 0 && order.orderKey >= 0) cleaner.setOrderSlot(order.orderKey, added);
	}

	/**
	 * All rows of one file. A UTF-8 CSV of orders summarised into customers is read straight from
	 * its bytes (see scanCsvOrders), with the same results as row by row; every other file is read
	 * row by row. `tick` is called every few thousand rows.
	 */
	async addFile(chunks: AsyncIterable<Uint8Array>, options: FileReadOptions, info: FileReadInfo, sourceItem: number, tick: () => void): Promise<void> {
		const file = await sniffFile(chunks, options, info);
		const delimiter = file.delimiter ?? '';
		// Rows are fingerprinted as their values joined by the file's delimiter (rowFingerprint).
		this.rowSeparator = delimiter || ',';
		if (this.cleaner) this.cleaner.rowSeparator = this.rowSeparator;
		if (file.format === 'csv' && file.encoding === 'utf-8' && !file.loneCarriageReturns && delimiter.length === 1 && delimiter.charCodeAt(0) < 128 && delimiter !== '"' && this.options.inputKind === 'orders' && this.options.output === 'customers') {
			const { fastRows } = await scanCsvOrders(file.chunks, delimiter, options, this.byteTarget(sourceItem, tick), sourceItem);
			this.rowsRead += fastRows;
			this.rowsAccepted += fastRows;
			this.drainPlatformRows();
			return;
		}
		let rows = 0;
		for await (const row of sniffedFileRows(file, options)) {
			if (++rows % 16_384 === 0) tick();
			this.add(row, sourceItem);
		}
		this.drainPlatformRows();
	}

	private byteTarget(sourceItem: number, tick: () => void) {
		return {
			summariser: this.summariser,
			tick,
			addRow: (row: RawRow) => this.add(row, sourceItem),
			cleanerFor: (columns: string[]): OrderCleaner | undefined => {
				if (!this.platformDecided) this.choosePlatform(columns);
				this.seeColumns(columns);
				// A platform's rows are shaped (order fields filled in, value shared out) before they are read.
				if (this.platformRows) return undefined;
				const mapping = (this.mapping as MappingResult).mapping;
				const byteFields: readonly string[] = [...BYTE_PATH_FIELDS, ...CONTACT_FIELDS];
				const readable = Object.entries(mapping).every(([field, column]) => byteFields.includes(field) && columns.includes(column as string));
				return readable ? this.cleaner : undefined;
			},
		};
	}

	/**
	 * Notes new keys of a row; when one appears after the first row, the mapping is resolved again
	 * over all keys seen, so a field absent from the first record (an email, an opt-in) is read
	 * from every record that has it.
	 */
	private seeColumns(keys: Iterable<string>): void {
		let added = false;
		for (const key of keys) {
			if (this.seenColumns.has(key)) continue;
			this.seenColumns.add(key);
			this.columns.push(key);
			added = true;
		}
		if (!this.mapping) this.start();
		else if (added) {
			const before = JSON.stringify(this.mapping.mapping);
			const next = this.resolveMapping();
			const repeated = repeatedColumnError(next);
			if (repeated) throw repeated;
			if (JSON.stringify(next.mapping) !== before) (this.cleaner ?? this.summaryReader)?.useMapping(next.mapping);
			this.mapping = next;
		}
	}

	/** With a platform's export, its columns as the preset knows them (and the user's choices over them); else detected. */
	private resolveMapping(): MappingResult {
		const preset = this.platformRows;
		return resolveFieldMapping(this.columns, this.options.explicitMapping, preset && { mapping: preset.mapping, label: preset.preset.label });
	}

	private start(): void {
		const mapping = (this.mapping = this.resolveMapping());
		const repeated = repeatedColumnError(mapping);
		if (repeated) throw repeated;
		try {
			if (this.options.inputKind === 'customerSummaries') {
				this.summaryReader = new SummaryRowReader(mapping.mapping, this.options.cleaning, this.options.analysisDay);
			} else {
				this.cleaner = new OrderCleaner(mapping.mapping, this.options.cleaning);
				this.cleaner.rowSeparator = this.rowSeparator;
			}
		} catch (error) {
			// A required field without a column is often a mapped column the data does not have: say that.
			throw missingColumnError(mapping, this.columns) ?? error;
		}
	}

	/**
	 * finish() for Customer Data writing a customer base: the customer summaries as a base layer.
	 * With orders, each summary is described straight into the layer's columns from the
	 * per-customer totals, and never made as an object (a million summaries made only to be
	 * taken apart again were most of the node's time).
	 */
	finishAsLayer(): Omit<PipelineResult, 'records'> & { customers: number; layer(): TableBuilder } {
		this.drainPlatformRows();
		if (this.options.output !== 'customers' || this.summaryReader || !this.cleaner) {
			const { records, ...rest } = this.finish();
			return { ...rest, customers: records.length, layer: () => TableBuilder.of(records.map((r) => r.record as unknown as Record<string, unknown>)) };
		}
		const cols = this.summaryColumns();
		const summariser = this.summariser;
		const analysisDate = dayNumberToIsoDate(cols.analysisDay);
		return {
			...this.counts(cols.ordersAfterAnalysisDate),
			customers: cols.rows,
			layer: () => {
				const layer = new TableBuilder();
				writeSummaryColumns(layer, summariser.summarySource(cols, analysisDate));
				return layer;
			},
		};
	}

	finish(): PipelineResult {
		this.drainPlatformRows();
		let records: Array<Linked<CustomerSummary | TransactionRecord>>;
		let ordersAfter = 0;
		if (this.options.output === 'transactions' && this.options.inputKind === 'orders') records = this.orders.map(({ record, sourceItems }) => ({ record: toTransaction(record), sourceItems }));
		else if (this.summaryReader) records = this.summaries;
		else {
			const cols = this.summaryColumns();
			const analysisDate = dayNumberToIsoDate(cols.analysisDay);
			ordersAfter = cols.ordersAfterAnalysisDate;
			const source = this.summariser.summarySource(cols, analysisDate);
			records = Array.from({ length: cols.rows }, (_, row) => ({ record: summaryOfRow(source, row), sourceItems: this.summariser.sourcesAt(cols, row) }));
		}
		return { records, ...this.counts(ordersAfter) };
	}

	/** The per-customer totals as of the analysis day, once rejected rows' contact fields are applied. */
	private summaryColumns(): SummaryColumns {
		this.checkMapping();
		for (const update of this.pendingContacts.splice(0)) this.summariser.updateContact(update);
		return this.summariser.summariseColumns(this.options.analysisDay, this.options.trendWindowDays);
	}

	/** Everything a result says besides its records. */
	private counts(ordersAfterAnalysisDate: number): Omit<PipelineResult, 'records'> {
		this.checkMapping();
		const platform = this.platform;
		return { orders: this.orders, rejected: this.rejected, mapping: this.mapping, rowsRead: this.rowsRead, rowsAccepted: this.rowsAccepted, ordersAfterAnalysisDate, ...(platform ? { platform } : {}) };
	}

	private checkMapping(): void {
		const missing = this.mapping && missingColumnError(this.mapping, this.columns);
		if (missing) throw missing;
	}
}

function toTransaction(order: CleanOrder): TransactionRecord {
	return {
		customerId: order.customerId,
		orderId: order.orderId,
		orderAt: new Date(order.orderAt).toISOString(),
		orderDate: dayNumberToIsoDate(order.day),
		amount: order.amount,
		currency: order.currency,
		isRefund: order.isRefund,
		returned: order.returned,
		email: order.contact?.email ?? null,
		phone: order.contact?.phone ?? null,
		name: order.contact ? (order.contact.name ?? ([order.contact.firstName, order.contact.lastName].filter(Boolean).join(' ') || null)) : null,
		discountAmount: order.contact?.discountAmount ?? null,
		couponCode: order.contact?.couponCode ?? null,
		productId: order.contact?.productId ?? null,
		productName: order.contact?.productName ?? null,
		category: order.contact?.category ?? null,
		quantity: order.contact?.quantity ?? null,
		unitPrice: order.contact?.unitPrice ?? null,
		lineId: order.contact?.lineId ?? null,
		row: order.row,
	};
}
