/** Reasons over time, by week or by month: stacked columns, the top reasons in their colours. */
import { bucketEnd } from '../../../core/stats-aggregate';
import { colorOf, OTHERS_COLOR } from '../charts/palette';
import { StackedColumns, type Series } from '../charts/StackedColumns';
import { TableDetails } from '../charts/TableDetails';
import { fmtCount, fmtDay, fmtMonth, reasonName } from '../format';
import { drillDown, useStats } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { Section, useShownStats } from './common';

/** Reasons drawn in their own colour; the rest are summed as "other reasons". */
const TOP = 8;
const OTHERS = '__others';

export function TrendSection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useShownStats();
  const grain = useStats((s) => s.grain);
  const set = useStats((s) => s.set);
  if (!stats) return null;
  const trend = stats.trend[grain];
  const fmtBucket = grain === 'week' ? (x: number) => fmtDay(lang, x) : (x: number) => fmtMonth(lang, x);
  const labels = trend.starts.map(fmtBucket);
  const series: Series[] = trend.reasons.slice(0, TOP).map((id, j) => ({
    id,
    label: reasonName(config, id),
    color: colorOf(j),
    values: trend.counts.map((row) => row[j] ?? 0),
  }));
  if (trend.reasons.length > TOP) {
    series.push({
      id: OTHERS,
      label: t('stats.trend.others'),
      color: OTHERS_COLOR,
      values: trend.counts.map((row) => row.slice(TOP).reduce((a, b) => a + b, 0)),
    });
  }
  const format = (n: number) => fmtCount(lang, n);
  /** Lists the leads of one reason's block in one bucket (a click on it, or its cell in the table). */
  const select = (b: number, id: string) => {
    const start = trend.starts[b]!;
    const title = `${id === OTHERS ? t('stats.drill.all') : reasonName(config, id)} · ${labels[b]}`;
    drillDown({ subset: 'counted', ...(id === OTHERS ? {} : { reasonId: id }), from: start, to: bucketEnd(grain, start) }, title);
  };
  // In the table each count is a button: the way to the leads from the keyboard (the chart's
  // blocks are for the mouse; a tab stop per block would be a hundred).
  const cell = (b: number, s: Series) => {
    const n = s.values[b] ?? 0;
    if (n === 0) return format(0);
    return (
      <button type="button" className="wl-link" data-testid="wl-trend-cell" data-start={trend.starts[b]} data-reason-id={s.id} onClick={() => select(b, s.id)}>
        {format(n)}
      </button>
    );
  };
  return (
    <Section
      id="wl-trend-section"
      title={t('stats.trend.title')}
      actions={
        <div className="wl-toggle" role="group" aria-label={t('stats.trend.title')}>
          {(['week', 'month'] as const).map((g) => (
            <button key={g} type="button" data-testid="wl-trend-grain" data-grain={g} aria-pressed={grain === g} onClick={() => set({ grain: g })}>
              {t(`stats.trend.${g}`)}
            </button>
          ))}
        </div>
      }
    >
      <StackedColumns
        labels={labels}
        keys={trend.starts.map(String)}
        series={series}
        totalLabel={t('stats.trend.total')}
        ariaLabel={t('stats.trend.title')}
        format={format}
        onSelect={select}
      />
      <TableDetails
        testId="wl-trend-table"
        summary={t('stats.table.show')}
        head={[t('stats.trend.period'), ...series.map((s) => s.label), t('stats.trend.total')]}
        rows={labels.map((label, b) => [label, ...series.map((s) => cell(b, s)), format(series.reduce((a, s) => a + (s.values[b] ?? 0), 0))])}
      />
    </Section>
  );
}
