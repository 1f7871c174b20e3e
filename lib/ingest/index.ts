/**
 * What the nodes use of the ingest pipeline: the pipeline itself, and the pieces the Customer
 * Data node puts around it (its settings, the API client's paging and safety rules). Nothing
 * outside lib/ingest imports a file inside it (a test of the import graph holds this).
 */
export { CustomerDataPipeline, InputKind, TransactionRecord } from './customerDataPipeline';
export { CleaningOptions } from './clean/cleaningOptions';
export { CleanOrder } from './clean/cleanOrders';
export { defaultCleaningOptions } from './clean/defaultCleaning';
export { FieldMapping } from './fields/fieldMapping';
export { DEFAULT_COUNTRY_CODE, phoneRegion } from './fields/contactFields';
export { RawRow } from './readers/rawRow';
export { FileReadInfo } from './readers/readFile';
export { objectRow } from './readers/lineRows';
export { PageLoopGuard } from './api/pageLoopGuard';
export { firstPageRequest, nextPageRequest, PageRequest, PaginationConfig, recordsOf } from './api/pagination';
export { firstPageUrl, headerValue, isSameOrigin, nextPageUrl, redactRecord, redirectTarget, secretRedactor } from './api/requestSafety';
export { isRetryableStatus, retryDelay } from './api/retryPolicy';
export { PLATFORM_PRESETS } from './platforms/platformCatalog';
export { PlatformId } from './platforms/platformPreset';
export { customersMatching, Identified } from './fields/customerLookup';
export { readFileRows } from './readers/readFile';
export { EventCollector, EngagementResult } from './events/eventCollector';
export { EventReadSettings } from './events/readEvent';
