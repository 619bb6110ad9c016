import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { ANNA, BORIS, everyRecord, makeRecord, makeRecords } from '../../../test/support/exchange-data';
import { answer, T0 } from '../../../test/support/records';
import { DEFAULT_CATALOG } from '../catalog';
import * as store from '../exchange/store';
import { EMPTY_FILTER } from '../filters';
import type { Rejection } from '../rejection';
import { defaultSettings } from '../settings';
import { dashboardStats, type StatsEnv } from '../stats-aggregate';
import { tableOf, type StatsTable } from '../stats-table';
import { openDatabase, type WhyLostDB } from './db';
import { editAnswer, setReopened } from './edits';
import { PACK_MAX, PACK_SIZE, PackDirectory, PackIndexRowSchema, PackRowSchema, recordsById, recordStores, StoredPackSchema, toStored, unpack, type StoredPack } from './packs';
import * as repo from './repository';
import { StatsCache } from './stats-cache';

let n = 0;
const freshDb = () => openDatabase(`packs-${++n}-${Math.random()}`);
const CAROL = { id: 'owner-carol-0003', name: 'Карина' };
const env: StatsEnv = { catalog: DEFAULT_CATALOG, identityId: ANNA.id, now: T0 + 86_400_000, minCommentLength: 10 };
const q = { filter: EMPTY_FILTER, view: 'raw' as const, unusedDays: 30, pendingDays: 2 };

