/**
 * The filters: period, CRM, portal, pipeline, segment, manager, junk/loss, mine/team, and the
 * raw/corrected switch. They write the shared filter (src/core/filters.ts) that the statistics,
 * the drill-down and the exports all follow.
 */
import type { ChangeEvent } from 'react';
import type { Filter } from '../../../core/filters';
import type { Option } from '../../../core/protocol';
import { PERIOD_PRESETS } from '../../../core/stats-periods';
import { dateInputValue } from '../format';
import { useFilter } from '../filter-store';
import { useStats, type PeriodChoice } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { managerLabel, noneLabel, ResetButton, segmentLabel, useReadyStats } from './common';

type ListKey = 'crms' | 'hosts' | 'pipelines' | 'segments' | 'managers';

function parseDate(value: string, endOfDay: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  return d.getTime() - (endOfDay ? 1 : 0);
}

export function FiltersSection({ config }: DashboardSectionProps) {
  const { t } = config;
  const stats = useReadyStats();
  const filter = useFilter((s) => s.filter);
  const setFilter = useFilter((s) => s.set);
  const period = useStats((s) => s.period);
  const view = useStats((s) => s.view);
  const setPeriod = useStats((s) => s.setPeriod);
  const setStats = useStats((s) => s.set);
  if (!stats || stats.stored === 0) return null;

  const list = (key: ListKey, testId: string, label: string, options: Option[], name: (o: Option) => string) => {
    const current = filter[key][0] ?? '';
    const known = options.some((o) => o.key === current);
    return (
      <label className="wl-field">
        <span>{label}</span>
        <select
          data-testid={testId}
          value={current}
          onChange={(e: ChangeEvent<HTMLSelectElement>) => setFilter({ [key]: e.target.value ? [e.target.value] : [] } as Partial<Filter>)}
        >
          <option value="">{t('stats.filter.any')}</option>
          {current && !known && <option value={current}>{current}</option>}
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {name(o)} ({o.count})
            </option>
          ))}
        </select>
      </label>
    );
  };

  return (
    <section className="wl-filters" aria-label={t('stats.period')} data-testid="wl-filters">
      <label className="wl-field">
        <span>{t('stats.period')}</span>
        <select data-testid="wl-filter-period" value={period} onChange={(e) => setPeriod(e.target.value as PeriodChoice)}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`stats.period.${p}`)}
            </option>
          ))}
          <option value="custom">{t('stats.period.custom')}</option>
        </select>
      </label>
      {period === 'custom' && (
        <>
          <label className="wl-field">
            <span>{t('stats.period.from')}</span>
            <input
              type="date"
              data-testid="wl-filter-from"
              value={dateInputValue(filter.from)}
              onChange={(e) => setFilter({ from: parseDate(e.target.value, false) })}
            />
          </label>
          <label className="wl-field">
            <span>{t('stats.period.to')}</span>
            <input type="date" data-testid="wl-filter-to" value={dateInputValue(filter.to)} onChange={(e) => setFilter({ to: parseDate(e.target.value, true) })} />
          </label>
        </>
      )}
      {list('crms', 'wl-filter-crm', t('stats.filter.crm'), stats.options.crm, (o) => o.label)}
      {list('hosts', 'wl-filter-host', t('stats.filter.host'), stats.options.host, (o) => o.label)}
      {list('pipelines', 'wl-filter-pipeline', t('stats.filter.pipeline'), stats.options.pipeline, (o) => noneLabel(t, o.label))}
      {list('segments', 'wl-filter-segment', t('stats.filter.segment'), stats.options.segment, (o) => segmentLabel(t, o.key))}
      {list('managers', 'wl-filter-manager', t('stats.filter.manager'), stats.options.manager, (o) => managerLabel(t, o.label))}
      <label className="wl-field">
        <span>{t('stats.filter.kind')}</span>
        <select data-testid="wl-filter-kind" value={filter.kind} onChange={(e) => setFilter({ kind: e.target.value as Filter['kind'] })}>
          <option value="all">{t('stats.kind.all')}</option>
          <option value="junk">{t('stats.kind.junk')}</option>
          <option value="loss">{t('stats.kind.loss')}</option>
        </select>
      </label>
      <label className="wl-field">
        <span>{t('stats.filter.scope')}</span>
        <select data-testid="wl-filter-scope" value={filter.scope} onChange={(e) => setFilter({ scope: e.target.value as Filter['scope'] })}>
          <option value="team">{t('stats.scope.team')}</option>
          <option value="mine">{t('stats.scope.mine')}</option>
        </select>
      </label>
      <div className="wl-field" role="group" aria-label={t('stats.view')} title={t('stats.view.hint')}>
        <span>{t('stats.view')}</span>
        <div className="wl-toggle">
          {(['corrected', 'raw'] as const).map((v) => (
            <button key={v} type="button" data-testid="wl-view" data-view={v} aria-pressed={view === v} onClick={() => setStats({ view: v })}>
              {t(`stats.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <ResetButton t={t} className="wl-reset" testId="wl-filter-reset" />
    </section>
  );
}
