/**
 * Keeps the dashboard's statistics current: asks the background again whenever the filter or
 * the dashboard's choices change, after database writes (at most one question out for them, and
 * during this page's import at most one every IMPORT_PACE_MS), and when settings or the catalog
 * change. An answer that arrives after a newer question is dropped. The opening view first
 * shows the figures it showed last time when nothing was written since (platform/last-answers.ts):
 * a sleeping background takes a while to start, and the live answer replaces them. A preset
 * period left open over midnight moves its range on (`useMovingPeriod`).
 */
import { useEffect } from 'react';
import { DashboardStatsSchema } from '../../core/protocol';
import { presetUntil } from '../../core/stats-periods';
import { keepAnswer, lastAnswer } from '../../platform/last-answers';
import { atWallTime } from '../../platform/wall-timer';
import { dbRevisionItem, watchConfig } from '../../platform/stored';
import { takeEarly } from '../../platform/early';
import { request } from '../../platform/messaging';
import { markOnce } from '../render-marks';
import { useFilter } from './filter-store';
import { OPENING as opening } from './ask-early';
import { currentQuery, useImporting, useStats } from './stats-store';

/**
 * While this page imports, figures are asked for after writes at most this often: each answer is
 * a pass over every record in the background, whose one thread the import keeps busy. At the
 * import's end they are asked for at once.
 */
const IMPORT_PACE_MS = 600;

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
    /** When a question was last asked, and the paced question after writes during an import. */
    let lastAsked = -Infinity;
    let paced: ReturnType<typeof setTimeout> | null = null;
    /** Asks again when the figures on screen stop being exact (a pending close turns old, …): its cancel. */
    let expiry: (() => void) | null = null;
    void openingKept.then(
      (kept) => {
        if (kept && alive && !answered && generation === 1) useStats.getState().setResult({ status: 'ready', value: kept, rev: 0, at: null, kept: true });
      },
      () => undefined,
    );
    const run = (force: boolean) => {
      const query = currentQuery();
      const key = JSON.stringify(query);
      if (!force && key === asked) return;
      asked = key;
      lastAsked = performance.now();
      const mine = ++generation;
      // The opening view was asked from the page's first lines (ask-early.ts): its answer is taken.
      const early = takeEarly(`dashboard:${key}`, 'dashboardStats');
      const rev = early?.revision ?? dbRevisionItem.getValue();
      const at = rev.catch(() => null);
      waiting = true;
      const settled = () => {
        if (!alive || mine !== generation) return;
        waiting = false;
        if (writtenMeanwhile) {
          writtenMeanwhile = false;
          afterWrite();
        }
      };
      // The revision was read before asking: by the answer it is there (no task is added).
      Promise.all([request('dashboardStats', query, early?.answer).finally(settled), at]).then(
        ([value, revision]) => {
          // The benchmark splits the first render with this mark.
          markOnce('wl-stats-answer');
          answered = true;
          if (alive && mine === generation) {
            useStats.getState().setResult({ status: 'ready', value, rev: mine, at: revision });
            expiry?.();
            expiry = value.until === null ? null : atWallTime(value.until, () => run(true));
          }
          if (`dashboard:${key}` === opening && revision !== null) void keepAnswer(opening, revision, value, value.until).catch(() => undefined);
        },
        (error: unknown) =>
          alive && mine === generation && useStats.getState().setResult({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    /**
     * After a write: ask again, or, while a question is out, once it is answered; during this
     * page's import, not sooner than IMPORT_PACE_MS after the last question. An import writes a
     * file every ~100 ms; asking after each would queue questions faster than they are answered.
     */
    const afterWrite = () => {
      if (waiting) {
        writtenMeanwhile = true;
        return;
      }
      const wait = lastAsked + IMPORT_PACE_MS - performance.now();
      if (useImporting.getState().importing && wait > 0) {
        paced ??= setTimeout(() => {
          paced = null;
          afterWrite();
        }, wait);
        return;
      }
      if (paced) clearTimeout(paced);
      paced = null;
      run(true);
    };
    /** The import has ended: a paced question goes now. */
    const importEnded = () => {
      if (useImporting.getState().importing || !paced) return;
      clearTimeout(paced);
      paced = null;
      afterWrite();
    };
    run(true);
    const stop = [
      useFilter.subscribe(() => run(false)),
      useStats.subscribe(() => run(false)),
      dbRevisionItem.watch(afterWrite),
      watchConfig(() => run(true)),
      useImporting.subscribe(importEnded),
    ];
    return () => {
      alive = false;
      if (paced) clearTimeout(paced);
      expiry?.();
      stop.forEach((s) => s());
    };
  }, []);
}

/**
 * A preset's range is fixed when it is picked ("7 days": from 00:00 six days back): a dashboard
 * left open over midnight (or into a new month for "this month") moves it on then, as picking the
 * period again would, and the figures follow the filter (by the clock on the wall: a night the
 * machine slept through included, platform/wall-timer.ts). A custom range stays as it was typed.
 */
export function useMovingPeriod(): void {
  const period = useStats((s) => s.period);
  useEffect(() => {
    if (period === 'custom') return;
    let cancel: (() => void) | undefined;
    const arm = () => {
      const until = presetUntil(period, Date.now());
      if (until === null) return;
      cancel = atWallTime(until, () => {
        useStats.getState().setPeriod(period);
        arm();
      });
    };
    arm();
    return () => cancel?.();
  }, [period]);
}
