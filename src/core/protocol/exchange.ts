/**
 * Messages of team sharing: exports read a page of records at a time; imports send the file's
 * text in chunks (see core/exchange/uploads.ts) and then say what to do with it. A refused file
 * is an answer (`status: 'refused'` with the problem), not a failure: the transport worked.
 */
import { z } from 'zod';
import { OwnerSchema } from '../exchange/format';
import { ImportProblemSchema } from '../exchange/problems';
import { CHUNK_CHARS } from '../exchange/uploads';
import { FilterSchema } from '../filters';
import { lazySchema } from '../lazy-schema';
import { RecordIdSchema, TimestampSchema } from '../primitives';
import { RejectionSchema } from '../rejection';
import { EmptySchema, message } from './common';

const UploadIdSchema = lazySchema(() => z.uuid());
const Count = lazySchema(() => z.number().int().min(0));
const Refused = lazySchema(() => z.object({ status: z.literal('refused'), problem: ImportProblemSchema }));

export const EXPORT_PAGE_MAX = 5000;

/** Where an export continues: after a record id (rows of `rejections`), or past a pack (`packs:` + its key; core/exchange/store.ts). */
export const ExportCursorSchema = lazySchema(() => z.union([RecordIdSchema, z.string().startsWith('packs:').max(400)]));
export const ExportPageSchema = lazySchema(() => z.object({ records: z.array(RejectionSchema), next: ExportCursorSchema.nullable() }));

export const OwnerCountSchema = lazySchema(() => z.object({ id: z.string(), name: z.string(), count: Count }));
export const DataCountsSchema = lazySchema(() => z.object({ total: Count, mine: Count, pending: Count, owners: z.array(OwnerCountSchema) }));
export type DataCounts = z.infer<typeof DataCountsSchema>;

export const ImportOutcomeSchema = lazySchema(() => z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    added: Count,
    updated: Count,
    unchanged: Count,
    exportedBy: OwnerSchema,
    /** Reasons the records use that the local catalog lacks: shown as "unknown reason (id)". */
    unknownReasons: z.array(z.string()),
  }),
  Refused,
]));
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

export const CatalogOutcomeSchema = lazySchema(() => z.discriminatedUnion('status', [
  z.object({ status: z.literal('applied'), revision: Count, dropped: z.array(z.string()) }),
  z.object({ status: z.literal('same'), revision: Count }),
  /** Not newer than the local catalog: applied only if the user says so (`replace: true`). */
  z.object({
    status: z.literal('ask'),
    verdict: z.enum(['older', 'conflict']),
    localRevision: Count,
    fileRevision: Count,
    fileUpdatedAt: TimestampSchema,
    dropped: z.array(z.string()),
  }),
  Refused,
]));
export type CatalogOutcome = z.infer<typeof CatalogOutcomeSchema>;

export const BackupCheckSchema = lazySchema(() => z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ready'),
    exportedAt: TimestampSchema,
    exportedBy: OwnerSchema,
    records: Count,
    catalogRevision: Count,
  }),
  Refused,
]));
export const RestoreOutcomeSchema = lazySchema(() => z.discriminatedUnion('status', [z.object({ status: z.literal('restored'), records: Count }), Refused]));

const Upload = lazySchema(() => z.object({ uploadId: UploadIdSchema }));

/**
 * The fast way in for a file (see core/exchange/uploads.ts): a service-worker postMessage
 * from an extension page with the file's text (decoded in the page), the answer on a MessagePort.
 */
export const UPLOAD_TEXT = 'whylost.uploadText';
export const UploadTextMessageSchema = lazySchema(() => z.object({ type: z.literal(UPLOAD_TEXT), uploadId: UploadIdSchema, text: z.string() }));
export const UploadTextReplySchema = lazySchema(() => z.object({ result: z.enum(['ok', 'unknown', 'out-of-order', 'too-large']) }));

export const EXCHANGE_MESSAGES = {
  /** Records matching the dashboard filter, a page at a time (a whole team's data exceeds one message). */
  'exchange.exportPage': message(() => z.object({ filter: FilterSchema, after: ExportCursorSchema.nullable(), limit: z.number().int().min(1).max(EXPORT_PAGE_MAX) }), () => ExportPageSchema),
  'exchange.counts': message(() => EmptySchema, () => DataCountsSchema),
  /** Removes one imported manager's records; never this browser's own (use "delete everything"). */
  'exchange.removeOwner': message(() => z.object({ ownerId: z.string().min(1).max(100) }), () => z.object({ removed: Count })),
  'exchange.uploadBegin': message(() => z.object({ name: z.string().max(500), size: Count }), () => z.object({ uploadId: UploadIdSchema })),
  'exchange.uploadChunk': message(() => Upload.extend({ index: Count, text: z.string().max(CHUNK_CHARS) }), () => z.object({ received: Count })),
  /** Merges an uploaded records file: all of it in one transaction, or nothing. */
  'exchange.importRecords': message(() => Upload, () => ImportOutcomeSchema),
  'exchange.importCatalog': message(() => Upload.extend({ replace: z.boolean() }), () => CatalogOutcomeSchema),
  /** Validates an uploaded backup and says what it holds; the upload stays for `restoreBackup`. */
  'exchange.checkBackup': message(() => Upload, () => BackupCheckSchema),
  /** Replaces records, settings and catalog with the backup's: all or nothing. */
  'exchange.restoreBackup': message(() => Upload, () => RestoreOutcomeSchema),
  'exchange.dropUpload': message(() => Upload, () => z.object({})),
  /** Deletes every record and resets settings and catalog (the install identity stays). */
  'exchange.deleteAll': message(() => z.object({ confirmed: z.literal(true) }), () => z.object({ removed: Count })),
} as const;
