/**
 * The dashboard page: filters on top, then one section per view (see ./sections/index.ts).
 * The statistics are asked for at once, alongside the settings, and kept current by
 * useStatsSync; sections read them from the stats store.
 */
import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { loadPageConfig, startedEarly, useLive } from '../../platform/live';
import { dropShell, keepShell, openingMarkup, type ShellFigures } from '../../platform/shell';
import { markFigures, markOnce } from '../render-marks';
import { OPENING } from './ask-early';
import { DASHBOARD_SECTIONS } from './sections';
import { currentQuery, useStats } from './stats-store';
import { useMovingPeriod, useStatsSync } from './use-stats-sync';

/**
 * Marks renders with data: `wl-ready` once (kept figures or live), `wl-live` once live, and
 * data-wl-rev on each new answer (the benchmark waits on them).
 */
function useRenderMarks(rev: number | null, live: boolean): void {
  useEffect(() => {
    if (rev === null) return;
    markFigures(live);
    document.documentElement.dataset.wlRev = String(rev);
  }, [rev, live]);
}

/**
 * How many sections (from the top) the first render with figures draws: what a 1280 × 800 window
 * shows (filters, the summary, reasons, the start of the trend). The others follow in the next
 * task, before anyone can scroll to them: a cold dashboard's first render no longer builds and
 * styles the manager table, breakdowns, hygiene, drill-down and sharing it cannot show yet.
 */
const FIRST_SECTIONS = 4;

/** False until the first render with figures (or an error) and for it; true from the task after it (`wl-complete` marked then). */
function useRestAfterFirst(ready: boolean): boolean {
  const [rest, setRest] = useState(false);
  useEffect(() => {
    if (!ready || rest) return;
    const timer = setTimeout(() => startTransition(() => setRest(true)), 0);
    return () => clearTimeout(timer);
  }, [ready, rest]);
  useEffect(() => {
    if (rest) markOnce('wl-complete');
  }, [rest]);
  return rest;
}

/**
 * The revision of the live figures on screen and until when they are exact, if they are of the
 * opening view (the opening query, the month trend, no drill-down open); null otherwise. Only
 * such a screen is kept as the next opening's shell (platform/shell.ts).
 */
function openingFigures(): ShellFigures | null {
  const { result, grain, period, drill } = useStats.getState();
  if (result.status !== 'ready' || result.kept || result.at === null || grain !== 'month' || period !== 'all' || drill !== null) return null;
  return OPENING === `dashboard:${JSON.stringify(currentQuery())}` ? { rev: result.at, until: result.value.until } : null;
}

/**
 * Keeps the dashboard's first screen for its next opening (platform/shell.ts): what its first
 * render draws, as it looked then (no hover, tables folded), while it shows live figures of the
 * opening view.
 */
function useKeptShell(): void {
  useEffect(() => {
    const root = document.getElementById('root');
    return root ? keepShell(root, openingFigures, openingMarkup) : undefined;
  }, []);
}

/** Settings are read from the moment the page's script runs. */
const loadConfig = startedEarly(loadPageConfig);

export function Dashboard() {
  useStatsSync();
  useMovingPeriod();
  const state = useLive(loadConfig);
  const result = useStats((s) => s.result);
  useRenderMarks(state.status === 'ready' && result.status === 'ready' ? result.rev : null, result.status === 'ready' && !result.kept);
  // After the first render with figures, or with the statistics' error (sharing's restore is below).
  const first = state.status === 'error' || (state.status === 'ready' && result.status !== 'loading');
  const rest = useRestAfterFirst(state.status === 'ready' && result.status !== 'loading');
  // In the commit's own task: the shell and the page's figures (or error) are never both there.
  useLayoutEffect(() => {
    if (first) dropShell();
  }, [first]);
  useKeptShell();
  if (state.status === 'loading') return <main className="wl-dashboard" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <main className="wl-dashboard">
        <p className="wl-error" role="alert">
          {state.message}
        </p>
      </main>
    );
  }
  const config = state.value;
  return (
    <main className="wl-dashboard" lang={config.lang} data-live={result.status === 'ready' && !result.kept}>
      <h1>
        WhyLost <span className="wl-subtitle">{config.t('stats.title')}</span>
      </h1>
      {config.problems.map((p) => (
        <p key={p} className="wl-error" role="alert">
          {p}
        </p>
      ))}
      {result.status === 'error' && (
        <p className="wl-error" role="alert">
          {result.message}
        </p>
      )}
      {DASHBOARD_SECTIONS.slice(0, FIRST_SECTIONS).map(({ id, Component }) => (
        <Component key={id} config={config} />
      ))}
      {/* What the first render draws ends here: the shell keeps only that (platform/shell.ts). */}
      <span data-shell="end" hidden />
      {rest &&
        DASHBOARD_SECTIONS.slice(FIRST_SECTIONS).map(({ id, Component }) => (
          <Component key={id} config={config} />
        ))}
    </main>
  );
}
