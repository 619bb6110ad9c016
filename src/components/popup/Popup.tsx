/**
 * Toolbar popup: how many leads were lost and why, how many closes wait for a reason, and
 * whether detection works on the CRM hosts visited. Live: re-reads after every write.
 */
import { browser } from 'wxt/browser';
import { reasonLabel } from '../../core/catalog';
import { loadPageConfig, useLive } from '../../platform/live';
import { request } from '../../platform/messaging';
import { PendingList } from '../pending/PendingList';

async function loadPopup() {
  const [config, summary, health] = await Promise.all([
    loadPageConfig(),
    request('summary', { from: null, to: null }),
    request('health', { host: null }),
  ]);
  return { config, summary, health };
}

export function Popup() {
  const state = useLive(loadPopup);
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
  const { config, summary, health } = state.value;
  const { t, catalog, lang } = config;
  const broken = health.filter((h) => !h.ok);
  const max = Math.max(1, ...summary.byReason.map((r) => r.count));

  return (
    <main className="wl-popup">
      <header>
        <h1>{t('popup.title')}</h1>
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
            {summary.total}
          </span>
          <span className="wl-cap">{t('popup.total')}</span>
        </div>
        <div className={`wl-tile${summary.pending ? ' is-pending' : ''}`}>
          <span className="wl-num" data-testid="wl-pending">
            {summary.pending}
          </span>
          <span className="wl-cap">{t('popup.pending')}</span>
        </div>
      </section>
      <PendingList />
      {summary.byReason.length === 0 ? (
        <p className="wl-empty">{t('popup.empty')}</p>
      ) : (
        <section aria-label={t('popup.reasons')}>
          <h2>{t('popup.reasons')}</h2>
          <ul className="wl-reasons">
            {summary.byReason.map((r) => (
              <li key={r.reasonId} data-testid="wl-reason-row" data-reason-id={r.reasonId}>
                <span className="wl-label">{reasonLabel(catalog, r.reasonId, lang, (id) => t('reason.unknown', { id }))}</span>
                <span className="wl-bar" style={{ width: `${(r.count / max) * 100}%` }} aria-hidden="true" />
                <span className="wl-count" data-testid="wl-count">
                  {r.count}
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
    </main>
  );
}
