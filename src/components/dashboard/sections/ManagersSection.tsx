/**
 * By manager: each one's closes, junk vs loss, the share of the team's main reasons in their
 * closes, and where they use a reason far more than the rest of the team (who over-uses
 * "price" or "other").
 */
import type { CSSProperties } from 'react';
import { SKEW_MIN_DIFF } from '../../../core/stats-aggregate';
import { fmtCount, fmtShare, reasonName } from '../format';
import { drillDown } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { managerLabel, Section, useShownStats } from './common';

/** Reason columns in the table (the team's most frequent). */
const COLUMNS = 6;

export function ManagersSection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useShownStats();
  if (!stats || stats.managers.length === 0) return null;
  const columns = stats.reasons.slice(0, COLUMNS).map((r) => r.reasonId);
  const teamShare = new Map(stats.reasons.map((r) => [r.reasonId, stats.totals.counted ? r.count / stats.totals.counted : 0]));
  const points = Math.round(SKEW_MIN_DIFF * 100);
  return (
    <Section id="wl-managers" title={t('stats.managers.title')} hint={t('stats.managers.hint', { points })}>
      <div className="wl-tablewrap">
        <table className="wl-table wl-heat">
          <thead>
            <tr>
              <th scope="col">{t('stats.managers.manager')}</th>
              <th scope="col">{t('stats.managers.total')}</th>
              <th scope="col">{t('stats.tile.junk')}</th>
              <th scope="col">{t('stats.tile.loss')}</th>
              {columns.map((id) => (
                <th key={id} scope="col" title={`${reasonName(config, id)}: ${fmtShare(lang, teamShare.get(id) ?? 0)}`}>
                  {reasonName(config, id)}
                  <small>{fmtShare(lang, teamShare.get(id) ?? 0)}</small>
                </th>
              ))}
              <th scope="col">{t('stats.managers.overuses')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.managers.map((m) => {
              const name = managerLabel(t, m.label);
              const counts = new Map(m.byReason.map((r) => [r.reasonId, r.count]));
              const skews = new Map(m.skew.map((s) => [s.reasonId, s]));
              const flagged = m.skew.filter((s) => s.flagged);
              return (
                <tr key={m.key} data-testid="wl-manager-row" data-manager={m.key}>
                  <th scope="row">
                    <button type="button" className="wl-link" onClick={() => drillDown({ subset: 'counted', manager: m.key }, name)}>
                      {name}
                    </button>
                  </th>
                  <td data-testid="wl-manager-total">{fmtCount(lang, m.total)}</td>
                  <td>{fmtCount(lang, m.junk)}</td>
                  <td>{fmtCount(lang, m.loss)}</td>
                  {columns.map((id) => {
                    const count = counts.get(id) ?? 0;
                    const share = m.total ? count / m.total : 0;
                    const skew = skews.get(id);
                    const style = { '--heat': `${Math.round(share * 100)}%` } as CSSProperties;
                    return (
                      <td
                        key={id}
                        className={skew?.flagged ? 'is-flagged' : undefined}
                        style={style}
                        data-testid="wl-manager-cell"
                        data-reason-id={id}
                        data-count={count}
                        title={`${name} · ${reasonName(config, id)}: ${fmtCount(lang, count)} / ${fmtCount(lang, m.total)}`}
                      >
                        <button type="button" onClick={() => drillDown({ subset: 'counted', manager: m.key, reasonId: id }, `${reasonName(config, id)} · ${name}`)}>
                          {fmtShare(lang, share)}
                        </button>
                      </td>
                    );
                  })}
                  <td>
                    {flagged.map((s) => (
                      <span
                        key={s.reasonId}
                        className="wl-skew"
                        data-testid="wl-skew"
                        data-reason-id={s.reasonId}
                        title={t('stats.managers.skew', { reason: reasonName(config, s.reasonId), share: fmtShare(lang, s.share), rest: fmtShare(lang, s.restShare) })}
                      >
                        {reasonName(config, s.reasonId)} +{Math.round(s.diff * 100)}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
