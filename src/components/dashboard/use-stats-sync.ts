/**
 * Keeps the dashboard's statistics current: asks the background again whenever the filter or
 * the dashboard's choices change, after database writes (at most one question out for them),
 * and when settings or the catalog change. An answer that arrives after a newer question is
 * dropped. The opening view first shows the figures it showed last time when nothing was
 * written since (platform/last-answers.ts): a sleeping background takes a while to start, and
 * the live answer replaces them.
 */
import { useEffect } from 'react';
import { DashboardStatsSchema } from '../../core/protocol';
import { keepAnswer, lastAnswer } from '../../platform/last-answers';
import { dbRevisionItem, watchConfig } from '../../platform/stored';
import { takeEarly } from '../../platform/early';
import { request } from '../../platform/messaging';
import { markOnce } from '../render-marks';
import { useFilter } from './filter-store';
import { OPENING as opening } from './ask-early';
import { currentQuery, useStats } from './stats-store';

/** The opening view's kept figures, read from the moment the page's script runs. */
const openingKept = lastAnswer(opening, DashboardStatsSchema).catch(() => null);

export function useStatsSync(): void {
  useEffect(() => {
    let generation = 0;
    let alive = true;
    let asked = '';
    let answered = false;
    /** The newest question is unanswered; a write during it asks again once it is answered. */
    let waiting = false;
    let writtenMeanwhile = false;
    void openingKept.then(
      (kept) => {
        if (kept && alive && !answered && generation === 1) useStats.getState().setResult({ status: 'ready', value: kept, rev: 0, kept: true });
      },
      () => undefined,
    );
    const run = (force: boolean) => {
      const query = currentQuery();
      const key = JSON.stringify(query);
      if (!force && key === asked) return;
      asked = key;
      const mine = ++generation;
      // The opening view was asked from the page's first lines (ask-early.ts): its answer is taken.
      const early = takeEarly(`dashboard:${key}`, 'dashboardStats');
      const rev = early?.revision ?? dbRevisionItem.getValue();
      waiting = true;
      const settled = () => {
        if (!alive || mine !== generation) return;
        waiting = false;
        if (writtenMeanwhile) {
          writtenMeanwhile = false;
          run(true);
        }
      };
      request('dashboardStats', query, early?.answer).finally(settled).then(
        (value) => {
          // The benchmark splits the first render with this mark.
          markOnce('wl-stats-answer');
          answered = true;
          if (alive && mine === generation) useStats.getState().setResult({ status: 'ready', value, rev: mine });
          if (`dashboard:${key}` === opening) void rev.then((at) => keepAnswer(opening, at, value)).catch(() => undefined);
        },
        (error: unknown) =>
          alive && mine === generation && useStats.getState().setResult({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    /**
     * After a write: ask again, or, while a question is out, once it is answered. An import writes
     * a file every ~100 ms; asking after each would queue questions faster than they are answered.
     */
    const afterWrite = () => {
      if (waiting) writtenMeanwhile = true;
      else run(true);
    };
    run(true);
    const stop = [
      useFilter.subscribe(() => run(false)),
      useStats.subscribe(() => run(false)),
      dbRevisionItem.watch(afterWrite),
      watchConfig(() => run(true)),
    ];
    return () => {
      alive = false;
      stop.forEach((s) => s());
    };
  }, []);
}
