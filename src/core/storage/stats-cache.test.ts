import { describe, expect, it } from 'vitest';
import { answer, captureOf, T0 } from '../../../test/support/records';
import { DEFAULT_CATALOG } from '../catalog';
import { EMPTY_FILTER } from '../filters';
import { defaultSettings } from '../settings';
import { dashboardStats, type StatsEnv } from '../stats-aggregate';
import { idsOf, rowsOf, tableOf, type StatsTable } from '../stats-table';
import { openDatabase, type WhyLostDB } from './db';
import * as repo from './repository';
import { SNAPSHOT_KEY, StatsCache, TEXT_KEY } from './stats-cache';
import { drillRows } from '../stats-aggregate';

const owner = { id: 'me', name: 'Анна' };
const rules = defaultSettings('me').comments;
const env: StatsEnv = { catalog: DEFAULT_CATALOG, identityId: 'me', now: T0 + 86_400_000, minCommentLength: 10 };
const q = { filter: EMPTY_FILTER, view: 'raw' as const, unusedDays: 30, pendingDays: 2 };
let n = 0;
const freshDb = () => openDatabase(`cache-${++n}-${Math.random()}`);

async function closeLead(db: WhyLostDB, reasonId = 'price', leadId = String(1000 + ++n)) {
  const c = captureOf({}, { leadId });
  await repo.capture(db, c, owner);
  const res = await repo.tag(db, { id: c.id, answer: answer({ reasonId }) }, { catalog: DEFAULT_CATALOG, rules, owner, now: T0 + 1 });
  if (!res.ok) throw new Error(res.error.message);
  return c.id;
}

/** The cache's answer must equal statistics computed from scratch over every stored record. */
async function expectExact(db: WhyLostDB, t: StatsTable) {
  const truth = tableOf(await db.rejections.toArray());
  expect(t.live).toBe(truth.live);
  expect(dashboardStats(t, q, env)).toEqual(dashboardStats(truth, q, env));
}

/** What the cache did, its timing notes left out. */
const kinds = (c: StatsCache) => c.events.map((e) => e.kind).filter((k) => !['snapshot-read', 'queued', 'refreshed', 'inputs', 'computed', 'answered'].includes(k));