/** Every pack is well formed: sorted, one owner, at most PACK_MAX, its index row saying exactly what it holds. */
async function expectConsistentPacks(db: WhyLostDB): Promise<void> {
  const packs = (await db.packs.toArray()).map((p) => PackRowSchema.parse({ key: p.key, records: unpack(StoredPackSchema.parse(p)) }));
  const index = (await db.packIndex.toArray()).map((r) => PackIndexRowSchema.parse(r));
  expect(index.map((r) => r.key).sort()).toEqual(packs.map((p) => p.key).sort());
  const seen = new Set<string>();
  for (const pack of packs) {
    const row = index.find((r) => r.key === pack.key)!;
    const ids = pack.records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(pack.records.length).toBeGreaterThan(0);
    expect(pack.records.length).toBeLessThanOrEqual(PACK_MAX);
    expect(pack.records.every((r) => r.owner.id === row.owner)).toBe(true);
    expect(row.ids).toEqual(ids);
    expect(row.lo).toBe(ids[0]);
    expect(row.updatedAt).toEqual(pack.records.map((r) => r.updatedAt));
    expect(row.pending).toBe(pack.records.filter((r) => r.status === 'pending').length);
    for (const id of ids) {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  }
  // An id is in one place only.
  for (const id of await db.rejections.toCollection().primaryKeys()) expect(seen.has(id)).toBe(false);
}

/** The cache's table must equal one built from scratch over every stored record, rows and packs. */
async function expectExact(db: WhyLostDB, t: StatsTable): Promise<void> {
  const truth = tableOf(await everyRecord(db));
  expect(t.live).toBe(truth.live);
  expect(dashboardStats(t, q, env)).toEqual(dashboardStats(truth, q, env));
}

const edited = (records: Rejection[], note: string, by = 60_000) =>
  records.map((r) => ({ ...r, comment: `${r.comment} (${note})`, updatedAt: r.updatedAt + by }));

describe('packs', () => {
  it('keeps another manager’s merged records in a few packs, not one row each, and finds every one by id', async () => {
    const db = freshDb();
    const boris = makeRecords(BORIS, 1200);
    expect(await store.mergeRecords(db, boris, { me: ANNA.id })).toEqual({ ok: true, value: { added: 1200, updated: 0, unchanged: 0 } });
    expect(await db.rejections.count()).toBe(0);
    expect(await db.packs.count()).toBe(Math.ceil(1200 / PACK_SIZE));
    await expectConsistentPacks(db);
    expect(await everyRecord(db)).toEqual([...boris].sort((a, b) => a.id.localeCompare(b.id)));
    const some = [boris[7]!.id, 'not-a-stored-id', boris[1100]!.id];
    expect(await db.transaction('r', recordStores(db), async () => recordsById(db, some))).toEqual([boris[7], undefined, boris[1100]]);
    expect(await repo.getRecord(db, boris[500]!.id)).toEqual({ ok: true, value: boris[500] });
  });

  it('keeps this browser’s own records as rows, and updates a record where it is', async () => {
    const db = freshDb();
    const legacy = makeRecord(BORIS, 0); // imported under schema v1: a row
    await db.rejections.add(legacy);
    const file = [...edited([legacy], 'новее'), ...makeRecords(BORIS, 3, 1), ...makeRecords(ANNA, 2)];
    expect(await store.mergeRecords(db, file, { me: ANNA.id })).toEqual({ ok: true, value: { added: 5, updated: 1, unchanged: 0 } });
    const rows = await db.rejections.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual([legacy.id, ...makeRecords(ANNA, 2).map((r) => r.id)].sort());
    expect(rows.find((r) => r.id === legacy.id)!.comment).toContain('новее');
    expect((await db.packIndex.toArray()).flatMap((r) => r.ids)).toEqual(makeRecords(BORIS, 3, 1).map((r) => r.id));
    expect(await store.mergeRecords(db, file, { me: ANNA.id })).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 6 } });
    await expectConsistentPacks(db);
  });

  it('merges later files into the packs: newer edits win, older and equal ones change nothing, new ids join in id order', async () => {
    const db = freshDb();
    // Even-numbered records first, then a file with every record: the odd ones fall between them.
    const all = makeRecords(BORIS, 1400);
    await store.mergeRecords(db, all.filter((_, i) => i % 2 === 0));
    const before = await everyRecord(db);
    const file = all.map((r, i) => (i % 4 === 0 ? edited([r], 'правка')[0]! : i % 4 === 2 ? { ...r, comment: 'старее', updatedAt: r.updatedAt - 1 } : r));
    expect(await store.mergeRecords(db, file)).toEqual({ ok: true, value: { added: 700, updated: 350, unchanged: 350 } });
    await expectConsistentPacks(db);
    const stored = await everyRecord(db);
    expect(stored).toHaveLength(1400);
    for (const [i, r] of all.entries()) {
      const got = stored.find((s) => s.id === r.id)!;
      if (i % 4 === 0) expect(got.comment).toContain('правка');
      else if (i % 4 === 2) expect(got).toEqual(before.find((b) => b.id === r.id));
      else expect(got).toEqual(r);
    }
    expect(await store.mergeRecords(db, file)).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 1400 } });
  });

  it('rewrites a pack whose every record a file replaces without reading it, and reads the others', async () => {
    const db = freshDb();
    const all = makeRecords(BORIS, 600);
    await store.mergeRecords(db, all);
    const packKeys = (await db.packIndex.toArray()).map((r) => ({ key: r.key, ids: r.ids }));
    const first = new Set(packKeys[0]!.ids);
    // Every record of the first pack edited, and one record of the second.
    const file = [...all.filter((r) => first.has(r.id)), all.find((r) => packKeys[1]!.ids.includes(r.id))!];
    const newer = edited(file, 'правка');
    const reads: string[][] = [];
    const bulkGet = db.packs.bulkGet.bind(db.packs);
    const spy = vi.spyOn(db.packs, 'bulkGet').mockImplementation((keys) => {
      reads.push([...(keys as string[])]);
      return bulkGet(keys as string[]);
    });
    expect(await store.mergeRecords(db, newer)).toEqual({ ok: true, value: { added: 0, updated: newer.length, unchanged: 0 } });
    spy.mockRestore();
    expect(reads.flat()).toEqual([packKeys[1]!.key]);
    await expectConsistentPacks(db);
    const stored = await everyRecord(db);
    expect(stored).toHaveLength(600);
    for (const r of newer) expect(stored.find((s) => s.id === r.id)!.comment).toContain('правка');
    expect(stored.filter((s) => s.comment.includes('правка'))).toHaveLength(newer.length);
  });

  it('refuses a file whose record is packed under another owner, naming that owner, and writes nothing', async () => {
    const db = freshDb();
    await store.mergeRecords(db, makeRecords(BORIS, 10));
    const before = await everyRecord(db);
    const stolen = { ...makeRecord(BORIS, 4), owner: CAROL, updatedAt: makeRecord(BORIS, 4).updatedAt + 1 };
    const res = await store.mergeRecords(db, [...makeRecords(CAROL, 3), stolen]);
    expect(res).toEqual({ ok: false, problem: { code: 'owner-conflict', params: { id: stolen.id, local: BORIS.name, file: CAROL.name } } });
    expect(await everyRecord(db)).toEqual(before);
  });

  it('says the storage is full and changes nothing when a pack write hits the quota', async () => {
    const db = freshDb();
    await store.mergeRecords(db, makeRecords(BORIS, 300));
    const before = await everyRecord(db);
    const quota = Object.assign(new Error('Encountered full disk while opening backing store'), { name: 'QuotaExceededError' });
    // Boris's packs are written, then Carol's hit the quota: the whole file rolls back.
    const original = db.packIndex.bulkPut.bind(db.packIndex);
    const put = vi
      .spyOn(db.packIndex, 'bulkPut')
      .mockImplementationOnce((...args) => original(...args))
      .mockImplementationOnce(() => Dexie.Promise.reject(quota) as ReturnType<typeof original>);
    const file = [...edited(makeRecords(BORIS, 300), 'новее'), ...makeRecords(CAROL, 20)];
    const res = await store.mergeRecords(db, file);
    put.mockRestore();
    expect(res).toEqual({ ok: false, problem: { code: 'storage', params: { detail: 'the browser storage is full' } } });
    expect(await everyRecord(db)).toEqual(before);
    await expectConsistentPacks(db);
    // Nothing of the failed write is remembered either: the same file then applies in full.
    expect(await store.mergeRecords(db, file)).toEqual({ ok: true, value: { added: 20, updated: 300, unchanged: 0 } });
  });

  it('edits a packed record in its pack: a new answer, closed by mistake and back', async () => {
    const db = freshDb();
    const boris = makeRecords(BORIS, 600);
    await store.mergeRecords(db, boris);
    const id = boris[321]!.id;
    const rules = defaultSettings(ANNA.id).comments;
    const changed = await editAnswer(db, { id, answer: answer({ reasonId: 'spam', comment: 'Спам с сайта, номер не существует' }) }, { catalog: DEFAULT_CATALOG, rules, now: T0 + 5_000 });
    expect(changed).toMatchObject({ ok: true, value: { id, reasonId: 'spam' } });
    expect(await setReopened(db, { id, reopened: true, note: 'вернулся', by: 'Анна' }, T0 + 9_000)).toMatchObject({ ok: true, value: { reopened: { by: 'Анна' } } });
    expect(await db.rejections.count()).toBe(0);
    const got = await repo.getRecord(db, id);
    expect(got).toMatchObject({ ok: true, value: { reasonId: 'spam', reopened: { note: 'вернулся' } } });
    expect((await everyRecord(db)).filter((r) => r.id !== id)).toEqual([...boris].filter((r) => r.id !== id).sort((a, b) => a.id.localeCompare(b.id)));
    await expectConsistentPacks(db);
    expect(await editAnswer(db, { id: 'no-such-record-1', answer: answer() }, { catalog: DEFAULT_CATALOG, rules, now: T0 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('pages an export through rows then packs, every record once, following the filter', async () => {
    const db = freshDb();
    await db.rejections.bulkAdd(makeRecords(ANNA, 2100));
    await store.mergeRecords(db, makeRecords(BORIS, 2600));
    await store.mergeRecords(db, makeRecords(CAROL, 900));
    const team = { catalog: DEFAULT_CATALOG, me: ANNA.id };
    const pageThrough = async (scope: 'mine' | 'team', limit: number) => {
      const seen: string[] = [];
      let after: string | null = null;
      let calls = 0;
      do {
        const page: store.ExportPage = await store.exportPage(db, { filter: { ...EMPTY_FILTER, scope }, after, limit }, team);
        seen.push(...page.records.map((r) => r.id));
        after = page.next;
        calls++;
      } while (after !== null && calls < 100);
      return { seen, calls };
    };
    const everyone = await pageThrough('team', 1000);
    expect(everyone.seen).toHaveLength(5600);
    expect(new Set(everyone.seen).size).toBe(5600);
    expect(everyone.calls).toBeLessThan(12);
    // This browser's rows first, in id order.
    expect(everyone.seen.slice(0, 2100)).toEqual(makeRecords(ANNA, 2100).map((r) => r.id).sort());
    const mine = await pageThrough('mine', 5000);
    expect(mine.seen).toEqual(makeRecords(ANNA, 2100).map((r) => r.id).sort());
  });

  it('counts and removes owners across rows and packs, and replaces or deletes everything', async () => {
    const db = freshDb();
    await db.rejections.bulkAdd([...makeRecords(ANNA, 4), makeRecord(BORIS, 900)]);
    await store.mergeRecords(db, [...makeRecords(BORIS, 5), makeRecord({ ...BORIS, name: '' }, 999)]);
    await store.mergeRecords(db, makeRecords(CAROL, 3).map((r) => ({ ...r, status: 'pending' as const })));
    expect(await store.dataCounts(db, ANNA.id)).toEqual({
      total: 14,
      mine: 4,
      pending: 3,
      owners: [
        { id: BORIS.id, name: BORIS.name, count: 7 },
        { id: ANNA.id, name: ANNA.name, count: 4 },
        { id: CAROL.id, name: CAROL.name, count: 3 },
      ],
    });
    expect(await store.removeOwner(db, BORIS.id)).toBe(7);
    expect((await everyRecord(db)).map((r) => r.owner.id).sort()).toEqual([...Array(4).fill(ANNA.id), ...Array(3).fill(CAROL.id)].sort());
    expect(await store.replaceAll(db, [...makeRecords(ANNA, 2), ...makeRecords(BORIS, 3)], { me: ANNA.id })).toEqual({ ok: true, value: 5 });
    expect(await db.rejections.count()).toBe(2);
    expect((await everyRecord(db)).map((r) => r.id)).toEqual([...makeRecords(ANNA, 2), ...makeRecords(BORIS, 3)].map((r) => r.id).sort());
    await expectConsistentPacks(db);
    expect(await store.deleteAll(db)).toBe(5);
    expect(await everyRecord(db)).toEqual([]);
    expect(await db.packIndex.count()).toBe(0);
  });

  it('restores a backup of several managers into packs all at once, or leaves everything as it was', async () => {
    const db = freshDb();
    const team = [...makeRecords(ANNA, 2), ...makeRecords(BORIS, 3), ...makeRecords(CAROL, 2), ...makeRecords({ id: 'owner-dina-0004', name: '' }, 1)];
    await store.mergeRecords(db, makeRecords(BORIS, 5, 100));
    expect(await store.replaceAll(db, team, { me: 'lead-browser' })).toEqual({ ok: true, value: 8 });
    expect(await db.rejections.count()).toBe(0);
    expect(await everyRecord(db)).toEqual([...team].sort((a, b) => a.id.localeCompare(b.id)));
    await expectConsistentPacks(db);
    const broken = [...makeRecords(CAROL, 2, 50), { ...makeRecord(BORIS, 60), extra: () => 'not cloneable' } as unknown as Rejection];
    expect(await store.replaceAll(db, broken, { me: 'lead-browser' })).toMatchObject({ ok: false, problem: { code: 'storage' } });
    expect(await everyRecord(db)).toEqual([...team].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await store.deleteAll(db)).toBe(8);
  });

  it('logs what a pack write or delete touched, so the statistics cache stays exact', async () => {
    const db = freshDb();
    const cache = new StatsCache(db, { persistIdleMs: 60_000, rebuildShare: 1 });
    await db.rejections.bulkAdd(makeRecords(ANNA, 50));
    await expectExact(db, await cache.current());
    await store.mergeRecords(db, makeRecords(BORIS, 700));
    const entry = (await db.statsLog.toArray()).at(-1)!;
    // A write names its packs (the cache reads them); a delete names the ids it removed.
    expect(entry.ids).toEqual([]);
    expect([...entry.packs!].sort()).toEqual((await db.packs.toCollection().primaryKeys()).sort());
    await expectExact(db, await cache.current());
    await store.mergeRecords(db, [...edited(makeRecords(BORIS, 700).filter((_, i) => i % 3 === 0), 'новее'), ...makeRecords(BORIS, 40, 700)]);
    await expectExact(db, await cache.current());
    const boris = (await everyRecord(db)).find((r) => r.owner.id === BORIS.id)!;
    await editAnswer(db, { id: boris.id, answer: answer({ reasonId: 'competitor', competitor: 'Климат-Про', comment: 'Ушли к ним: монтаж в тот же день' }) }, { catalog: DEFAULT_CATALOG, rules: defaultSettings(ANNA.id).comments, now: T0 + 1 });
    await expectExact(db, await cache.current());
    await store.removeOwner(db, BORIS.id);
    const logged = (await db.statsLog.toArray()).at(-1)!;
    expect([...logged.ids].sort()).toEqual(makeRecords(BORIS, 740).map((r) => r.id).sort()); // read before the delete
    expect(logged.packs).toEqual([]);
    await expectExact(db, await cache.current());
    expect((await cache.current()).live).toBe(50);
    // Nothing of the above needed a rebuild: the log said exactly what changed.
    expect(cache.events.filter((e) => e.kind === 'rebuilt')).toHaveLength(1); // the first, empty load
    cache.dispose();
  });
  it('lets the statistics cache take the packs a merge just wrote from memory, never once they were written or deleted again', async () => {
    const db = freshDb();
    const cache = new StatsCache(db, { persistIdleMs: 60_000, rebuildShare: 1 });
    await db.rejections.bulkAdd(makeRecords(ANNA, 50));
    await expectExact(db, await cache.current());
    const reads: string[] = [];
    const bulkGet = db.packs.bulkGet.bind(db.packs);
    const spy = vi.spyOn(db.packs, 'bulkGet').mockImplementation((keys) => {
      reads.push(...(keys as string[]));
      return bulkGet(keys as string[]);
    });
    // A merge: its packs come from memory.
    await store.mergeRecords(db, makeRecords(BORIS, 700));
    await expectExact(db, await cache.current());
    expect(reads).toEqual([]);
    // A merge, then an edit of one of its packs before the cache looks: that pack is read, the others not.
    await store.mergeRecords(db, edited(makeRecords(BORIS, 700), 'новее'));
    const boris = (await everyRecord(db)).find((r) => r.owner.id === BORIS.id)!;
    const editedPack = (await db.packIndex.toArray()).find((r) => r.ids.includes(boris.id))!.key;
    reads.length = 0;
    await editAnswer(db, { id: boris.id, answer: answer({ reasonId: 'competitor', competitor: 'Климат-Про', comment: 'Ушли к ним: монтаж в тот же день' }) }, { catalog: DEFAULT_CATALOG, rules: defaultSettings(ANNA.id).comments, now: T0 + 1 });
    const editReads = reads.length;
    await expectExact(db, await cache.current());
    expect(reads.slice(editReads)).toEqual([editedPack]);
    // A merge, then its owner removed before the cache looks: nothing of it comes back from memory.
    await store.mergeRecords(db, makeRecords(CAROL, 300));
    await store.removeOwner(db, CAROL.id);
    const t = await cache.current();
    await expectExact(db, t);
    expect(t.live).toBe(750);
    spy.mockRestore();
    expect(cache.events.filter((e) => e.kind === 'rebuilt')).toHaveLength(1); // the first, empty load
    cache.dispose();
  });
  it('counts only the records it must read against the rebuild limit: packs held from a merge cost nothing', async () => {
    const db = freshDb();
    // Same database, another connection: it holds none of the packs merged through `db`.
    const other = openDatabase(db.name);
    const options = { persistIdleMs: 60_000, chunk: 100, rebuildShare: 0.25 };
    const cache = new StatsCache(db, options);
    const elsewhere = new StatsCache(other, options);
    await db.rejections.bulkAdd(makeRecords(ANNA, 50));
    await expectExact(db, await cache.current());
    await expectExact(db, await elsewhere.current());
    const rebuilds = (c: StatsCache) => c.events.filter((e) => e.kind === 'rebuilt').length;
    const before = [rebuilds(cache), rebuilds(elsewhere)];
    await store.mergeRecords(db, makeRecords(BORIS, 700));
    await store.mergeRecords(db, makeRecords(CAROL, 300));
    await expectExact(db, await cache.current());
    await expectExact(db, await elsewhere.current());
    expect(rebuilds(cache) - before[0]!).toBe(0); // 1,000 changed records, all held
    expect(rebuilds(elsewhere) - before[1]!).toBe(1); // 1,000 to read, over its limit of 100
    cache.dispose();
    elsewhere.dispose();
    other.close();
  });
});

describe('stored packs: shared values once', () => {
  /** What IndexedDB gives back: a structured clone of what was put. */
  const throughStorage = (pack: { key: string; records: Rejection[] }) => unpack(structuredClone(toStored(pack)));
  const sharedOf = (p: StoredPack) => ('fields' in p ? Object.fromEntries(p.fields.flatMap((f, i) => (p.shared[i] ? [[f, p.values[i]]] : []))) : {});

  it('stores each value every record shares once, the rest per record without field names, and restores every record as written', () => {
    const records = makeRecords(BORIS, 250);
    const stored = toStored({ key: 'k', records });
    expect(sharedOf(stored)).toMatchObject({ owner: BORIS, host: 'demo.amocrm.ru', native: null, currency: 'RUB' });
    expect(sharedOf(stored)).not.toHaveProperty('id');
    expect(sharedOf(stored)).not.toHaveProperty('comment');
    const own = 'fields' in stored ? stored.shared.filter((x) => !x).length : -1;
    expect(own).toBeGreaterThan(0);
    expect('rows' in stored && stored.rows.every((row, i) => row.length === own && row.includes(records[i]!.id) && !row.includes(BORIS.name))).toBe(true);
    const back = throughStorage({ key: 'k', records });
    expect(back).toStrictEqual(records);
    // Field order too: an export of a restored record reads as the one written.
    expect(back.map((r) => JSON.stringify(r))).toEqual(records.map((r) => JSON.stringify(r)));
  });

  it('keeps a field per record when any record differs, by value or by shape', () => {
    const records = makeRecords(BORIS, 6).map((r, i) => {
      if (i === 2) return { ...r, pipeline: { id: '3', name: 'Продажи 2' }, amount: -0 };
      if (i === 3) return { ...r, secondaryReasonIds: ['price'], manager: { name: r.manager.name, id: r.manager.id } };
      if (i === 4) return { ...r, reopened: { at: T0, by: 'Анна', note: 'вернули' }, competitor: 'Рога и копыта' };
      if (i === 5) return { ...r, fromStage: { id: '21', name: 'Переговоры', extra: null } };
      return r;
    }) as Rejection[];
    const stored = toStored({ key: 'k', records });
    // The same values in another field order count as different: each record keeps its order.
    for (const f of ['pipeline', 'secondaryReasonIds', 'reopened', 'amount', 'competitor', 'fromStage', 'manager']) expect(sharedOf(stored)).not.toHaveProperty(f);
    expect(sharedOf(stored)).toHaveProperty('owner');
    const back = throughStorage({ key: 'k', records });
    expect(Object.is(back[2]!.amount, -0)).toBe(true);
    expect(back).toStrictEqual(records);
    expect(back.map((r) => JSON.stringify(r))).toEqual(records.map((r) => JSON.stringify(r)));
  });

  it('gives every restored record its own objects', () => {
    const back = throughStorage({ key: 'k', records: makeRecords(BORIS, 3) });
    back[0]!.owner.name = 'changed';
    back[0]!.secondaryReasonIds.push('price');
    expect(back[1]!.owner.name).toBe(BORIS.name);
    expect(back[1]!.secondaryReasonIds).toEqual([]);
  });

  it('stores whole records when one record, nothing shared, records with other fields, or a field named __proto__', () => {
    const whole = (records: unknown[]) => {
      const stored = toStored({ key: 'k', records: records as Rejection[] });
      expect(stored).toEqual({ key: 'k', records });
      expect(unpack(structuredClone(stored))).toStrictEqual(records);
    };
    whole(makeRecords(BORIS, 1));
    const [a, b] = makeRecords(BORIS, 2);
    whole([{ id: a!.id, n: 1 }, { id: b!.id, n: 2 }]);
    whole([a, { ...b, extra: 1 }]);
    const { comment: _, ...lacking } = b!;
    whole([a, lacking]);
    whole([a, { ...lacking, other: 'same count, another field' }]);
    whole([a, { id: b!.id, ...b }]); // the same fields in another order
    const proto = makeRecords(BORIS, 2).map((r) => JSON.parse(JSON.stringify(r).replace('{', '{"__proto__":{"x":1},')) as Rejection);
    expect(Object.hasOwn(proto[0]!, '__proto__')).toBe(true);
    whole(proto);
  });

  it('reads packs written whole, before shared values existed, and merges into them', async () => {
    const db = freshDb();
    const boris = makeRecords(BORIS, 300);
    await store.mergeRecords(db, boris, { me: ANNA.id });
    const written = await db.packs.toArray();
    expect(written.every((p) => 'fields' in p)).toBe(true);
    // The same packs as an older version stored them: whole records.
    await db.packs.bulkPut(written.map((p) => ({ key: p.key, records: unpack(p) as unknown as Record<string, unknown>[] })));
    expect(await everyRecord(db)).toEqual(boris);
    await store.mergeRecords(db, edited(boris.slice(0, 10), 'поздняя правка'), { me: ANNA.id });
    expect((await everyRecord(db)).slice(0, 11)).toEqual([...edited(boris.slice(0, 10), 'поздняя правка'), boris[10]]);
    await expectConsistentPacks(db);
  });
});

describe('PackDirectory', () => {
  it('finds each packed id, its pack and its position; forgets a replaced or deleted pack’s ids', () => {
    const row = (key: string, ids: string[]) => ({ key, owner: BORIS.id, lo: ids[0]!, ids, updatedAt: ids.map((_, i) => T0 + i), pending: 0, named: null });
    const a = row('a', ['id-00001', 'id-00003', 'id-00005', 'id-00007', 'id-00009']);
    const b = row('b', ['id-00010', 'id-00012']);
    const dir = new PackDirectory([a, b]);
    for (const r of [a, b]) r.ids.forEach((id, at) => expect(dir.find(id)).toEqual({ row: r, at }));
    expect(dir.find('id-00004')).toBeUndefined();
    expect(dir.rowOf('id-00012')).toBe(b);
    const a2 = row('a', ['id-00001', 'id-00004']);
    dir.set(a2);
    expect(dir.find('id-00004')).toEqual({ row: a2, at: 1 });
    expect(dir.find('id-00005')).toBeUndefined();
    dir.delete('b');
    expect(dir.rowOf('id-00010')).toBeUndefined();
    expect(dir.find('id-00001')).toEqual({ row: a2, at: 0 });
  });
});
