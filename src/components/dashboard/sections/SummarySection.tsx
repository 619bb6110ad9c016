/**
 * The period at a glance — lost leads, junk vs loss, waiting, returned to work, follow-ups due —
 * and the empty states: a new user learns the first steps; a filter that matches nothing says so.
 */
import type { DrillCell } from '../../../core/protocol';
import { Welcome } from '../../popup/Welcome';
import { fmtCount } from '../format';
import { drillDown } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { ResetButton, useReadyStats } from './common';

export function SummarySection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useReadyStats();
  if (!stats) return <p className="wl-loading">{t('stats.loading')}</p>;
  if (stats.stored === 0) return <Welcome t={t} team />;
  if (stats.matched === 0) {
    return (
      <section className="wl-empty-filter" data-testid="wl-empty-filter">
        <p>{t('stats.empty.filter')}</p>
        <ResetButton t={t} />
      </section>
    );
  }
  const { totals, hygiene } = stats;
  const tiles: { id: string; label: string; value: number; cell: DrillCell; accent?: boolean }[] = [
    { id: 'counted', label: t('stats.tile.counted'), value: totals.counted, cell: { subset: 'counted' } },
    { id: 'junk', label: t('stats.tile.junk'), value: totals.junk, cell: { subset: 'counted', kind: 'junk' } },
    { id: 'loss', label: t('stats.tile.loss'), value: totals.loss, cell: { subset: 'counted', kind: 'loss' } },
    { id: 'pending', label: t('stats.tile.pending'), value: totals.pending, cell: { subset: 'pending' }, accent: totals.pending > 0 },
    { id: 'reopened', label: t('stats.tile.reopened'), value: totals.reopened, cell: { subset: 'reopened' } },
    { id: 'followups', label: t('stats.tile.followUps'), value: hygiene.followUpsDue, cell: { subset: 'follow-up-due' }, accent: hygiene.followUpsDue > 0 },
  ];
  return (
    <section className="wl-tiles" aria-label={t('stats.tile.counted')}>
      {tiles.map((tile) => (
        <button
          key={tile.id}
          type="button"
          className={`wl-tile${tile.accent ? ' is-accent' : ''}`}
          data-testid={`wl-stat-${tile.id}`}
          data-value={tile.value}
          onClick={() => drillDown(tile.cell, tile.label)}
        >
          <span className="wl-num">{fmtCount(lang, tile.value)}</span>
          <span className="wl-cap">{tile.label}</span>
        </button>
      ))}
    </section>
  );
}
