/**
 * The database side of sharing: merge a file's records, read records a page at a time for
 * exports, list and remove owners, replace or clear everything. Each write is one Dexie
 * transaction, so a file applies wholly or not at all.
 *
 * Records live in two stores (schema v2): this browser's own, and any imported under v1, one
 * row each in `rejections`; other managers' records merged since, in packs (storage/packs.ts).
 * Every function here reads and writes both, so callers see one set of records.
 */
import type { Catalog } from '../catalog';
import { matchesFilter, type Filter } from '../filters';
import type { Rejection } from '../rejection';
import type { WhyLostDB } from '../storage/db';
import {
  directoryPosition,
  packDirectory,
  PackDirectory,
  packedCount,
  packedRecords,
  putPacked,
  recordStores,
  rememberDirectory,
  rememberPacks,
  removePacked,
  scanRecords,
  type PackRow,
} from '../storage/packs';
import { planMerge, type MergeCounts, type MergeLocal } from './merge';
import { problem, type ImportProblem } from './problems';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

function storageProblem(error: unknown): ImportProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return problem('storage', { detail: name === 'QuotaExceededError' || /quota/i.test(message) ? 'the browser storage is full' : message.slice(0, 300) });
}

/**
 * The local records with the incoming ids. One manager's ids share a prefix, so they sit in one
 * key range: its keys come in one getAllKeys (cheap, no values), and only ids already here are
 * read — none for a first import, one getAll over the range when most are here (measured in
 * Chromium: 5,000 single gets cost ~8× one getAll of the range).
 */
async function existingOf(db: WhyLostDB, incoming: readonly Rejection[]): Promise<(Rejection | undefined)[]> {
  if (incoming.length === 0) return [];
  let min = incoming[0]!.id;
  let max = min;
  for (const r of incoming) {
    if (r.id < min) min = r.id;
    if (r.id > max) max = r.id;
  }
  const range = () => db.rejections.where(':id').between(min, max, true, true);
  const inRange = (await range().primaryKeys()) as string[];
  if (inRange.length === 0) return new Array<undefined>(incoming.length);
  const wanted = new Set(incoming.map((r) => r.id));
  const here = inRange.filter((id) => wanted.has(id));
  if (here.length === 0) return new Array<undefined>(incoming.length);
  const found = new Map<string, Rejection>();
  if (inRange.length <= here.length * 2) {
    for (const r of await range().toArray()) if (wanted.has(r.id)) found.set(r.id, r);
  } else {
    for (const r of await db.rejections.bulkGet(here)) if (r) found.set(r.id, r);
  }
  return incoming.map((r) => found.get(r.id));
}

/** Whose records stay one row each in `rejections`: this browser's identity (the others' go to packs). */
export interface Routing {
  me?: string;
}

/** Records to write, by where they go: rows of `rejections`, or packs per owner. */
function route(records: readonly Rejection[], toRows: (r: Rejection) => boolean): { rows: Rejection[]; packs: Map<string, Rejection[]> } {
  const rows: Rejection[] = [];
  const packs = new Map<string, Rejection[]>();
  for (const r of records) {
    if (toRows(r)) rows.push(r);
    else {
      const list = packs.get(r.owner.id) ?? [];
      list.push(r);
      packs.set(r.owner.id, list);
    }
  }
  return { rows, packs };
}

/**
 * Merges one file's records in one transaction: all of them or, on any problem, none. A record
 * is updated where it is (a row, or its pack); a new one becomes a row if it is `me`'s, else
 * joins its owner's packs.
 */
export async function mergeRecords(db: WhyLostDB, incoming: readonly Rejection[], routing: Routing = {}): Promise<StoreResult<MergeCounts>> {
  try {
    const { result, written } = await db.transaction('rw', recordStores(db), async () => {
      const local = await existingOf(db, incoming);
      const directory = await packDirectory(db);
      const packed = incoming.map((r, i) => (local[i] ? undefined : directory.find(r.id)));
      // A packed record of another owner refuses the file: read it, so the refusal names its owner as the record does.
      const foreign = incoming.filter((r, i) => packed[i] && packed[i].row.owner !== r.owner.id).map((r) => r.id);
      const foreignRecords = foreign.length ? await packedRecords(db, foreign, directory) : new Map<string, Rejection>();
      const existing = incoming.map((r, i): MergeLocal | undefined => {
        const at = packed[i];
        if (!at) return local[i];
        return foreignRecords.get(r.id) ?? { owner: { id: at.row.owner, name: '' }, updatedAt: at.row.updatedAt[at.at]! };
      });
      const plan = planMerge(incoming, existing);
      if (!plan.ok) return { result: plan, written: null };
      const inRows = new Set(incoming.filter((_, i) => local[i]).map((r) => r.id));
      const { rows, packs } = route(plan.put, (r) => inRows.has(r.id) || (!directory.rowOf(r.id) && r.owner.id === routing.me));
      if (rows.length) await db.rejections.bulkPut(rows);
      const packsWritten: PackRow[] = [];
      for (const [owner, records] of packs) packsWritten.push(...(await putPacked(db, owner, records, directory)));
      const value: StoreResult<MergeCounts> = { ok: true, value: plan.counts };
      return { result: value, written: packs.size ? { seq: await directoryPosition(db), directory, packs: packsWritten } : null };
    });
    // Committed: the next file's merge may start from this directory, and the statistics cache
    // may take the packs written from memory.
    if (written) {
      rememberDirectory(db, written.seq, written.directory);
      rememberPacks(db, written.seq, written.packs);
    }
    return result;
  } catch (error) {
    return { ok: false, problem: storageProblem(error) };
  }
}

