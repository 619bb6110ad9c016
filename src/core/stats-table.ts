/**
 * The statistics table: what statistics need of each record, kept as compact columns (typed
 * arrays plus dictionaries of the distinct strings), so a pass over 100,000 records takes a few
 * milliseconds and the whole table loads from one IndexedDB row in tens of milliseconds
 * (reading 100,000 full records takes seconds: docs/benchmarks.md).
 *
 * Pure: no IndexedDB here (the background's cache, storage/stats-cache.ts, keeps it current).
 */
import { z } from 'zod';
import { visibleLength } from './answer-rules';
import { managerKey } from './filters';
import { lazySchema } from './lazy-schema';
import type { Rejection } from './rejection';

export const STATUS_CODES = ['pending', 'tagged', 'follow-up', 'withdrawn'] as const;
export const DELETED = 255;
export const [PENDING, TAGGED, FOLLOW_UP, WITHDRAWN] = [0, 1, 2, 3] as const;

/** The record fields that statistics group and filter by; each value goes through a dictionary. */
export const DIMENSIONS = ['reason', 'manager', 'owner', 'host', 'pipeline', 'crm', 'segment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The fields of a record the table reads. */
export type StatsSource = Pick<
  Rejection,
  | 'id'
  | 'status'
  | 'detectedAt'
  | 'reasonId'
  | 'manager'
  | 'owner'
  | 'host'
  | 'crm'
  | 'pipeline'
  | 'segment'
  | 'title'
  | 'comment'
  | 'reopened'
  | 'followUpAt'
>;

/** Distinct values of one dimension. Index 0 is "none" (key ''). The label is the last one seen. */
export interface Dictionary {
  keys: string[];
  labels: string[];
  index: Map<string, number>;
}

export interface StatsTable {
  /** Rows in use, deleted ones included (status DELETED) until compacted. */
  size: number;
  /** Bumped by every change: results that depend on the whole table are kept per version. */
  version: number;
  live: number;
  /**
   * Record ids by row, and rows by id: read them through idsOf / rowsOf. A table read from a
   * snapshot keeps its ids as one string until something needs them (a cold background answering
   * the popup never does).
   */
  ids: string[] | null;
  idsJoined: string | null;
  rowOf: Map<string, number> | null;
  /**
   * Lower-cased title and comment, for the drill-down search. Loaded after the columns (it is
   * most of the snapshot's bytes and only the search reads it): until then rows read from the
   * snapshot have no entry here and textComplete is false.
   */
  text: (string | undefined)[];
  textComplete: boolean;
  detectedAt: Float64Array<ArrayBuffer>;
  /** 0 = not reopened. */
  reopenedAt: Float64Array<ArrayBuffer>;
  /** 0 = no follow-up date. */
  followUpAt: Float64Array<ArrayBuffer>;
  status: Uint8Array<ArrayBuffer>;
  /** Visible characters of the comment, capped at 65,535. */
  commentLength: Uint16Array<ArrayBuffer>;
  dims: Record<Dimension, Uint32Array<ArrayBuffer>>;
  dicts: Record<Dimension, Dictionary>;
}

/** Record ids cannot hold a line break (RecordIdSchema): the separator of the joined form. */
const ID_SEPARATOR = '\n';

export function idsOf(t: StatsTable): string[] {
  if (!t.ids) {
    t.ids = t.idsJoined ? t.idsJoined.split(ID_SEPARATOR) : [];
    t.idsJoined = null;
  }
  return t.ids;
}

export function rowsOf(t: StatsTable): Map<string, number> {
  if (!t.rowOf) {
    const ids = idsOf(t);
    const rowOf = new Map<string, number>();
    for (let i = 0; i < t.size; i++) if (t.status[i] !== DELETED) rowOf.set(ids[i]!, i);
    t.rowOf = rowOf;
  }
  return t.rowOf;
}

function dictionary(keys: string[] = [''], labels: string[] = ['']): Dictionary {
  return { keys, labels, index: new Map(keys.map((k, i) => [k, i])) };
}

function intern(d: Dictionary, key: string, label: string): number {
  let i = d.index.get(key);
  if (i === undefined) {
    i = d.keys.length;
    d.keys.push(key);
    d.labels.push(label);
    d.index.set(key, i);
  } else if (label && d.labels[i] !== label) {
    d.labels[i] = label;
  }
  return i;
}

export function emptyTable(capacity = 1024): StatsTable {
  const dims = {} as Record<Dimension, Uint32Array<ArrayBuffer>>;
  const dicts = {} as Record<Dimension, Dictionary>;
  for (const d of DIMENSIONS) {
    dims[d] = new Uint32Array(capacity);
    dicts[d] = dictionary();
  }
  return {
    size: 0,
    version: 0,
    live: 0,
    ids: [],
    idsJoined: null,
    text: [],
    textComplete: true,
    detectedAt: new Float64Array(capacity),
    reopenedAt: new Float64Array(capacity),
    followUpAt: new Float64Array(capacity),
    status: new Uint8Array(capacity),
    commentLength: new Uint16Array(capacity),
    dims,
    dicts,
    rowOf: new Map(),
  };
}

function grown<T extends Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(a: T, capacity: number): T {
  const next = new (a.constructor as new (n: number) => T)(capacity);
  next.set(a);
  return next;
}

function ensureCapacity(t: StatsTable, rows: number): void {
  if (rows <= t.status.length) return;
  const capacity = Math.max(rows, t.status.length * 2, 1024);
  t.detectedAt = grown(t.detectedAt, capacity);
  t.reopenedAt = grown(t.reopenedAt, capacity);
  t.followUpAt = grown(t.followUpAt, capacity);
  t.status = grown(t.status, capacity);
  t.commentLength = grown(t.commentLength, capacity);
  for (const d of DIMENSIONS) t.dims[d] = grown(t.dims[d], capacity);
}

/** Adds a record, or overwrites its row when the id is already there. */
export function upsert(t: StatsTable, r: StatsSource): void {
  t.version++;
  const rowOf = rowsOf(t);
  let row = rowOf.get(r.id);
  if (row === undefined) {
    ensureCapacity(t, t.size + 1);
    row = t.size++;
    rowOf.set(r.id, row);
    idsOf(t)[row] = r.id;
    t.live++;
  }
  // As written: a search matches any case (stats-aggregate's drillRows), so no lower-casing of
  // every imported comment (~2 µs each for Cyrillic, most of them never searched).
  t.text[row] = `${r.title ?? ''}\n${r.comment}`;
  t.detectedAt[row] = r.detectedAt;
  t.reopenedAt[row] = r.reopened?.at ?? 0;
  t.followUpAt[row] = r.followUpAt ?? 0;
  t.status[row] = STATUS_CODES.indexOf(r.status);
  t.commentLength[row] = Math.min(65_535, r.comment ? visibleLength(r.comment) : 0);
  const { dims, dicts } = t;
  dims.reason[row] = r.reasonId ? intern(dicts.reason, r.reasonId, r.reasonId) : 0;
  const mk = managerKey(r);
  dims.manager[row] = mk ? intern(dicts.manager, mk, r.manager.name ?? mk) : 0;
  dims.owner[row] = intern(dicts.owner, r.owner.id, r.owner.name || r.owner.id);
  dims.host[row] = intern(dicts.host, r.host, r.host);
  dims.pipeline[row] = r.pipeline ? intern(dicts.pipeline, r.pipeline.id, r.pipeline.name ?? r.pipeline.id) : 0;
  dims.crm[row] = intern(dicts.crm, r.crm, r.crm);
  dims.segment[row] = r.segment ? intern(dicts.segment, r.segment, r.segment) : 0;
}

export function remove(t: StatsTable, id: string): void {
  const rowOf = rowsOf(t);
  const row = rowOf.get(id);
  if (row === undefined) return;
  t.version++;
  rowOf.delete(id);
  t.status[row] = DELETED;
  t.text[row] = '';
  t.live--;
}

export function tableOf(records: Iterable<StatsSource>): StatsTable {
  const t = emptyTable();
  for (const r of records) upsert(t, r);
  return t;
}

/**
 * The same table without deleted rows (dictionaries kept: their indexes stay valid). Rows move,
 * so the text must be complete first (its missing entries are filled by row number).
 */
export function compacted(t: StatsTable): StatsTable {
  if (t.live === t.size) return t;
  if (!t.textComplete) throw new Error('compacting a table whose text is not loaded');
  const next = emptyTable(Math.max(t.live, 1024));
  next.dicts = t.dicts;
  const ids = idsOf(t);
  const nextIds = idsOf(next);
  const nextRows = rowsOf(next);
  let j = 0;
  for (let i = 0; i < t.size; i++) {
    if (t.status[i] === DELETED) continue;
    nextIds[j] = ids[i]!;
    next.text[j] = t.text[i];
    next.detectedAt[j] = t.detectedAt[i]!;
    next.reopenedAt[j] = t.reopenedAt[i]!;
    next.followUpAt[j] = t.followUpAt[i]!;
    next.status[j] = t.status[i]!;
    next.commentLength[j] = t.commentLength[i]!;
    for (const d of DIMENSIONS) next.dims[d][j] = t.dims[d][i]!;
    nextRows.set(ids[i]!, j);
    j++;
  }
  next.size = next.live = j;
  return next;
}

// ---------------------------------------------------------------------------------------------
// Snapshot: the table as two structured-cloneable values stored in IndexedDB by the cache —
// the columns (read on every background start) and the search text (read when first needed).

export const SNAPSHOT_FORMAT = 'whylost-stats-table';
/** A snapshot of another version is not migrated: the cache rebuilds it from the records. */
export const SNAPSHOT_VERSION = 3;

const dict = lazySchema(() => z.object({ keys: z.array(z.string()), labels: z.array(z.string()) }));
/** A dimension column is stored as 16-bit indexes while its dictionary fits. */
const indexes = lazySchema(() => z.union([z.instanceof(Uint16Array), z.instanceof(Uint32Array)]));
/** Rows with a non-zero time, and those times: most records are never reopened nor followed up. */
const sparse = lazySchema(() => z.object({ rows: z.instanceof(Uint32Array), at: z.instanceof(Float64Array) }));

/**
 * Checked when read back: shape and lengths, dictionary indexes in range — not every id (the
 * snapshot is our own derived data; anything odd makes the cache rebuild it from the records).
 */
export const SnapshotSchema = lazySchema(() => z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(SNAPSHOT_VERSION),
    /** The last change-log entry the table includes. */
    appliedSeq: z.number().int().min(0),
    size: z.number().int().min(0),
    /** Record ids joined by line breaks. */
    ids: z.string(),
    detectedAt: z.instanceof(Float64Array),
    reopenedAt: sparse,
    followUpAt: sparse,
    status: z.instanceof(Uint8Array),
    commentLength: z.instanceof(Uint16Array),
    dims: z.object({ reason: indexes, manager: indexes, owner: indexes, host: indexes, pipeline: indexes, crm: indexes, segment: indexes }),
    dicts: z.object({ reason: dict, manager: dict, owner: dict, host: dict, pipeline: dict, crm: dict, segment: dict }),
  })
  .superRefine((s, ctx) => {
    const columns = [s.detectedAt, s.status, s.commentLength, ...Object.values(s.dims)];
    if (columns.some((c) => c.length !== s.size)) ctx.addIssue({ code: 'custom', message: 'column lengths differ from size' });
    for (const x of [s.reopenedAt, s.followUpAt]) {
      if (x.rows.length !== x.at.length || x.rows.some((r) => r >= s.size)) ctx.addIssue({ code: 'custom', message: 'sparse column out of range' });
    }
    for (const d of DIMENSIONS) {
      const n = s.dicts[d].keys.length;
      if (s.dicts[d].labels.length !== n) ctx.addIssue({ code: 'custom', message: `${d}: labels and keys differ` });
      const col = s.dims[d];
      let max = 0;
      for (let i = 0; i < col.length; i++) if (col[i]! > max) max = col[i]!;
      if (col.length && max >= n) ctx.addIssue({ code: 'custom', message: `${d}: index outside its dictionary` });
    }
  }));
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const TextSnapshotSchema = lazySchema(() => z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(SNAPSHOT_VERSION),
    appliedSeq: z.number().int().min(0),
    size: z.number().int().min(0),
    /** Checked for being an array and its length, not element by element. */
    text: z.custom<string[]>((v) => Array.isArray(v), 'an array'),
  })
  .refine((s) => s.text.length === s.size, 'text length differs from size'));
