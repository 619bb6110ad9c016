/**
 * Statistics messages, answered from the column cache (core/storage/stats-cache.ts). The cache
 * loads lazily: a background woken for a capture never pays for statistics.
 */
import { failure, type Failure } from '../../core/protocol';
import { dashboardStats, drillRows, popupStats, type StatsEnv } from '../../core/stats-aggregate';
import type { WhyLostDB } from '../../core/storage/db';
import { StatsCache } from '../../core/storage/stats-cache';
import { serve } from '../../platform/messaging';
import { loadCatalog, loadSettings } from '../../platform/stored';

async function statsEnv(): Promise<StatsEnv> {
  const [{ catalog }, { settings }] = await Promise.all([loadCatalog(), loadSettings()]);
  return { catalog, identityId: settings.identity.id, now: Date.now(), minCommentLength: settings.comments.minLength };
}

async function answer<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | Failure> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return failure('storage', error instanceof Error ? error.message : String(error));
  }
}

export function registerStatsHandlers(db: WhyLostDB): StatsCache {
  const cache = new StatsCache(db);
  const both = () => Promise.all([cache.current(), statsEnv()]);

  serve('popupStats', (req) =>
    answer(async () => {
      const [table, env] = await both();
      return popupStats(table, req, env);
    }),
  );
  serve('dashboardStats', (req) =>
    answer(async () => {
      const [table, env] = await both();
      return dashboardStats(table, req, env);
    }),
  );
  serve('drill', (req) =>
    answer(async () => {
      const [table, env] = await both();
      const rows = drillRows(table, req.query, req.cell, req.search, env);
      const ids = rows.slice(req.offset, req.offset + req.limit).map((i) => table.ids[i]!);
      const records = await db.rejections.bulkGet(ids);
      return { total: rows.length, records: records.filter((r) => r !== undefined) };
    }),
  );
  return cache;
}
