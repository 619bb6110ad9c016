/**
 * Imported managers' records, kept in packs (schema v2). IndexedDB's cost here is per request,
 * not per byte: 100,000 one-record puts take ~10 s in Chromium on this machine, a few hundred
 * rows holding the same records a fraction of that. So a merge writes another manager's records
 * as packs — up to PACK_MAX records of one owner, consecutive in id order — while this browser's
 * own records (capture, dedupe, pending, the panel) stay one row each in `rejections`.
 *
 * Two stores, always written together, in the same transaction:
 * - `packs`: the records, sorted by id — as columns of a kind when they have the same fields,
 *   each value they all share stored once (StoredPack), else as { key, records };
 * - `packIndex`: { key, owner, lo, ids, updatedAt, pending, named } — what a pack holds, small
 *   enough (ids and times only) for a merge to read every row in one request and know, without
 *   reading a record, which ids are here, whose they are and how new.
 *
 * A record id lives in exactly one place: `rejections` or one pack. Records imported under
 * schema v1 are rows of `rejections`; a merge updates them there, so they never move.
 *
 * The change log (change-log.ts) watches `packIndex`: a pack written logs its key (the cache
 * reads the pack), a pack deleted every id it held, so the statistics cache stays exact.
 * A merge keeps the index in memory between files (PackDirectory), checked against the log.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { RejectionSchema, type Rejection } from '../rejection';
import type { WhyLostDB } from './db';

/** Records per pack when packs are cut; a pack is re-cut when it grows past PACK_MAX. */
export const PACK_SIZE = 250;
export const PACK_MAX = 2 * PACK_SIZE;

export const PackRowSchema = lazySchema(() => z.object({ key: z.string().min(1), records: z.array(RejectionSchema) }));
export type PackRow = z.infer<typeof PackRowSchema>;

export const PackIndexRowSchema = lazySchema(() => z.object({
  key: z.string().min(1),
  /** The owner id of every record in the pack. */
  owner: z.string().min(1),
  /** The smallest id: a new record of this owner goes to the pack with the greatest `lo` not above it. */
  lo: z.string(),
  /** The pack's record ids, sorted, and each one's updatedAt at the same position. */
  ids: z.array(z.string()),
  updatedAt: z.array(z.number()),
  /** How many of its records are pending. */
  pending: z.number().int().min(0),
  /** The record with the largest id whose owner has a name, and that name (the owners list shows it). */
  named: z.object({ id: z.string(), name: z.string() }).nullable(),
}));
export type PackIndexRow = z.infer<typeof PackIndexRowSchema>;

/**
 * A pack as IndexedDB holds it. Serialising a value costs per value more than per byte, and a
 * pack's records repeat most of theirs: one manager's records share their owner, CRM, portal,
 * manager and currency, often the pipeline and stages, and the fields they leave empty. So when
 * every record has the same fields in the same order, a pack is stored as columns of a kind: the
 * field names once, each value every record shares once, and per record only the values of the
 * other fields, in order, without names. unpack() restores whole records, fields in that order,
 * shared values copied for each record. Packs whose records differ in their fields, and packs
 * written before this form existed, hold whole records (`records`).
 * Measured in Chromium on 5,000 of the merge bench's records (21 of 35 fields shared in a pack of
 * 250; docs/benchmarks.md, "Stop 15"), medians: whole records put in ~26–41 ms and read back in
 * ~21–23 ms; the columns built in ~8 ms, put in ~10–16 ms, read back and restored in ~12–18 ms.
 * Records are validated where they come in (imports, edits), so reads do not parse this again.
 */
export const StoredPackSchema = lazySchema(() => z.union([
  z.object({ key: z.string().min(1), records: z.array(z.record(z.string(), z.unknown())) }),
  z.object({
    key: z.string().min(1),
    /** Every record's fields, in order. */
    fields: z.array(z.string()),
    /** Per field: whether every record has the same value… */
    shared: z.array(z.boolean()),
    /** …and that value (null where not shared). */
    values: z.array(z.unknown()),
    /** Per record, the values of the fields not shared, in field order. */
    rows: z.array(z.array(z.unknown())),
  }),
]));
export type StoredPack = z.infer<typeof StoredPackSchema>;

/** Per nesting depth, the field names of the object being compared (reused: no array per comparison). */
const fieldsAt: string[][] = [];

