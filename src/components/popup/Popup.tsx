/**
 * Toolbar popup: how many leads were lost in a period and why (junk apart from losses, leads
 * returned to work left out), how many closes wait for a reason, whether detection works on the
 * CRM hosts visited, and the way to the dashboard. Live: re-reads after every write.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { PERIOD_PRESETS, presetRange, presetUntil, type PeriodPreset } from '../../core/stats-periods';
import type { HealthReport } from '../../core/health';
import { PopupStatsSchema, type PopupStats } from '../../core/protocol';
import { keepAnswer, lastAnswer } from '../../platform/last-answers';
import { atWallTime } from '../../platform/wall-timer';
import { loadPageConfig, startedEarly, type Loaded, type PageConfig } from '../../platform/live';
import { dbRevisionItem, healthItem, loadHealth, watchConfig } from '../../platform/stored';
import { takeEarly } from '../../platform/early';
import { dropShell, keepShell, type ShellFigures } from '../../platform/shell';
import { request } from '../../platform/messaging';
import { PendingList } from '../pending/PendingList';
import { markFigures, markOnce } from '../render-marks';
import { OPENING_PERIOD, popupKey } from './ask-early';
import { fmtCount, fmtShare, reasonName } from '../dashboard/format';
import { Welcome } from './Welcome';

/** Reasons listed in the popup; the dashboard has them all. */
const TOP_REASONS = 8;

/** Marks when an answer first arrived (the benchmark splits the render time with them). */
function marked<T>(name: string, work: Promise<T>): Promise<T> {
  return work.then((value) => {
    markOnce(name);
    return value;
  });
}

type PopupData = {
  config: PageConfig;
  stats: PopupStats;
  health: HealthReport[];
  /** false: the figures kept from the last time (nothing written since), the live answer is on its way. */
  live: boolean;
  /** The database revision live figures were computed at (null while kept). */
  rev: number | null;
  /** Until when the live figures stay exact if nothing is written (null: for ever, or kept figures). */
  until: number | null;
};

/**
 * Settings, detection health and the opening period's kept figures are read from the moment the
 * popup's script runs (health read from the first effect instead held the kept figures ~15–20 ms
 * longer on a cold open, measured with page marks).
 */
const loadConfig = startedEarly(loadPageConfig);
const loadHealthEarly = startedEarly(loadHealth);
let openingKept: Promise<PopupStats | null> | null = lastAnswer(popupKey(OPENING_PERIOD), PopupStatsSchema).catch(() => null);
function keptFor(key: string): Promise<PopupStats | null> {
  const early = key === popupKey(OPENING_PERIOD) ? openingKept : null;
  openingKept = null;
  return early ?? lastAnswer(key, PopupStatsSchema);
}

/**
 * The popup's data. Settings and detection health come from storage; the statistics from the
 * background, which may be asleep (~150–250 ms to start): meanwhile the figures this popup showed
 * last time are shown if nothing was written since. Re-read after every write and settings change.
 */
function usePopupData(period: PeriodPreset): Loaded<PopupData> {
  const [state, setState] = useState<Loaded<PopupData>>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    let generation = 0;
    const key = popupKey(period);
    // A popup left open past its period's end (midnight) asks again then (a sleep past it included).
    let timer: (() => void) | null = null;
    const stopTimer = () => timer?.();
    const run = () => {
      stopTimer();
      const mine = ++generation;
      let live = false;
      const current = () => alive && mine === generation;
      const base = Promise.all([loadConfig(), loadHealthEarly()]);
      // The opening period was asked from the page's first lines (ask-early.ts): its answer is taken.
      const early = takeEarly(key, 'popupStats');
      const rev = early?.revision ?? dbRevisionItem.getValue();
      void Promise.all([base, keptFor(key)]).then(
        ([[config, health], kept]) => {
          if (kept && current() && !live) setState({ status: 'ready', value: { config, health, stats: kept, live: false, rev: null, until: null } });
        },
        () => undefined,
      );
      // The range and until when it stays what it is go by the clock reading the question was made with.
      const asked = early?.at ?? Date.now();
      const until = presetUntil(period, asked);
      Promise.all([base, marked('wl-stats-answer', request('popupStats', presetRange(period, asked), early?.answer)), rev]).then(
        ([[config, health], stats, at]) => {
          if (!current()) return;
          live = true;
          setState({ status: 'ready', value: { config, health, stats, live: true, rev: at, until } });
          void keepAnswer(key, at, stats, until).catch(() => undefined);
          if (until !== null) timer = atWallTime(until, run);
        },
        (error: unknown) => current() && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    run();
    const unwatch = [dbRevisionItem.watch(run), watchConfig(run), healthItem.watch(run)];
    return () => {
      alive = false;
      unwatch.forEach((u) => u());
      stopTimer();
    };
  }, [period]);
  return state;
}

/** Marks the first render with data, and the first with live figures (the benchmark reads them). */
function useReadyMark(ready: boolean, live: boolean): void {
  useEffect(() => {
    if (ready) markFigures(live);
  }, [ready, live]);
}

