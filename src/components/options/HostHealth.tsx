/**
 * Detection health of one host as its adapter last reported it: working, not working (which
 * anchors or hooks are missing, on which page kinds), or no report yet.
 */
import type { Translate } from '../../core/i18n';
import type { HealthReport } from '../../core/health';
import type { Lang } from '../../core/primitives';
import { formatTime, useHealth } from './ui';

export function HostHealthLine({ host, reports, t, lang }: { host: string; reports: HealthReport[]; t: Translate; lang: Lang }) {
  const mine = reports.filter((r) => r.host === host);
  if (!mine.length) {
    return (
      <span className="wl-health is-unknown" data-testid="wl-host-health" data-host={host} data-ok="">
        {t('crms.noReport')}
      </span>
    );
  }
  const broken = mine.filter((r) => !r.ok);
  const last = Math.max(...mine.map((r) => r.at));
  const text = broken.length
    ? t('crms.broken', { missing: broken.map((r) => `${r.page}: ${r.missing.join(', ')}`).join('; ') })
    : t('crms.ok');
  return (
    <span className={`wl-health ${broken.length ? 'is-broken' : 'is-ok'}`} data-testid="wl-host-health" data-host={host} data-ok={String(!broken.length)}>
      {text} · <span className="wl-when">{t('crms.checked', { when: formatTime(last, lang) })}</span>
    </span>
  );
}

/** The same line, fetching the reports itself: for sections that do not hold them. */
export function HostHealth({ host, t, lang }: { host: string; t: Translate; lang: Lang }) {
  return <HostHealthLine host={host} reports={useHealth()} t={t} lang={lang} />;
}
