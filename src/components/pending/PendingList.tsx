/**
 * The closes still waiting for a reason, newest first, for the toolbar popup: each with a way
 * to answer it now (the record page with the panel) and a link back to the lead in the CRM.
 */
import { LOCALES } from '../../core/i18n-core';
import type { Translate } from '../../core/i18n';
import { recordPagePath, safeHttpUrl } from '../../core/links';
import type { Rejection } from '../../core/rejection';
import { loadPageConfig, useLive } from '../../platform/live';
import { request } from '../../platform/messaging';
import './pending.css';

/** Shown in the popup; the rest are reached through "answer all". */
const SHOWN = 8;

async function loadPending() {
  const [config, pending] = await Promise.all([loadPageConfig(), request('pending', {})]);
  return { config, pending };
}

export function PendingList() {
  const state = useLive(loadPending);
  if (state.status !== 'ready' || state.value.pending.length === 0) return null;
  const { config, pending } = state.value;
  const { t, lang } = config;
  const when = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' });
  const shown = pending.slice(0, SHOWN);

  return (
    <section className="wl-pending-list" aria-labelledby="wl-pending-title" data-testid="wl-pending-list">
      <div className="wl-pending-head">
        <h2 id="wl-pending-title">{t('pending.title')}</h2>
        {pending.length > 1 && (
          <a className="wl-pending-all" href={recordPagePath(pending.map((r) => r.id))} target="_blank" rel="noreferrer" data-testid="wl-pending-tag-all">
            {t('pending.tagAll', { count: pending.length })}
          </a>
        )}
      </div>
      <ul>
        {shown.map((r) => (
          <PendingRow key={r.id} record={r} when={when.format(r.detectedAt)} t={t} />
        ))}
      </ul>
      {pending.length > SHOWN && <p className="wl-pending-more">{t('pending.more', { count: pending.length - SHOWN })}</p>}
    </section>
  );
}

function PendingRow({ record, when, t }: { record: Rejection; when: string; t: Translate }) {
  const lead = safeHttpUrl(record.url);
  const title = record.title || t('panel.untitled');
  return (
    <li data-testid="wl-pending-item" data-record-id={record.id}>
      <div className="wl-pending-text">
        <span className="wl-pending-title" title={title}>
          {title}
        </span>
        <span className="wl-pending-meta">
          {record.host} · {when}
        </span>
      </div>
      <div className="wl-pending-actions">
        <a href={recordPagePath([record.id])} target="_blank" rel="noreferrer" data-testid="wl-pending-tag" className="wl-pending-tag">
          {t('pending.tag')}
        </a>
        {lead && (
          <a href={lead} target="_blank" rel="noreferrer" data-testid="wl-pending-open" title={t('pending.open')} aria-label={`${t('pending.open')}: ${title}`}>
            ↗
          </a>
        )}
      </div>
    </li>
  );
}
