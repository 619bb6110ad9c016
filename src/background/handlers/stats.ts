/**
 * Statistics messages, answered from the column cache (core/storage/stats-cache.ts). The cache
 * loads lazily: a background woken for a capture never pays for statistics.
 */
import { failure, type Failure } from '../../core/protocol';
import { dashboardStats, drillRows, popupStats, type StatsEnv } from '../../core/stats-aggregate';
import type { WhyLostDB } from '../../core/storage/db';
import { recordsById, recordStores } from '../../core/storage/packs';
import { StatsCache } from '../../core/storage/stats-cache';
import { idsOf } from '../../core/stats-table';
import { serve } from '../../platform/messaging';
import { dbRevisionItem, loadCatalog, loadSettings, watchConfig } from '../../platform/stored';

/** Catalog and settings, read once and again only after they change (every query needs them). */
let config: Promise<Omit<StatsEnv, 'now'>> | null = null;

async function statsEnv(): Promise<StatsEnv> {
  config ??= Promise.all([loadCatalog(), loadSettings()]).then(([{ catalog }, { settings }]) => ({
    catalog,
    identityId: settings.identity.id,
    minCommentLength: settings.comments.minLength,
  }));
  try {
    return { ...(await config), now: Date.now() };
  } catch (error) {
    config = null;
    throw error;
  }
}

async function answer<T>(cache: StatsCache, what: string, work: () => Promise<T>): Promise<{ ok: true; value: T } | Failure> {
  const started = performance.now();
  try {
    const value = await work();
    cache.note('answered', started, 0, what);
    return { ok: true, value };
  } catch (error) {
    return failure('storage', error instanceof Error ? error.message : String(error));
  }
}

function computed<T>(cache: StatsCache, what: string, work: () => T): T {
  const started = performance.now();
  const value = work();
  cache.note('computed', started, 0, what);
  return value;
}

export function registerStatsHandlers(db: WhyLostDB): StatsCache {
  const cache = new StatsCache(db);
  watchConfig(() => {
    config = null;
  });
  // Writers announce themselves by the revision (see context.ts changed()); Dexie reports its own writes.
  dbRevisionItem.watch(() => cache.markDirty());
  const both = async (what: string) => {
    const started = performance.now();
    const inputs = await Promise.all([cache.current(), statsEnv()]);
    cache.note('inputs', started, 0, what);
    return inputs;
  };

  serve('popupStats', (req) =>
    answer(cache, 'popupStats', async () => {
      const [table, env] = await both('popupStats');
      return computed(cache, 'popupStats', () => popupStats(table, req, env));
    }),
  );
  serve('dashboardStats', (req) =>
    answer(cache, 'dashboardStats', async () => {
      const [table, env] = await both('dashboardStats');
      return computed(cache, 'dashboardStats', () => dashboardStats(table, req, env));
    }),
  );
  serve('drill', (req) =>
    answer(cache, 'drill', async () => {
      // The search text is loaded only when a search needs it.
      const [table, env] = await Promise.all([cache.current({ text: req.search.trim() !== '' }), statsEnv()]);
      const rows = computed(cache, 'drill', () => drillRows(table, req.query, req.cell, req.search, env));
      const ids = idsOf(table);
      const page = rows.slice(req.offset, req.offset + req.limit).map((i) => ids[i]!);
      const records = await db.transaction('r', recordStores(db), async () => recordsById(db, page));
      return { total: rows.length, records: records.filter((r) => r !== undefined) };
    }),
  );
  // For a look from the service worker's DevTools console (and the benchmark): whylostStats.events.
  (globalThis as { whylostStats?: StatsCache }).whylostStats = cache;
  return cache;
}
