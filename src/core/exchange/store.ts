/**
 * The database side of sharing: merge a file's records, read records a page at a time for
 * exports, list and remove owners, replace or clear everything. Each write is one Dexie
 * transaction, so a file applies wholly or not at all.
 *
 * Owners: the v1 schema has no index on owner.id, so owners are found by scanning the records
 * a page at a time (getAll with a limit, not a cursor). If a later schema version adds an
 * `owner.id` index, counting and removal use it — see `ownerIndex`.
 */
import type { Catalog } from '../catalog';
import { matchesFilter, type Filter } from '../filters';
import type { Rejection } from '../rejection';
import type { WhyLostDB } from '../storage/db';
import { planMerge, type MergeCounts } from './merge';
import { problem, type ImportProblem } from './problems';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

const SCAN_PAGE = 2000;

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

/** Merges one file's records in one transaction: all of them or, on any problem, none. */
export async function mergeRecords(db: WhyLostDB, incoming: readonly Rejection[]): Promise<StoreResult<MergeCounts>> {
  try {
    return await db.transaction('rw', db.rejections, async () => {
      const existing = await existingOf(db, incoming);
      const plan = planMerge(incoming, existing);
      if (!plan.ok) return plan;
      if (plan.put.length) await db.rejections.bulkPut(plan.put);
      return { ok: true as const, value: plan.counts };
    });
  } catch (error) {
    return { ok: false, problem: storageProblem(error) };
  }
}

/** Visits every record in id order, SCAN_PAGE at a time, starting after `after`. Stops when `visit` returns false. */
export async function scanRecords(
  db: WhyLostDB,
  after: string | null,
  visit: (page: Rejection[]) => boolean | void,
): Promise<void> {
  let last = after;
  for (;;) {
    const page = await (last === null ? db.rejections.orderBy(':id') : db.rejections.where(':id').above(last)).limit(SCAN_PAGE).toArray();
    if (page.length === 0) return;
    if (visit(page) === false) return;
    if (page.length < SCAN_PAGE) return;
    last = page[page.length - 1]!.id;
  }
}

export interface ExportPage {
  records: Rejection[];
  /** Pass as `after` for the next page; null when there is no more. */
  next: string | null;
}

/** Up to about `limit` records matching the dashboard filter, in id order, after the id `after`. */
export async function exportPage(
  db: WhyLostDB,
  req: { filter: Filter; after: string | null; limit: number },
  env: { catalog: Catalog; me: string },
): Promise<ExportPage> {
  const records: Rejection[] = [];
  let next: string | null = null;
  await scanRecords(db, req.after, (page) => {
    for (const r of page) if (matchesFilter(r, req.filter, env.catalog, env.me)) records.push(r);
    next = page.length === SCAN_PAGE ? page[page.length - 1]!.id : null;
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

/** The `owner.id` index, when a schema version has one. */
function ownerIndex(db: WhyLostDB): boolean {
  return Boolean(db.rejections.schema.idxByName['owner.id']);
}

/** How many records, how many mine, how many pending, and the owners with their counts (largest first). */
export async function dataCounts(db: WhyLostDB, me: string): Promise<DataCounts> {
  const owners = new Map<string, OwnerCount & { seen: number }>();
  let pending: number;
  if (ownerIndex(db)) {
    const ids = (await db.rejections.orderBy('owner.id').uniqueKeys()) as string[];
    for (const id of ids) {
      // Dexie collections change in place (filter, last): one collection per question.
      const ofOwner = () => db.rejections.where('owner.id').equals(id);
      const [count, named] = await Promise.all([ofOwner().count(), ofOwner().filter((r) => r.owner.name !== '').last()]);
      owners.set(id, { id, name: named?.owner.name ?? '', count, seen: 0 });
    }
    pending = await db.rejections.where('status').equals('pending').count();
  } else {
    pending = 0;
    await scanRecords(db, null, (page) => {
      for (const r of page) {
        if (r.status === 'pending') pending++;
        const o = owners.get(r.owner.id) ?? { id: r.owner.id, name: '', count: 0, seen: 0 };
        o.count++;
        // The name of the most recently edited record: a manager may have set it after the first records.
        if (r.owner.name && r.updatedAt >= o.seen) {
          o.name = r.owner.name;
          o.seen = r.updatedAt;
        }
        owners.set(r.owner.id, o);
      }
    });
  }
  const list = [...owners.values()]
    .map(({ id, name, count }) => ({ id, name, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const total = list.reduce((n, o) => n + o.count, 0);
  return { total, mine: owners.get(me)?.count ?? 0, pending, owners: list };
}

/** Removes every record of one owner (an imported manager), in one transaction. */
export async function removeOwner(db: WhyLostDB, ownerId: string): Promise<number> {
  return db.transaction('rw', db.rejections, () =>
    ownerIndex(db)
      ? db.rejections.where('owner.id').equals(ownerId).delete()
      : db.rejections.filter((r) => r.owner.id === ownerId).delete(),
  );
}

/** Replaces every record (a backup restore), in one transaction. */
export async function replaceAll(db: WhyLostDB, records: readonly Rejection[]): Promise<StoreResult<number>> {
  try {
    await db.transaction('rw', db.rejections, async () => {
      await db.rejections.clear();
      await db.rejections.bulkAdd(records as Rejection[]);
    });
    return { ok: true, value: records.length };
  } catch (error) {
    return { ok: false, problem: storageProblem(error) };
  }
}

export async function deleteAll(db: WhyLostDB): Promise<number> {
  return db.transaction('rw', db.rejections, async () => {
    const n = await db.rejections.count();
    await db.rejections.clear();
    return n;
  });
}