/**
 * Equal as stored values: primitives by Object.is, arrays and plain objects field by field. Keys
 * are walked with for-in into reused arrays, not Object.keys: toStored compares every record's
 * fields with the first's, and a new array per nested object was ~8 % of what the worker
 * allocated during a merge (issue 8).
 */
function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (!isPlain(a)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (fieldsAt[depth] ??= []);
  keys.length = 0;
  for (const k in x) keys.push(k);
  if (!sameFields(keys, y)) return false;
  for (let i = 0; i < keys.length; i++) if (!sameValue(x[keys[i]!], y[keys[i]!], depth + 1)) return false;
  return true;
}

/** A plain object (for-in then walks its own fields only). */
const isPlain = (o: object) => Object.getPrototypeOf(o) === Object.prototype;

/** Whether `o` is plain with exactly these fields, in this order (field names are interned: compared by identity). */
function sameFields(fields: readonly string[], o: object): boolean {
  if (!isPlain(o)) return false;
  let i = 0;
  for (const k in o) if (k !== fields[i++]) return false;
  return i === fields.length;
}

/** A fresh copy of a shared value, so no two restored records share an object. */
function copyValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyValue);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = copyValue((v as Record<string, unknown>)[k]);
  return out;
}

/** The stored form of a pack: shared values once when every record has the same fields (see StoredPack). */
export function toStored(pack: PackRow): StoredPack {
  const recs = pack.records as unknown as Record<string, unknown>[];
  const whole: StoredPack = { key: pack.key, records: recs };
  const first = recs[0];
  if (recs.length < 2 || !first) return whole;
  const fields = Object.keys(first);
  // '__proto__' as a field name would set a prototype when restored.
  if (fields.includes('__proto__')) return whole;
  for (const r of recs) if (!sameFields(fields, r)) return whole;
  const shared = fields.map((f) => {
    const v = first[f];
    for (let i = 1; i < recs.length; i++) if (!sameValue(recs[i]![f], v)) return false;
    return true;
  });
  const values = fields.map((f, i) => (shared[i] ? first[f] : null));
  const own = fields.filter((_, i) => !shared[i]);
  if (own.length === fields.length) return whole;
  const rows = new Array<unknown[]>(recs.length);
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i]!;
    const row = new Array<unknown>(own.length);
    for (let j = 0; j < own.length; j++) row[j] = r[own[j]!];
    rows[i] = row;
  }
  return { key: pack.key, fields, shared, values, rows };
}

/** A stored pack's records, whole. */
export function unpack(pack: StoredPack): Rejection[] {
  if ('records' in pack) return pack.records as unknown as Rejection[];
  const { fields, shared, values, rows } = pack;
  const out = new Array<Rejection>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const o: Record<string, unknown> = {};
    for (let f = 0, j = 0; f < fields.length; f++) o[fields[f]!] = shared[f] ? copyValue(values[f]) : row[j++];
    out[i] = o as unknown as Rejection;
  }
  return out;
}

/** Packs by key, whole records (undefined where there is no such pack). */
export async function readPacks(db: WhyLostDB, keys: readonly string[]): Promise<(Rejection[] | undefined)[]> {
  return (await db.packs.bulkGet(keys as string[])).map((pack) => (pack ? unpack(pack) : undefined));
}

/** Where a packed record is: its pack's index row and its position there. */
export interface PackedAt {
  row: PackIndexRow;
  at: number;
}

const byId = (a: Rejection, b: Rejection) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function newKey(owner: string): string {
  return `${owner}\u0000${crypto.randomUUID()}`;
}

/** The index row describing `records` (sorted by id, all of `owner`). */
function indexRow(key: string, owner: string, records: readonly Rejection[]): PackIndexRow {
  let pending = 0;
  let named: PackIndexRow['named'] = null;
  for (const r of records) {
    if (r.status === 'pending') pending++;
    if (r.owner.name !== '') named = { id: r.id, name: r.owner.name };
  }
  return { key, owner, lo: records[0]?.id ?? '', ids: records.map((r) => r.id), updatedAt: records.map((r) => r.updatedAt), pending, named };
}

/** Every pack's index row (one request). */
export function readIndex(db: WhyLostDB): Promise<PackIndexRow[]> {
  return db.packIndex.toArray();
}

/** The pack index in memory: every row, and where each packed id is. */
export class PackDirectory {
  readonly rows = new Map<string, PackIndexRow>();
  /** Each packed id's row (its position is looked up in the row's sorted ids when asked). */
  private readonly where = new Map<string, PackIndexRow>();

