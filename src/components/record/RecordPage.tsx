/**
 * The record page (`/record.html?id=<id>`, see core/links.ts): one rejection with its lead,
 * the panel to answer it (pending) or change the answer (tagged, follow-up), and "closed by
 * mistake → returned to work". With several ids, the pending ones are answered together
 * (one reason for all, or one by one). Live: re-reads after every database write.
 */
import { useRef, useState } from 'react';
import { LOCALES } from '../../core/i18n-core';
import { findReason, reasonLabel } from '../../core/catalog';
import type { Translate } from '../../core/i18n';
import { recordPagePath, safeHttpUrl } from '../../core/links';
import type { Lang } from '../../core/primitives';
import type { Answer, Rejection } from '../../core/rejection';
import { chooseSegment, type LastSegments } from '../../core/segments';
import { saveLastSegment, loadLastSegments } from '../../platform/last-segments';
import { loadPageConfig, useLive, type PageConfig } from '../../platform/live';
import { call } from '../../platform/messaging';
import { saveFailure } from '../panel/explain';
import { Panel } from '../panel/Panel';
import type { Theme } from '../panel/theme';

type Loaded = { config: PageConfig; memory: LastSegments; records: Rejection[]; missing: string[] };

async function load(ids: string[]): Promise<Loaded> {
  const [config, memory, results] = await Promise.all([
    loadPageConfig(),
    loadLastSegments(),
    Promise.all(ids.map((id) => call('getRecord', { id }))),
  ]);
  const records: Rejection[] = [];
  const missing: string[] = [];
  results.forEach((r, i) => (r.ok ? records.push(r.value) : missing.push(ids[i]!)));
  return { config, memory, records, missing };
}

const theme = (): Theme => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

function answerOf(r: Rejection): Partial<Answer> {
  const { segment, reasonId, comment, secondaryReasonIds, competitor, attempts, followUpAt } = r;
  return { segment, reasonId, comment, secondaryReasonIds, competitor, attempts, followUpAt };
}

export function RecordPage({ ids }: { ids: string[] }) {
  const state = useLive(() => load(ids), [ids.join(',')]);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  // When the last save's records were written (their newest `updatedAt`); null before a save.
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const seenPending = useRef(new Set<string>());

  if (state.status === 'loading') return <main className="wl-record" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <main className="wl-record">
        <p className="wl-record-problem" role="alert">
          {state.message}
        </p>
      </main>
    );
  }
  const { config, memory, records, missing } = state.value;
  const { t, lang, catalog, settings } = config;
  document.documentElement.lang = lang;
  if (!ids.length) {
    return (
      <main className="wl-record">
        <p className="wl-record-problem">{t('record.noId')}</p>
      </main>
    );
  }

  const pending = records.filter((r) => r.status === 'pending' && !done.has(r.id));
  pending.forEach((r) => seenPending.current.add(r.id));
  const single = ids.length === 1 ? records[0] : undefined;
  const editable = single && single.status !== 'withdrawn' ? single : undefined;
  const asked = single ? (editable ? [editable] : []) : pending;
  const first = asked[0];
  // "Saved" only once the record on screen is the saved one (the page re-reads after the
  // background's write is announced, which can come after the save's own answer).
  const saved = savedAt !== null && (!single || single.updatedAt >= savedAt);

  const save = async (answer: Answer, which: string[]): Promise<string | null> => {
    setSavedAt(null);
    const results = await Promise.all(which.map((id) => call('editAnswer', { id, answer })));
    const ok = which.filter((_, i) => results[i]?.ok);
    setDone((d) => new Set([...d, ...ok]));
    if (ok.length && first && answer.segment && answer.segment !== chooseSegment(first, settings, memory).segment && !first.segment) {
      await saveLastSegment(first, answer.segment).catch(() => undefined);
    }
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) return saveFailure(t, failed.error);
    setSavedAt(Math.max(...results.flatMap((r) => (r.ok ? [r.value.updatedAt] : []))));
    return null;
  };

  return (
    <main className="wl-record">
      <header className="wl-record-head">
        <h1>{single ? t('record.title') : t('record.titleMany', { count: ids.length })}</h1>
      </header>
      {missing.map((id) => (
        <p key={id} className="wl-record-problem" role="alert" data-testid="wl-record-missing">
          {t('record.notFound', { id })}
        </p>
      ))}
      {config.problems.map((p) => (
        <p key={p} className="wl-record-problem" role="alert">
          {p}
        </p>
      ))}

      <ul className="wl-record-leads">
        {records.map((r) => (
          <LeadCard key={r.id} record={r} t={t} lang={lang} config={config} link={!single} />
        ))}
      </ul>

      {first ? (
        <Panel
          key={single ? `${first.id}:${first.updatedAt}` : 'batch'}
          variant="page"
          theme={theme()}
          items={asked.map((r) => ({ id: r.id, context: r }))}
          total={single ? 1 : Math.max(seenPending.current.size, asked.length)}
          catalog={catalog}
          rules={settings.comments}
          lang={lang}
          t={t}
          segment={first.segment ? { segment: first.segment, source: 'recorded' } : chooseSegment(first, settings, memory)}
          initial={single && single.status !== 'pending' ? answerOf(single) : undefined}
          onSave={save}
        />
      ) : (
        !single && (
          <p className="wl-record-done" data-testid="wl-record-done" role="status">
            {t('record.allDone')}
          </p>
        )
      )}
      <p className="wl-record-saved" role="status" data-testid={saved ? 'wl-record-saved' : undefined}>
        {saved && single ? t('record.saved') : ''}
      </p>

      {single && <Mistake record={single} t={t} lang={lang} />}
    </main>
  );
}

