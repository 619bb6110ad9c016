/**
 * The dashboard page: filters on top, then one section per view (see ./sections/index.ts).
 * The statistics are asked for at once, alongside the settings, and kept current by
 * useStatsSync; sections read them from the stats store.
 */
import { useEffect } from 'react';
import { loadPageConfig, useLive } from '../../platform/live';
import { DASHBOARD_SECTIONS } from './sections';
import { useStats } from './stats-store';
import { useStatsSync } from './use-stats-sync';

/** Marks renders with data: `wl-ready` once, and data-wl-rev on each new answer (the benchmark waits on them). */
function useRenderMarks(rev: number | null): void {
  useEffect(() => {
    if (rev === null) return;
    const root = document.documentElement;
    if (!root.dataset.wlReady) {
      root.dataset.wlReady = '1';
      performance.mark('wl-ready');
    }
    root.dataset.wlRev = String(rev);
  }, [rev]);
}

export function Dashboard() {
  useStatsSync();
  const state = useLive(loadPageConfig);
  const result = useStats((s) => s.result);
  useRenderMarks(state.status === 'ready' && result.status === 'ready' ? result.rev : null);
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
      {DASHBOARD_SECTIONS.map(({ id, Component }) => (
        <Component key={id} config={config} />
      ))}
    </main>
  );
}