export type TextSnapshot = z.infer<typeof TextSnapshotSchema>;

function toSparse(col: Float64Array, n: number): Snapshot['reopenedAt'] {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (col[i]) rows.push(i);
  return { rows: Uint32Array.from(rows), at: Float64Array.from(rows, (i) => col[i]!) };
}

function fromSparse(x: Snapshot['reopenedAt'], n: number): Float64Array<ArrayBuffer> {
  const col = new Float64Array(n);
  for (let k = 0; k < x.rows.length; k++) col[x.rows[k]!] = x.at[k]!;
  return col;
}

/** The table (compacted) as its columns and its text. */
export function toSnapshot(table: StatsTable, appliedSeq: number): { columns: Snapshot; text: TextSnapshot } {
  const t = compacted(table);
  if (!t.textComplete) throw new Error('saving a table whose text is not loaded');
  const n = t.size;
  const head = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, appliedSeq, size: n } as const;
  return {
    columns: {
      ...head,
      ids: idsOf(t).slice(0, n).join(ID_SEPARATOR),
      detectedAt: t.detectedAt.slice(0, n),
      reopenedAt: toSparse(t.reopenedAt, n),
      followUpAt: toSparse(t.followUpAt, n),
      status: t.status.slice(0, n),
      commentLength: t.commentLength.slice(0, n),
      dims: Object.fromEntries(
        DIMENSIONS.map((d) => [d, t.dicts[d].keys.length <= 65_536 ? Uint16Array.from(t.dims[d].subarray(0, n)) : t.dims[d].slice(0, n)]),
      ) as Snapshot['dims'],
      dicts: Object.fromEntries(
        DIMENSIONS.map((d) => [d, { keys: [...t.dicts[d].keys], labels: [...t.dicts[d].labels] }]),
      ) as Snapshot['dicts'],
    },
    text: { ...head, text: t.text.slice(0, n).map((x) => x ?? '') },
  };
}