/**
 * Keeps the popup as it is on screen for its next opening (platform/shell.ts), while it shows
 * live figures of the opening period.
 */
function useKeptShell(figures: ShellFigures | null): void {
  const current = useRef(figures);
  current.current = figures;
  useEffect(() => {
    const root = document.getElementById('root');
    return root ? keepShell(root, () => current.current) : undefined;
  }, []);
}

export function Popup() {
  const [period, setPeriod] = useState<PeriodPreset>(OPENING_PERIOD);
  const state = usePopupData(period);
  useReadyMark(state.status === 'ready', state.status === 'ready' && state.value.live);
  // In the commit's own task: the shell and the popup's figures (or error) are never both there.
  useLayoutEffect(() => {
    if (state.status !== 'loading') dropShell();
  }, [state.status]);
  const shown = state.status === 'ready' && period === OPENING_PERIOD ? state.value : null;
  useKeptShell(shown?.rev != null ? { rev: shown.rev, until: shown.until } : null);
  if (state.status === 'loading') return <main className="wl-popup" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <main className="wl-popup">
        <p className="wl-problem" role="alert">
          {state.message}
        </p>
      </main>
    );
  }
  const { config, stats, health, live } = state.value;
  const { t, lang } = config;
  const broken = health.filter((h) => !h.ok);
  const top = stats.byReason.slice(0, TOP_REASONS);
  const max = Math.max(1, ...top.map((r) => r.count));

  return (
    <main className="wl-popup" data-live={live} aria-busy={!live}>
      <header>
        <h1>{t('popup.title')}</h1>
        <div className="wl-periods" role="group" aria-label={t('stats.period')}>
          {PERIOD_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              data-testid="wl-period"
              data-period={p}
              aria-pressed={p === period}
              onClick={() => setPeriod(p)}
            >
              {t(`stats.period.${p}`)}
            </button>
          ))}
        </div>
      </header>
      {config.problems.length > 0 && (
        // The details are on the options page; here a short line and the way there.
        <p className="wl-problem" role="alert" data-testid="wl-settings-problem" title={config.problems.join('\n')}>
          {t('config.problemShort')}{' '}
          <button type="button" className="wl-link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup.openSettings')}
          </button>
        </p>
      )}
      <section className="wl-totals">
        <div className="wl-tile">
          <span className="wl-num" data-testid="wl-total">
            {stats.total}
          </span>
          <span className="wl-cap">{t('popup.total')}</span>
          <span className="wl-sub" data-testid="wl-junk-loss" data-junk={stats.junk} data-loss={stats.loss}>
            {t('stats.popup.junkLoss', { junk: fmtCount(lang, stats.junk), loss: fmtCount(lang, stats.loss) })}
          </span>
        </div>
        <div className={`wl-tile${stats.pending ? ' is-pending' : ''}`}>
          <span className="wl-num" data-testid="wl-pending">
            {stats.pending}
          </span>
          <span className="wl-cap">{t('popup.pending')}</span>
        </div>
      </section>
      {stats.reopened > 0 && (
        <p className="wl-note" data-testid="wl-reopened">
          {t('stats.popup.reopened', { count: fmtCount(lang, stats.reopened) })}
        </p>
      )}
      <PendingList />
      {stats.stored === 0 ? (
        <Welcome t={t} />
      ) : top.length === 0 ? (
        <p className="wl-empty" data-testid="wl-empty-period">
          {t('stats.popup.emptyPeriod')}
        </p>
      ) : (
        <section aria-label={t('popup.reasons')}>
          <h2>{t('popup.reasons')}</h2>
          <ul className="wl-reasons">
            {top.map((r) => (
              <li key={r.reasonId} data-testid="wl-reason-row" data-reason-id={r.reasonId}>
                <span className="wl-label">{reasonName(config, r.reasonId)}</span>
                <span className="wl-bar-track" aria-hidden="true">
                  <span className="wl-bar" style={{ width: `${(r.count / max) * 100}%` }} />
                </span>
                <span className="wl-count" data-testid="wl-count">
                  {r.count}
                </span>
                <span className="wl-share" data-testid="wl-share">
                  {fmtShare(lang, r.count / stats.total)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {broken.length > 0 && (
        <section className="wl-health" data-testid="wl-health-list">
          <h2>{t('health.title')}</h2>
          {broken.map((h) => (
            <p key={`${h.host}|${h.page}`} className="wl-problem" data-testid="wl-health-broken" data-host={h.host}>
              {t('health.brokenShort', { host: `${h.host} (${h.page})`, missing: h.missing.join(', ') })}
            </p>
          ))}
        </section>
      )}
      <footer>
        <a className="wl-link" href="/dashboard.html" target="_blank" rel="noopener" data-testid="wl-dashboard-link">
          {t('stats.popup.dashboard')} →
        </a>
      </footer>
    </main>
  );
}
