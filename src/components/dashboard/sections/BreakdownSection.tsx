/** By pipeline and by segment: closes of each, split into junk and losses. */
import type { DrillCell, GroupRow } from '../../../core/protocol';
import { BarList } from '../charts/BarList';
import { JUNK_COLOR, LOSS_COLOR } from '../charts/palette';
import { TableDetails } from '../charts/TableDetails';
import { fmtCount, fmtShare, reasonName } from '../format';
import { drillDown } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { noneLabel, Section, segmentLabel, useShownStats } from './common';

export function BreakdownSection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useShownStats();
  if (!stats) return null;
  const total = stats.totals.counted;
  const part = (
    id: string,
    title: string,
    rows: GroupRow[],
    name: (r: GroupRow) => string,
    cell: (key: string) => Partial<DrillCell>,
    testId: string,
  ) => (
    <div className="wl-half">
      <h3 id={id}>{title}</h3>
      <BarList
        testId={testId}
        items={rows.map((r) => {
          const label = name(r);
          const top = r.byReason[0];
          return {
            key: r.key,
            label,
            value: r.total,
            note: fmtShare(lang, total ? r.total / total : 0),
            parts: [
              { value: r.junk, color: JUNK_COLOR, label: t('stats.tile.junk') },
              { value: r.loss, color: LOSS_COLOR, label: t('stats.tile.loss') },
            ],
            title: `${label}: ${fmtCount(lang, r.total)} — ${t('stats.tile.junk')} ${fmtCount(lang, r.junk)}, ${t('stats.tile.loss')} ${fmtCount(lang, r.loss)}${
              top ? ` · ${reasonName(config, top.reasonId)} ${fmtCount(lang, top.count)}` : ''
            }`,
            attrs: { [`data-${testId.replace('wl-', '').replace('-row', '')}`]: r.key },
          };
        })}
        onSelect={(item) => drillDown({ subset: 'counted', ...cell(item.key) }, `${title}: ${String(item.label)}`)}
      />
      <TableDetails
        testId={`${testId}-table`}
        summary={t('stats.table.show')}
        head={[title, t('stats.managers.total'), t('stats.tile.junk'), t('stats.tile.loss')]}
        rows={rows.map((r) => [name(r), fmtCount(lang, r.total), fmtCount(lang, r.junk), fmtCount(lang, r.loss)])}
      />
    </div>
  );
  return (
    <Section id="wl-breakdown" title={`${t('stats.pipelines.title')} · ${t('stats.segments.title')}`}>
      <ul className="wl-legend">
        <li>
          <span className="wl-swatch" style={{ background: JUNK_COLOR }} />
          {t('stats.tile.junk')}
        </li>
        <li>
          <span className="wl-swatch" style={{ background: LOSS_COLOR }} />
          {t('stats.tile.loss')}
        </li>
      </ul>
      <div className="wl-columns">
        {part('wl-pipelines', t('stats.pipelines.title'), stats.pipelines, (r) => noneLabel(t, r.label), (key) => ({ pipeline: key }), 'wl-pipeline-row')}
        {part(
          'wl-segments',
          t('stats.segments.title'),
          stats.segments,
          (r) => segmentLabel(t, r.key),
          (key) => ({ segment: key as DrillCell['segment'] }),
          'wl-segment-row',
        )}
      </div>
    </Section>
  );
}
