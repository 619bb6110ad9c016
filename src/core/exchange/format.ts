/**
 * The WhyLost exchange file: one versioned JSON format for everything that leaves a browser as a
 * file — a manager's records (for the team lead), the reason catalog, a full backup.
 * Documented in docs/export-format.md; this file is the source of truth for its schema.
 *
 * Reading follows parse unknown → read the version → migrate → validate (see ./json.ts);
 * every older version has a migration here that turns it into the next one.
 */
import { z } from 'zod';
import { CatalogSchema } from '../catalog';
import { FilterSchema } from '../filters';
import { lazySchema } from '../lazy-schema';
import { TimestampSchema } from '../primitives';
import { leadKeyOf, RejectionSchema } from '../rejection';
import { SettingsSchema } from '../settings';

export const FORMAT_NAME = 'whylost-export';
export const FORMAT_VERSION = 1;

/**
 * Files larger than this are refused before they are read. 5,000 records take about 4 MB, so the
 * limit holds ~40,000 records; bigger sets are exported a period at a time.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export const OwnerSchema = lazySchema(() => RejectionSchema.shape.owner);
export type Owner = z.infer<typeof OwnerSchema>;

export const FileKindSchema = lazySchema(() => z.enum(['records', 'catalog', 'backup']));
export type FileKind = z.infer<typeof FileKindSchema>;

/** Everything but the payload: what any exchange file starts with. */
export const HeaderSchema = lazySchema(() => z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  kind: FileKindSchema,
  exportedAt: TimestampSchema,
  /** The WhyLost identity (settings.identity) of the browser that wrote the file. */
  exportedBy: OwnerSchema,
  /** The extension version that wrote it, for support questions only. */
  app: z.string().max(50),
}));
export type Header = z.infer<typeof HeaderSchema>;

/** Payloads per kind. Records are validated one by one (see json.ts), so they are `unknown[]` here. */
export const RecordsPayloadSchema = lazySchema(() => z.object({
  /** The dashboard filter the export followed; null = everything. */
  filter: FilterSchema.nullable(),
  catalog: CatalogSchema,
  records: z.array(z.unknown()),
}));
export const CatalogPayloadSchema = lazySchema(() => z.object({ catalog: CatalogSchema }));
export const BackupPayloadSchema = lazySchema(() => z.object({
  settings: SettingsSchema,
  catalog: CatalogSchema,
  records: z.array(z.unknown()),
}));

export const RecordsFileSchema = lazySchema(() => HeaderSchema.extend({
  kind: z.literal('records'),
  ...RecordsPayloadSchema.shape,
  records: z.array(RejectionSchema),
}));
export const CatalogFileSchema = lazySchema(() => HeaderSchema.extend({ kind: z.literal('catalog'), ...CatalogPayloadSchema.shape }));
export const BackupFileSchema = lazySchema(() => HeaderSchema.extend({
  kind: z.literal('backup'),
  ...BackupPayloadSchema.shape,
  records: z.array(RejectionSchema),
}));
export type RecordsFile = z.infer<typeof RecordsFileSchema>;
export type CatalogFile = z.infer<typeof CatalogFileSchema>;
export type BackupFile = z.infer<typeof BackupFileSchema>;
export type ExchangeFile = RecordsFile | CatalogFile | BackupFile;

// ---------------------------------------------------------------------------------------------
// The version chain. Version 0 was the prototype's draft (records only, ISO date strings, the
// exporting manager once at the top instead of an owner on each record, a bare list of reasons).
// No released build wrote it; it is kept so the chain is exercised from the first release on.

/** Thrown by a migration with a readable reason; the reader turns it into a refusal. */
export class MigrationError extends Error {}

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

function isoToMs(value: unknown, where: string): number;
function isoToMs(value: unknown, where: string, nullable: true): number | null;
function isoToMs(value: unknown, where: string, nullable = false): number | null {
  if (value === null && nullable) return null;
  const ms = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new MigrationError(`${where} is not an ISO date (${JSON.stringify(value)?.slice(0, 40)})`);
  return ms;
}

/** v0 → v1: per-record owner, millisecond timestamps, leadKey and updatedAt filled in, a catalog object. */
function v0ToV1(doc: Doc): Doc {
  const manager = doc.manager;
  if (!isDoc(manager)) throw new MigrationError('"manager" (who exported) is missing');
  if (!Array.isArray(doc.records)) throw new MigrationError('"records" is not a list');
  const exportedAt = isoToMs(doc.exportedAt, 'exportedAt');
  const owner = { id: manager.id, name: manager.name };
  const records = doc.records.map((raw, i) => {
    if (!isDoc(raw)) throw new MigrationError(`record ${i + 1} is not an object`);
    const where = `record ${i + 1}`;
    const detectedAt = isoToMs(raw.detectedAt, `${where}: detectedAt`);
    const taggedAt = isoToMs(raw.taggedAt ?? null, `${where}: taggedAt`, true);
    const withdrawnAt = isoToMs(raw.withdrawnAt ?? null, `${where}: withdrawnAt`, true);
    const { crm, host, entityType, leadId } = raw as Record<string, string>;
    const entityTypeId = (raw.entityTypeId ?? null) as string | null;
    return {
      ...raw,
      entityTypeId,
      detectedAt,
      taggedAt,
      withdrawnAt,
      updatedAt: Math.max(detectedAt, taggedAt ?? 0, withdrawnAt ?? 0),
      leadKey: leadKeyOf({ crm, host, entityType, entityTypeId, leadId } as Parameters<typeof leadKeyOf>[0]),
      reopened: raw.reopened ?? null,
      owner,
    };
  });
  return {
    format: FORMAT_NAME,
    version: 1,
    kind: 'records',
    exportedAt,
    exportedBy: owner,
    app: typeof doc.app === 'string' ? doc.app : 'WhyLost (format 0)',
    filter: null,
    catalog: { revision: 1, updatedAt: exportedAt, reasons: doc.reasons },
    records,
  };
}

/** MIGRATIONS[n] turns a version-n document into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, (doc: Doc) => Doc>> = { 0: v0ToV1 };
export const OLDEST_VERSION = 0;

/** Runs the chain from `version` up to FORMAT_VERSION. Throws MigrationError. */
export function migrate(doc: Doc, version: number): Doc {
  let current = doc;
  for (let v = version; v < FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new MigrationError(`no upgrade from version ${v}`);
    current = step(current);
  }
  return current;
}
