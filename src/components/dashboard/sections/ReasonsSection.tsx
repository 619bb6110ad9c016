/** The distribution of reasons under the filters: count and share of each, junk and losses apart. */
import { findReason } from '../../../core/catalog';
import { BarList } from '../charts/BarList';
import { colorOf, JUNK_COLOR } from '../charts/palette';
import { TableDetails } from '../charts/TableDetails';
import { fmtCount, fmtShare, reasonName } from '../format';
import { drillDown } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { Section, useShownStats } from './common';

export function ReasonsSection({ config }: DashboardSectionProps) {
  const { t, lang, catalog } = config;
  const stats = useShownStats();
  if (!stats) return null;
  const total = stats.totals.counted;
  const rows = stats.reasons.map((r, rank) => {
    const junk = findReason(catalog, r.reasonId)?.kind === 'junk';
    const share = total ? r.count / total : 0;
    const label = reasonName(config, r.reasonId);
    return { ...r, rank, junk, share, label };
  });
  return (
    <Section id="wl-reasons" title={t('stats.reasons.title')} hint={t('stats.reasons.hint')}>
      {rows.length === 0 ? (
        <p className="wl-hint">{t('stats.popup.emptyPeriod')}</p>
      ) : (
        <BarList
          testId="wl-dist-row"
          items={rows.map((r) => ({
            key: r.reasonId,
            label: (
              <>
                {r.label}
                {r.junk && <span className="wl-tag">{t('stats.tile.junk')}</span>}
              </>
            ),
            value: r.count,
            note: fmtShare(lang, r.share),
            color: r.junk ? JUNK_COLOR : colorOf(r.rank),
            title: `${r.label}: ${fmtCount(lang, r.count)} (${fmtShare(lang, r.share)})`,
            attrs: { 'data-reason-id': r.reasonId },
          }))}
          onSelect={(item) => drillDown({ subset: 'counted', reasonId: item.key }, reasonName(config, item.key))}
        />
      )}
      <TableDetails
        testId="wl-dist-table"
        summary={t('stats.table.show')}
        head={[t('stats.drill.reason'), t('stats.count'), t('stats.share')]}
        rows={rows.map((r) => [r.label, fmtCount(lang, r.count), fmtShare(lang, r.share)])}
      />
    </Section>
  );
}
