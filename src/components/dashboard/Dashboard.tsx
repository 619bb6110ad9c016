/**
 * The dashboard page: filters on top, then one section per view (see ./sections/index.ts).
 * The statistics are asked for at once, alongside the settings, and kept current by
 * useStatsSync; sections read them from the stats store.
 */
import { useEffect, useState } from 'react';
import { loadPageConfig, startedEarly, useLive } from '../../platform/live';
import { markFigures, markOnce } from '../render-marks';
import { DASHBOARD_SECTIONS } from './sections';
import { useStats } from './stats-store';
import { useStatsSync } from './use-stats-sync';

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
 * The sections of the first render with figures: what a laptop's window shows before scrolling
 * once a dozen reasons are in use (filters, summary, reasons; with fewer, the trend's top shows a
 * task later). The others follow in the next task, so the first figures do not
 * wait for React to build every chart and table below the fold (they skip layout and paint
 * anyway: content-visibility). `wl-complete` marks the render with every section.
 */
const FIRST_SCREEN = 3;

function useWholePage(ready: boolean): boolean {
  const [whole, setWhole] = useState(false);
  useEffect(() => {
    if (!ready || whole) return;
    const timer = setTimeout(() => setWhole(true), 0);
    return () => clearTimeout(timer);
  }, [ready, whole]);
  useEffect(() => {
    if (whole) markOnce('wl-complete');
  }, [whole]);
  return whole;
}

/** Settings are read from the moment the page's script runs. */
const loadConfig = startedEarly(loadPageConfig);

export function Dashboard() {
  useStatsSync();
  const state = useLive(loadConfig);
  const result = useStats((s) => s.result);
  const ready = state.status === 'ready' && result.status === 'ready';
  useRenderMarks(ready ? result.rev : null, result.status === 'ready' && !result.kept);
  const whole = useWholePage(ready);
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
      {(whole ? DASHBOARD_SECTIONS : DASHBOARD_SECTIONS.slice(0, FIRST_SCREEN)).map(({ id, Component }) => (
        <Component key={id} config={config} />
      ))}
    </main>
  );
}