function formatWhen(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function LeadCard({ record: r, t, lang, config, link }: { record: Rejection; t: Translate; lang: Lang; config: PageConfig; link: boolean }) {
  const url = safeHttpUrl(r.url);
  const reason = findReason(config.catalog, r.reasonId);
  const status =
    r.status === 'follow-up' && r.followUpAt
      ? t('record.status.follow-up', { date: new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium' }).format(r.followUpAt) })
      : t(`record.status.${r.status}`);
  return (
    <li className="wl-record-lead" data-testid="wl-record-lead" data-record-id={r.id}>
      <div className="wl-record-title">
        {link ? <a href={recordPagePath([r.id])}>{r.title || t('panel.untitled')}</a> : <strong>{r.title || t('panel.untitled')}</strong>}
        <span className={`wl-record-status is-${r.status}`} data-testid="wl-record-status" data-status={r.status}>
          {status}
        </span>
      </div>
      <div className="wl-record-meta">
        {[r.host, r.pipeline?.name, `${r.fromStage?.name ?? '…'} → ${r.toStage.name ?? r.toStage.id}`, r.manager.name, t('record.detected', { when: formatWhen(r.detectedAt, lang) })]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {reason && (
        <div className="wl-record-answer">
          <span className={`wl-record-kind is-${reason.kind}`}>{reason.kind === 'junk' ? t('panel.junk') : t('panel.loss')}</span>{' '}
          {reasonLabel(config.catalog, reason.id, lang, (id) => id)}
          {r.comment && <span className="wl-record-comment"> — {r.comment}</span>}
        </div>
      )}
      {url && (
        <a className="wl-record-open" href={url} target="_blank" rel="noreferrer" data-testid="wl-record-open-lead">
          {t('record.openLead')} ↗
        </a>
      )}
    </li>
  );
}

function Mistake({ record, t, lang }: { record: Rejection; t: Translate; lang: Lang }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (record.status === 'withdrawn' && !record.reopened) return null;

  const send = async (reopened: boolean) => {
    setBusy(true);
    const res = await call('reopen', { id: record.id, reopened, note });
    setBusy(false);
    setError(res.ok ? null : t('record.failed', { message: res.error.message }));
    if (res.ok) setNote('');
  };

  return (
    <section className="wl-record-mistake" aria-labelledby="wl-mistake-title">
      <h2 id="wl-mistake-title">{t('record.mistake')}</h2>
      {record.reopened ? (
        <>
          <p data-testid="wl-reopened">
            {t('record.reopened', { when: formatWhen(record.reopened.at, lang), by: record.reopened.by })}
            {record.reopened.note && <span className="wl-record-comment"> — {record.reopened.note}</span>}
          </p>
          <button type="button" className="wl-btn" data-testid="wl-unreopen" disabled={busy} onClick={() => void send(false)}>
            {t('record.unreopen')}
          </button>
        </>
      ) : (
        <>
          <p className="wl-record-hint">{t('record.mistakeHint')}</p>
          <label className="wl-record-field">
            <span>{t('record.mistakeNote')}</span>
            <textarea data-testid="wl-reopen-note" rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="wl-btn" data-testid="wl-reopen" disabled={busy} onClick={() => void send(true)}>
            {t('record.mistakeButton')}
          </button>
        </>
      )}
      {error && (
        <p className="wl-record-problem" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
