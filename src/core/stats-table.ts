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
  live: number;
  ids: string[];
  /** Lower-cased title and comment, for the drill-down search. */
  text: string[];
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
  rowOf: Map<string, number>;
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
    live: 0,
    ids: [],
    text: [],
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
  let row = t.rowOf.get(r.id);
  if (row === undefined) {
    ensureCapacity(t, t.size + 1);
    row = t.size++;
    t.rowOf.set(r.id, row);
    t.ids[row] = r.id;
    t.live++;
  }
  t.text[row] = `${r.title ?? ''}\n${r.comment}`.toLowerCase();
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
  const row = t.rowOf.get(id);
  if (row === undefined) return;
  t.rowOf.delete(id);
  t.status[row] = DELETED;
  t.text[row] = '';
  t.live--;
}

export function tableOf(records: Iterable<StatsSource>): StatsTable {
  const t = emptyTable();
  for (const r of records) upsert(t, r);
  return t;
}

/** The same table without deleted rows (dictionaries kept: their indexes stay valid). */
export function compacted(t: StatsTable): StatsTable {
  if (t.live === t.size) return t;
  const next = emptyTable(Math.max(t.live, 1024));
  next.dicts = t.dicts;
  let j = 0;
  for (let i = 0; i < t.size; i++) {
    if (t.status[i] === DELETED) continue;
    next.ids[j] = t.ids[i]!;
    next.text[j] = t.text[i]!;
    next.detectedAt[j] = t.detectedAt[i]!;
    next.reopenedAt[j] = t.reopenedAt[i]!;
    next.followUpAt[j] = t.followUpAt[i]!;
    next.status[j] = t.status[i]!;
    next.commentLength[j] = t.commentLength[i]!;
    for (const d of DIMENSIONS) next.dims[d][j] = t.dims[d][i]!;
    next.rowOf.set(t.ids[i]!, j);
    j++;
  }
  next.size = next.live = j;
  return next;
}

// ---------------------------------------------------------------------------------------------
// Snapshot: the table as one structured-cloneable value, stored in IndexedDB by the cache.

export const SNAPSHOT_FORMAT = 'whylost-stats-table';
export const SNAPSHOT_VERSION = 1;

const dict = z.object({ keys: z.array(z.string()), labels: z.array(z.string()) });
const u32 = z.instanceof(Uint32Array);

/**
 * Checked when read back: shape and lengths, not every id (the snapshot is our own derived data;
 * anything odd makes the cache rebuild it from the records).
 */
export const SnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(SNAPSHOT_VERSION),
    /** The last change-log entry the table includes. */
    appliedSeq: z.number().int().min(0),
    size: z.number().int().min(0),
    ids: z.array(z.unknown()),
    text: z.array(z.unknown()),
    detectedAt: z.instanceof(Float64Array),
    reopenedAt: z.instanceof(Float64Array),
    followUpAt: z.instanceof(Float64Array),
    status: z.instanceof(Uint8Array),
    commentLength: z.instanceof(Uint16Array),
    dims: z.object({ reason: u32, manager: u32, owner: u32, host: u32, pipeline: u32, crm: u32, segment: u32 }),
    dicts: z.object({ reason: dict, manager: dict, owner: dict, host: dict, pipeline: dict, crm: dict, segment: dict }),
  })
  .superRefine((s, ctx) => {
    const columns = [s.ids, s.text, s.detectedAt, s.reopenedAt, s.followUpAt, s.status, s.commentLength, ...Object.values(s.dims)];
    if (columns.some((c) => c.length !== s.size)) ctx.addIssue({ code: 'custom', message: 'column lengths differ from size' });
    for (const d of DIMENSIONS) {
      const n = s.dicts[d].keys.length;
      if (s.dicts[d].labels.length !== n) ctx.addIssue({ code: 'custom', message: `${d}: labels and keys differ` });
      if (s.dims[d].some((v) => v >= n)) ctx.addIssue({ code: 'custom', message: `${d}: index outside its dictionary` });
    }
  });
export type Snapshot = z.infer<typeof SnapshotSchema>;

export function toSnapshot(table: StatsTable, appliedSeq: number): Snapshot {
  const t = compacted(table);
  const n = t.size;
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    appliedSeq,
    size: n,
    ids: t.ids.slice(0, n),
    text: t.text.slice(0, n),
    detectedAt: t.detectedAt.slice(0, n),
    reopenedAt: t.reopenedAt.slice(0, n),
    followUpAt: t.followUpAt.slice(0, n),
    status: t.status.slice(0, n),
    commentLength: t.commentLength.slice(0, n),
    dims: Object.fromEntries(DIMENSIONS.map((d) => [d, t.dims[d].slice(0, n)])) as Snapshot['dims'],
    dicts: Object.fromEntries(
      DIMENSIONS.map((d) => [d, { keys: [...t.dicts[d].keys], labels: [...t.dicts[d].labels] }]),
    ) as Snapshot['dicts'],
  };
}

/** The table stored in a snapshot, or null when the value is not a valid snapshot. */
export function fromSnapshot(raw: unknown): { table: StatsTable; appliedSeq: number } | null {
  const parsed = SnapshotSchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  const ids = s.ids as string[];
  const rowOf = new Map<string, number>();
  for (let i = 0; i < s.size; i++) rowOf.set(ids[i]!, i);
  if (rowOf.size !== s.size) return null;
  const dicts = Object.fromEntries(DIMENSIONS.map((d) => [d, dictionary(s.dicts[d].keys, s.dicts[d].labels)])) as Record<
    Dimension,
    Dictionary
  >;
  return {
    appliedSeq: s.appliedSeq,
    table: {
      size: s.size,
      live: s.size,
      ids,
      text: s.text as string[],
      detectedAt: s.detectedAt,
      reopenedAt: s.reopenedAt,
      followUpAt: s.followUpAt,
      status: s.status,
      commentLength: s.commentLength,
      dims: s.dims,
      dicts,
      rowOf,
    },
  };
}
