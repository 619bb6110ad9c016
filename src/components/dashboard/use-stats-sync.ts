/**
 * Keeps the dashboard's statistics current: asks the background again whenever the filter or
 * the dashboard's choices change, after every database write, and when settings or the catalog
 * change. An answer that arrives after a newer question is dropped.
 */
import { useEffect } from 'react';
import { dbRevisionItem, watchConfig } from '../../platform/stored';
import { request } from '../../platform/messaging';
import { useFilter } from './filter-store';
import { currentQuery, useStats } from './stats-store';

export function useStatsSync(): void {
  useEffect(() => {
    let generation = 0;
    let alive = true;
    let asked = '';
    const run = (force: boolean) => {
      const query = currentQuery();
      const key = JSON.stringify(query);
      if (!force && key === asked) return;
      asked = key;
      const mine = ++generation;
      request('dashboardStats', query).then(
        (value) => {
          // The benchmark splits the first render with this mark.
          if (!performance.getEntriesByName('wl-stats-answer').length) performance.mark('wl-stats-answer');
          if (alive && mine === generation) useStats.getState().setResult({ status: 'ready', value, rev: mine });
        },
        (error: unknown) =>
          alive && mine === generation && useStats.getState().setResult({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    run(true);
    const stop = [
      useFilter.subscribe(() => run(false)),
      useStats.subscribe(() => run(false)),
      dbRevisionItem.watch(() => run(true)),
      watchConfig(() => run(true)),
    ];
    return () => {
      alive = false;
      stop.forEach((s) => s());
    };
  }, []);
}
