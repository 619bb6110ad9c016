/**
 * The drill-down: the leads behind the bar, cell or figure last clicked, newest first — lead
 * title linking back to the CRM, reason, comment, manager, date — with a search in comments.
 * Comments and titles are text, never HTML.
 */
import { useEffect, useState } from 'react';
import type { DrillPage } from '../../../core/protocol';
import type { Rejection } from '../../../core/rejection';
import { request } from '../../../platform/messaging';
import { RecordEditLink } from '../RecordEditLink';
import { fmtCount, fmtDateTime, reasonName, safeHref } from '../format';
import { useFilter } from '../filter-store';
import { currentQuery, useStats } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { managerLabel, Section, useReadyStats } from './common';

const PAGE = 50;

/** `question`: which cell, search and filter the answer is for (see `shown` below). */
type Loaded = { status: 'loading' } | { status: 'ready'; page: DrillPage; question: string } | { status: 'error'; message: string; question: string };

export function DrillSection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useReadyStats();
  const drill = useStats((s) => s.drill);
  const search = useStats((s) => s.search);
  const view = useStats((s) => s.view);
  const pendingDays = useStats((s) => s.pendingDays);
  const result = useStats((s) => s.result);
  const set = useStats((s) => s.set);
  const close = useStats((s) => s.closeDrill);
  const filter = useFilter((s) => s.filter);
  const [limit, setLimit] = useState(PAGE);
  const [typed, setTyped] = useState(search);
  const [answer, setLoaded] = useState<Loaded>({ status: 'loading' });
  const rev = result.status === 'ready' ? result.rev : 0;

  useEffect(() => setLimit(PAGE), [drill, search, filter, view]);
  // The list shows only the answer to the question asked now: after a click on another cell (or a
  // new search or filter) the previous cell's leads must not stand under the new title while the
  // answer is on its way. Re-reads of the same question (after a write, a longer page) keep it.
  const question = JSON.stringify([drill?.cell ?? null, search, filter, view, pendingDays]);
  const loaded: Loaded = answer.status !== 'loading' && answer.question !== question ? { status: 'loading' } : answer;
  useEffect(() => setTyped(search), [search]);
  // Search as the user types, without a request per key.
  useEffect(() => {
    if (typed === search) return;
    const timer = setTimeout(() => set({ search: typed }), 200);
    return () => clearTimeout(timer);
  }, [typed, search, set]);

  useEffect(() => {
    if (!drill) return;
    let alive = true;
    request('drill', { query: currentQuery(filter), cell: drill.cell, search, offset: 0, limit }).then(
      (page) => alive && setLoaded({ status: 'ready', page, question }),
      (error: unknown) => alive && setLoaded({ status: 'error', message: error instanceof Error ? error.message : String(error), question }),
    );
    return () => {
      alive = false;
    };
    // rev: re-read after the statistics were (writes, settings).
  }, [drill, search, filter, view, pendingDays, limit, rev]);

  if (!stats || stats.stored === 0) return null;
  return (
    <Section
      id="wl-drill"
      title={drill ? `${t('stats.drill.title')}: ${drill.title}` : t('stats.drill.title')}
      actions={
        drill && (
          <button type="button" className="wl-reset" data-testid="wl-drill-close" onClick={close}>
            {t('stats.drill.close')}
          </button>
        )
      }
    >
      {!drill ? (
        <p className="wl-hint">{t('stats.drill.hint')}</p>
      ) : (
        <>
          <div className="wl-drillbar">
            <input
              type="search"
              data-testid="wl-drill-search"
              placeholder={t('stats.drill.search')}
              aria-label={t('stats.drill.search')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            {loaded.status === 'ready' && (
              <span data-testid="wl-drill-total" data-count={loaded.page.total}>
                {t('stats.drill.total', { count: fmtCount(lang, loaded.page.total) })}
              </span>
            )}
          </div>
          {loaded.status === 'error' && (
            <p className="wl-error" role="alert">
              {loaded.message}
            </p>
          )}
          {loaded.status === 'ready' &&
            (loaded.page.records.length === 0 ? (
              <p className="wl-hint">{t('stats.drill.none')}</p>
            ) : (
              <div className="wl-tablewrap">
                <table className="wl-table wl-records" data-testid="wl-drill">
                  <thead>
                    <tr>
                      <th scope="col">{t('stats.drill.date')}</th>
                      <th scope="col">{t('stats.drill.lead')}</th>
                      <th scope="col">{t('stats.drill.reason')}</th>
                      <th scope="col">{t('stats.drill.comment')}</th>
                      <th scope="col">{t('stats.drill.manager')}</th>
                      <th scope="col" aria-label={t('stats.drill.edit')} />
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.page.records.map((r) => (
                      <Row key={r.id} r={r} config={config} />
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          {loaded.status === 'ready' && loaded.page.total > loaded.page.records.length && (
            <button type="button" className="wl-more" data-testid="wl-drill-more" onClick={() => setLimit((l) => Math.min(l + PAGE, 200))} disabled={limit >= 200}>
              {t('stats.drill.more')}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function Row({ r, config }: { r: Rejection; config: DashboardSectionProps['config'] }) {
  const { t, lang } = config;
  const href = safeHref(r.url);
  const title = r.title || t('stats.drill.untitled', { id: r.leadId });
  return (
    <tr data-testid="wl-drill-row" data-id={r.id}>
      <td className="wl-nowrap">{fmtDateTime(lang, r.detectedAt)}</td>
      <td>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="wl-drill-lead">
            {title}
          </a>
        ) : (
          <span data-testid="wl-drill-lead">{title}</span>
        )}
        <small className="wl-host">{r.host}</small>
      </td>
      <td data-testid="wl-drill-reason" data-reason-id={r.reasonId ?? ''}>
        {r.reasonId ? reasonName(config, r.reasonId) : ''}
        {r.status !== 'tagged' && <span className="wl-tag">{t(`stats.status.${r.status}`)}</span>}
        {r.reopened && <span className="wl-tag is-reopened">{t('stats.drill.reopened')}</span>}
      </td>
      <td className="wl-comment" data-testid="wl-drill-comment">
        {r.comment}
      </td>
      <td data-testid="wl-drill-manager">{managerLabel(t, r.manager.name ?? r.manager.id ?? '')}</td>
      <td data-testid="wl-edit-slot">
        <RecordEditLink id={r.id} t={t} />
      </td>
    </tr>
  );
}