  constructor(rows: Iterable<PackIndexRow> = []) {
    for (const row of rows) this.set(row);
  }

  /** Adds or replaces a row (a pack written). */
  set(row: PackIndexRow): void {
    this.delete(row.key);
    this.rows.set(row.key, row);
    for (const id of row.ids) this.where.set(id, row);
  }

  delete(key: string): void {
    const old = this.rows.get(key);
    if (!old) return;
    this.rows.delete(key);
    for (const id of old.ids) if (this.where.get(id) === old) this.where.delete(id);
  }

  /** The index row of the pack holding `id`. */
  rowOf(id: string): PackIndexRow | undefined {
    return this.where.get(id);
  }

  find(id: string): PackedAt | undefined {
    const row = this.where.get(id);
    if (!row) return undefined;
    let lo = 0;
    let hi = row.ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (row.ids[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return { row, at: lo };
  }

  /** One owner's rows, by `lo`. */
  ownerRows(owner: string): PackIndexRow[] {
    return [...this.rows.values()].filter((r) => r.owner === owner).sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  }
}

/**
 * The directory last read or written through a database object, with the change-log position
 * it matches: every pack write logs (change-log.ts) and log sequence numbers only grow, so an
 * unchanged last position means an unchanged index. An empty log proves nothing (the cache trims
 * it): the index is read again. Saves a merge reading 100,000 ids per file.
 */
const directories = new WeakMap<WhyLostDB, { seq: number; directory: PackDirectory }>();

async function logPosition(db: WhyLostDB): Promise<number | null> {
  return (await db.statsLog.orderBy('seq').last())?.seq ?? null;
}

/** The pack directory, from memory when nothing was written since. In a transaction on recordStores. */
export async function packDirectory(db: WhyLostDB): Promise<PackDirectory> {
  const seq = await logPosition(db);
  const kept = directories.get(db);
  if (seq !== null && kept?.seq === seq) return kept.directory;
  const directory = new PackDirectory(await readIndex(db));
  if (seq !== null) directories.set(db, { seq, directory });
  else directories.delete(db);
  return directory;
}

/**
 * The log position after this transaction's writes, read inside it; once the transaction has
 * committed, `rememberDirectory` keeps the directory (updated by putPacked) at that position.
 * Never before the commit: an aborted write must not leave a directory that names its packs.
 */
export function directoryPosition(db: WhyLostDB): Promise<number | null> {
  return logPosition(db);
}

export function rememberDirectory(db: WhyLostDB, seq: number | null, directory: PackDirectory): void {
  if (seq !== null) directories.set(db, { seq, directory });
}

/**
 * Packs a merge just wrote, held a little while for the statistics cache: its catch-up after a
 * merge would otherwise read back — deserialise — the records this context had in hand a moment
 * before (~20–40 ms a 5,000-record file, on the worker's thread an import keeps busy). Each is
 * held with the log position after its transaction committed; the cache uses it only when no
 * later entry of the log wrote that pack or deleted any (recentPack), else it reads the pack.
 * At most RECENT_MAX records are held, the oldest dropped first; the cache drops what it has applied.
 */
interface HeldPack {
  seq: number;
  records: readonly Rejection[];
}
const recent = new WeakMap<WhyLostDB, Map<string, HeldPack>>();
const RECENT_MAX = 50_000;

/** After the commit of a transaction that wrote `packs`, at log position `seq` (see directoryPosition). */
export function rememberPacks(db: WhyLostDB, seq: number | null, packs: readonly PackRow[]): void {
  if (seq === null || packs.length === 0) return;
  const held = recent.get(db) ?? new Map<string, HeldPack>();
  recent.set(db, held);
  for (const pack of packs) {
    held.delete(pack.key); // re-inserted last: the map is oldest first
    held.set(pack.key, { seq, records: pack.records });
  }
  let count = 0;
  for (const h of held.values()) count += h.records.length;
  for (const [key, h] of held) {
    if (count <= RECENT_MAX) break;
    held.delete(key);
    count -= h.records.length;
  }
}

/**
 * The records of pack `key` if this context holds them as written at log position `current` or
 * later — `current` being the last position that wrote this pack or deleted any pack.
 */
export function recentPack(db: WhyLostDB, key: string, current: number): readonly Rejection[] | undefined {
  const held = recent.get(db)?.get(key);
  return held && held.seq >= current ? held.records : undefined;
}

/** Drops the packs held from positions up to `seq` (the cache has applied them). */
export function forgetPacksUpTo(db: WhyLostDB, seq: number): void {
  const held = recent.get(db);
  if (held) for (const [key, h] of held) if (h.seq <= seq) held.delete(key);
}

/** The packed records with these ids (absent ones are left out). */
export async function packedRecords(db: WhyLostDB, ids: readonly string[], directory?: PackDirectory): Promise<Map<string, Rejection>> {
  const out = new Map<string, Rejection>();
  if (ids.length === 0) return out;
  const dir = directory ?? (await packDirectory(db));
  const wanted = new Set(ids.filter((id) => dir.rowOf(id)));
  const keys = [...new Set([...wanted].map((id) => dir.rowOf(id)!.key))];
  for (const records of await readPacks(db, keys)) for (const r of records ?? []) if (wanted.has(r.id)) out.set(r.id, r);
  return out;
}

/** Records by id from both stores, in the order asked; undefined where there is none. In a transaction on recordStores. */
export async function recordsById(db: WhyLostDB, ids: readonly string[]): Promise<(Rejection | undefined)[]> {
  const local = await db.rejections.bulkGet(ids as string[]);
  const missing = ids.filter((_, i) => !local[i]);
  if (missing.length === 0) return local;
  const packed = await packedRecords(db, missing);
  return local.map((r, i) => r ?? packed.get(ids[i]!));
}

/** Cuts sorted records of one owner into packs of PACK_SIZE; the first keeps `key` if given. */
function cut(owner: string, records: readonly Rejection[], key?: string): { pack: PackRow; index: PackIndexRow }[] {
  const out: { pack: PackRow; index: PackIndexRow }[] = [];
  const parts = Math.max(1, Math.ceil(records.length / PACK_SIZE));
  const size = Math.ceil(records.length / parts);
  for (let p = 0; p < parts; p++) {
    const part = records.slice(p * size, (p + 1) * size);
    const k = p === 0 && key ? key : newKey(owner);
    out.push({ pack: { key: k, records: part }, index: indexRow(k, owner, part) });
  }
  return out;
}

/**
 * Writes records of one owner into that owner's packs: a record already in a pack replaces it
 * there, a new one joins the pack covering its place in id order. Call inside a transaction on
 * recordStores; `directory` (the current index) is updated with the rows written. Returns the
 * packs written.
 */
export async function putPacked(db: WhyLostDB, owner: string, records: readonly Rejection[], directory: PackDirectory): Promise<PackRow[]> {
  if (records.length === 0) return [];
  const sorted = [...records].sort(byId);
  const mine = directory.ownerRows(owner);
  if (mine.length === 0) return write(db, cut(owner, sorted), directory);
  // Which pack each record goes to: where it is, or the last pack whose lo is not above it.
  const target = new Map<string, Rejection[]>();
  let p = 0;
  for (const r of sorted) {
    let key = directory.rowOf(r.id)?.key;
    if (!key) {
      while (p + 1 < mine.length && mine[p + 1]!.lo <= r.id) p++;
      key = mine[p]!.key;
    }
    const list = target.get(key) ?? [];
    list.push(r);
    target.set(key, list);
  }
  const keys = [...target.keys()];
  // A pack whose every record is replaced (a file of newer edits) is not read: its index row,
  // written with it, says which ids it holds.
  const replacedWhole = (key: string) => {
    const row = directory.rows.get(key);
    if (!row) return false;
    const incoming = new Set(target.get(key)!.map((r) => r.id));
    return row.ids.every((id) => incoming.has(id));
  };
  const toRead = keys.filter((key) => !replacedWhole(key));
  const read = new Map((await readPacks(db, toRead)).map((records, i) => [toRead[i]!, records]));
  const out: { pack: PackRow; index: PackIndexRow }[] = [];
  keys.forEach((key) => {
    const byKey = new Map((read.get(key) ?? []).map((r) => [r.id, r]));
    for (const r of target.get(key)!) byKey.set(r.id, r);
    const merged = [...byKey.values()].sort(byId);
    out.push(...(merged.length > PACK_MAX ? cut(owner, merged, key) : [{ pack: { key, records: merged }, index: indexRow(key, owner, merged) }]));
  });
  return write(db, out, directory);
}

async function write(db: WhyLostDB, parts: readonly { pack: PackRow; index: PackIndexRow }[], directory: PackDirectory): Promise<PackRow[]> {
  // The directory is about to describe writes not yet committed: no longer the one to trust.
  directories.delete(db);
  const packs = parts.map((p) => p.pack);
  await db.packs.bulkPut(packs.map(toStored));
  await db.packIndex.bulkPut(parts.map((p) => p.index));
  for (const p of parts) directory.set(p.index);
  return packs;
}

/** Replaces one packed record (an edit); false if no pack holds its id. In a transaction on recordStores. */
export async function replacePacked(db: WhyLostDB, record: Rejection): Promise<boolean> {
  const directory = await packDirectory(db);
  const where = directory.find(record.id);
  if (!where) return false;
  await putPacked(db, where.row.owner, [record], directory);
  return true;
}

/** Removes every pack of one owner; returns how many records they held. */
export async function removePacked(db: WhyLostDB, owner: string): Promise<number> {
  const rows = await db.packIndex.where('owner').equals(owner).toArray();
  const keys = rows.map((r) => r.key);
  await db.packIndex.bulkDelete(keys);
  await db.packs.bulkDelete(keys);
  return rows.reduce((n, r) => n + r.ids.length, 0);
}

/** How many records the packs hold. */
export async function packedCount(db: WhyLostDB): Promise<number> {
  let n = 0;
  for (const row of await readIndex(db)) n += row.ids.length;
  return n;
}

/**
 * Visits the packed records, a few packs at a time, in pack key order (grouped by owner),
 * starting after the pack `afterKey`. `visit` gets the records and the last pack's key;
 * returning false stops.
 */
export async function scanPacks(
  db: WhyLostDB,
  afterKey: string | null,
  perPage: number,
  visit: (records: Rejection[], lastKey: string, more: boolean) => boolean | void,
): Promise<void> {
  const packsPerRead = Math.max(1, Math.floor(perPage / PACK_SIZE));
  let last = afterKey;
  for (;;) {
    const rows = await (last === null ? db.packs.orderBy(':id') : db.packs.where(':id').above(last)).limit(packsPerRead).toArray();
    if (rows.length === 0) return;
    last = rows.at(-1)!.key;
    const more = rows.length === packsPerRead;
    if (visit(rows.flatMap(unpack), last, more) === false) return;
    if (!more) return;
  }
}

/** Records per page of scanRecords, unless the caller says otherwise. */
const SCAN_PAGE = 2000;

/** An export cursor: the rows of `rejections` are done, the packs follow (after the pack key appended). */
export const PACKS_CURSOR = 'packs:';

/**
 * Visits every record, about `pageSize` at a time: the rows of `rejections` in id order, then
 * the packs (each in id order, grouped by owner). Starts after the cursor `after` (a record id,
 * or PACKS_CURSOR + a pack key); `visit` gets each page with the cursor that continues after
 * it (null at the end) and stops the scan by returning false.
 */
export async function scanRecords(
  db: WhyLostDB,
  after: string | null,
  visit: (page: Rejection[], next: string | null) => boolean | void,
  pageSize = SCAN_PAGE,
): Promise<void> {
  let last = after;
  while (last === null || !last.startsWith(PACKS_CURSOR)) {
    const page = await (last === null ? db.rejections.orderBy(':id') : db.rejections.where(':id').above(last)).limit(pageSize).toArray();
    const next = page.length === pageSize ? page.at(-1)!.id : (await db.packs.count()) > 0 ? PACKS_CURSOR : null;
    if (page.length && visit(page, next) === false) return;
    if (next === null) return;
    last = next;
  }
  const afterKey = last.slice(PACKS_CURSOR.length) || null;
  await scanPacks(db, afterKey, pageSize, (records, lastKey, more) => visit(records, more ? PACKS_CURSOR + lastKey : null));
}

/**
 * The stores a record may be in (and the log the pack directory is checked against): a
 * transaction that reads or edits records by id takes them all. Pass Dexie an `async` scope
 * function: a plain one returning these functions' promises lets the transaction commit early.
 */
export function recordStores(db: WhyLostDB) {
  return [db.rejections, db.packs, db.packIndex, db.statsLog];
}

/** A record by id: a row of `rejections`, or in a pack. */
export async function findRecord(db: WhyLostDB, id: string): Promise<Rejection | undefined> {
  return (await recordsById(db, [id]))[0];
}

/** Writes an edited record back where it is: its pack, or else a row of `rejections`. In a transaction on recordStores. */
export async function saveRecord(db: WhyLostDB, record: Rejection): Promise<void> {
  if ((await db.rejections.get(record.id)) || !(await replacePacked(db, record))) await db.rejections.put(record);
}