export interface ExportPage {
  records: Rejection[];
  /** Pass as `after` for the next page; null when there is no more. */
  next: string | null;
}

/** Up to about `limit` records matching the dashboard filter, after the cursor `after` (see scanRecords). */
export async function exportPage(
  db: WhyLostDB,
  req: { filter: Filter; after: string | null; limit: number },
  env: { catalog: Catalog; me: string },
): Promise<ExportPage> {
  const records: Rejection[] = [];
  let next: string | null = null;
  await scanRecords(db, req.after, (page, cursor) => {
    for (const r of page) if (matchesFilter(r, req.filter, env.catalog, env.me)) records.push(r);
    next = cursor;
    return records.length < req.limit;
  });
  return { records, next };
}

export interface OwnerCount {
  id: string;
  name: string;
  count: number;
}

export interface DataCounts {
  total: number;
  mine: number;
  pending: number;
  owners: OwnerCount[];
}

/**
 * How many records, how many mine, how many pending, and the owners with their counts (largest
 * first). An owner is named as their record with the largest id that carries a name.
 */
export async function dataCounts(db: WhyLostDB, me: string): Promise<DataCounts> {
  return db.transaction('r', recordStores(db), async () => {
    const owners = new Map<string, OwnerCount & { namedId: string }>();
    const ids = (await db.rejections.orderBy('owner.id').uniqueKeys()) as string[];
    for (const id of ids) {
      // Dexie collections change in place (filter, last): one collection per question.
      const ofOwner = () => db.rejections.where('owner.id').equals(id);
      const count = await ofOwner().count();
      const named = await ofOwner().filter((r) => r.owner.name !== '').last();
      owners.set(id, { id, name: named?.owner.name ?? '', count, namedId: named?.id ?? '' });
    }
    let pending = await db.rejections.where('status').equals('pending').count();
    // The pack index as the last merge left it in memory, unless something was written since.
    for (const row of (await packDirectory(db)).rows.values()) {
      pending += row.pending;
      const o = owners.get(row.owner) ?? { id: row.owner, name: '', count: 0, namedId: '' };
      o.count += row.ids.length;
      if (row.named && row.named.id > o.namedId) {
        o.name = row.named.name;
        o.namedId = row.named.id;
      }
      owners.set(row.owner, o);
    }
    const list = [...owners.values()]
      .map(({ id, name, count }) => ({ id, name, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
    const total = list.reduce((n, o) => n + o.count, 0);
    return { total, mine: owners.get(me)?.count ?? 0, pending, owners: list };
  });
}

/** Empties every store of records (in the caller's transaction; one after another: see recordStores). */
async function clearRecords(db: WhyLostDB): Promise<void> {
  await db.rejections.clear();
  await db.packs.clear();
  await db.packIndex.clear();
}

/** Removes every record of one owner (an imported manager), rows and packs, in one transaction. */
export async function removeOwner(db: WhyLostDB, ownerId: string): Promise<number> {
  return db.transaction('rw', recordStores(db), async () => {
    const rows = await db.rejections.where('owner.id').equals(ownerId).delete();
    return rows + (await removePacked(db, ownerId));
  });
}

/** Replaces every record (a backup restore), in one transaction: `me`'s as rows, the others' in packs. */
export async function replaceAll(db: WhyLostDB, records: readonly Rejection[], routing: Routing = {}): Promise<StoreResult<number>> {
  try {
    const seen = new Set<string>();
    for (const r of records) {
      if (seen.has(r.id)) throw new Error(`record ${r.id} appears twice`);
      seen.add(r.id);
    }
    await db.transaction('rw', recordStores(db), async () => {
      await clearRecords(db);
      const { rows, packs } = route(records, (r) => r.owner.id === routing.me);
      if (rows.length) await db.rejections.bulkAdd(rows);
      const directory = new PackDirectory();
      for (const [owner, list] of packs) await putPacked(db, owner, list, directory);
    });
    return { ok: true, value: records.length };
  } catch (error) {
    return { ok: false, problem: storageProblem(error) };
  }
}

export async function deleteAll(db: WhyLostDB): Promise<number> {
  return db.transaction('rw', recordStores(db), async () => {
    const n = (await db.rejections.count()) + (await packedCount(db));
    await clearRecords(db);
    return n;
  });
}