/** The table stored in a columns snapshot (its text not loaded), or null when it is not a valid snapshot. */
export function fromSnapshot(raw: unknown): { table: StatsTable; appliedSeq: number } | null {
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  if (s.size > 0 && s.ids.length < 9 * s.size - 1) return null; // ids are 8+ characters, one separator between
  const dicts = Object.fromEntries(DIMENSIONS.map((d) => [d, dictionary(s.dicts[d].keys, s.dicts[d].labels)])) as Record<
    Dimension,
    Dictionary
  >;
  const dims = Object.fromEntries(
    DIMENSIONS.map((d) => [d, s.dims[d] instanceof Uint32Array ? s.dims[d] : Uint32Array.from(s.dims[d])]),
  ) as Record<Dimension, Uint32Array<ArrayBuffer>>;
  return {
    appliedSeq: s.appliedSeq,
    table: {
      size: s.size,
      version: 0,
      live: s.size,
      ids: s.size ? null : [],
      idsJoined: s.size ? s.ids : null,
      rowOf: null,
      text: new Array<string | undefined>(s.size),
      textComplete: s.size === 0,
      detectedAt: s.detectedAt,
      reopenedAt: fromSparse(s.reopenedAt, s.size),
      followUpAt: fromSparse(s.followUpAt, s.size),
      status: s.status,
      commentLength: s.commentLength,
      dims,
      dicts,
    },
  };
}

/**
 * Fills the text of a table read from a columns snapshot with the text snapshot saved with it
 * (same log position and size). Rows written since keep their own text. False if they do not match.
 */
export function fillText(t: StatsTable, raw: unknown, appliedSeq: number, size: number): boolean {
  const parsed = TextSnapshotSchema.safeParse(raw);
  if (!parsed.success || parsed.data.appliedSeq !== appliedSeq || parsed.data.size !== size || size > t.size) return false;
  const text = parsed.data.text;
  for (let i = 0; i < size; i++) if (t.text[i] === undefined) t.text[i] = text[i];
  t.textComplete = true;
  return true;
}