describe('StatsCache', () => {
  it('follows captures, tags, edits and deletes by reading the change log', async () => {
    const db = freshDb();
    const cache = new StatsCache(db, { persistIdleMs: 60_000 });
    expect((await cache.current()).live).toBe(0);
    const a = await closeLead(db, 'price');
    await closeLead(db, 'spam');
    await expectExact(db, await cache.current());
    await db.rejections.update(a, { reasonId: 'other', comment: 'Передумал, объяснил подробно' });
    await db.rejections.add({ ...(await db.rejections.get(a))!, id: 'imported-0001', owner: { id: 'x', name: 'X' } });
    await expectExact(db, await cache.current());
    await db.rejections.delete(a);
    const t = await cache.current();
    await expectExact(db, t);
    expect(rowsOf(t).has(a)).toBe(false);
    expect(kinds(cache).filter((k) => k === 'rebuilt')).toHaveLength(1); // only the first, empty load
  });

  it('reads the log again only when a write was reported (or after recheckMs)', async () => {
    const db = freshDb();
    const cache = new StatsCache(db, { persistIdleMs: 60_000 });
    await closeLead(db);
    await cache.current();
    const reads = () => cache.events.filter((e) => e.kind === 'caught-up').length;
    const before = reads();
    // Nothing written: no log read (a write through the log would have been applied and counted).
    await db.statsLog.add({ ids: ['unreported-0001'] }); // a log entry no write reported
    expect((await cache.current()).live).toBe(1);
    expect(reads()).toBe(before);
    cache.markDirty();
    await cache.current();
    expect(reads()).toBe(before + 1);
    // A write through Dexie is reported by itself.
    await closeLead(db);
    expect((await cache.current()).live).toBe(2);
    const quick = new StatsCache(db, { recheckMs: 0 });
    await quick.current();
    const quickReads = quick.events.filter((e) => e.kind === 'caught-up').length;
    await db.statsLog.add({ ids: ['unreported-0002'] });
    await quick.current();
    expect(quick.events.filter((e) => e.kind === 'caught-up')).toHaveLength(quickReads + 1);
    cache.dispose();
    quick.dispose();
  });

  it('starts a new background from the snapshot plus the writes made after it', async () => {
    const db = freshDb();
    const first = new StatsCache(db, { persistIdleMs: 60_000 });
    for (let i = 0; i < 5; i++) await closeLead(db, i % 2 ? 'price' : 'timing');
    await first.current();
    await first.flush();
    expect(await db.statsSnapshot.get(SNAPSHOT_KEY)).toBeDefined();
    expect(await db.statsLog.count()).toBe(0); // trimmed once the snapshot holds them
    await closeLead(db, 'no-budget');

    const woken = new StatsCache(db);
    const t = await woken.current();
    expect(kinds(woken)).toEqual(['snapshot-loaded', 'caught-up']);
    await expectExact(db, t);
  });

  it('reads the search text only when a search needs it, and keeps text written since', async () => {
    const db = freshDb();
    const first = new StatsCache(db, { persistIdleMs: 60_000 });
    const a = await closeLead(db, 'price');
    await closeLead(db, 'timing');
    await first.current();
    await first.flush();
    await db.rejections.update(a, { comment: 'Уточнили: бюджет срезали вдвое' });

    const woken = new StatsCache(db, { persistIdleMs: 60_000 });
    const t = await woken.current();
    expect(t.textComplete).toBe(false);
    const searched = await woken.current({ text: true });
    expect(kinds(woken)).toEqual(['snapshot-loaded', 'caught-up', 'text-loaded']);
    const found = drillRows(searched, q, { subset: 'counted' }, 'срезали', env);
    expect(found.map((i) => idsOf(searched)[i])).toEqual([a]);
    expect(drillRows(searched, q, { subset: 'counted' }, 'бюджет 50', env)).toHaveLength(1); // the other, from the text row
  });

  it('rebuilds when the text row does not match the columns', async () => {
    const db = freshDb();
    const first = new StatsCache(db, { persistIdleMs: 60_000 });
    await closeLead(db);
    await first.current();
    await first.flush();
    await db.statsSnapshot.delete(TEXT_KEY);
    const woken = new StatsCache(db);
    await expectExact(db, await woken.current({ text: true }));
    expect(kinds(woken)).toEqual(['snapshot-loaded', 'rebuilt']);
  });

  it('rebuilds from the records when the snapshot is unreadable, after clear(), and after mass changes', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i++) await closeLead(db);
    await db.statsSnapshot.put({ key: SNAPSHOT_KEY, value: { format: 'whylost-stats-table', version: 1, size: 3 } });
    const cache = new StatsCache(db, { chunk: 2, rebuildShare: 0.25, persistIdleMs: 60_000 });
    await expectExact(db, await cache.current());
    expect(kinds(cache)).toEqual(['rebuilt']);

    await db.rejections.clear();
    await expectExact(db, await cache.current());
    expect(kinds(cache).at(-1)).toBe('rebuilt');

    await (db.statsLog as unknown as { add(x: unknown): Promise<unknown> }).add({ id: 'an-entry-of-another-shape' });
    cache.markDirty();
    await cache.current();
    expect(kinds(cache).at(-1)).toBe('rebuilt'); // a log entry it cannot read exactly

    for (let i = 0; i < 3; i++) await closeLead(db);
    await cache.current();
    const all = await db.rejections.toArray();
    await db.rejections.bulkPut(all.map((r) => ({ ...r, comment: 'Массовая правка комментария' })));
    await expectExact(db, await cache.current());
    expect(kinds(cache).at(-1)).toBe('rebuilt'); // 3 of 3 changed: more than a quarter (chunk 2)
  });

  it('persists on its own after enough changes', async () => {
    const db = freshDb();
    const cache = new StatsCache(db, { persistEvery: 3, persistIdleMs: 60_000 });
    await cache.current();
    await cache.flush();
    for (let i = 0; i < 3; i++) await closeLead(db);
    await cache.current();
    await cache.flush(); // waits for the save the refresh queued
    const saved = await db.statsSnapshot.get(SNAPSHOT_KEY);
    expect((saved!.value as { size: number }).size).toBe(3);
  });
});
