/**
 * The dashboard's statistics state: what the statistics are asked for beyond the shared filter
 * (period choice, raw/corrected, trend grain, hygiene thresholds), the latest answer, and the
 * drill-down. Short-lived UI state; the answer comes from the background (protocol/stats.ts).
 */
import { create } from 'zustand';
import type { Filter } from '../../core/filters';
import type { DashboardStats, DrillCell, StatsQuery, StatsView } from '../../core/protocol';
import { presetRange, type Grain, type PeriodPreset } from '../../core/stats-periods';
import { useFilter } from './filter-store';

export type PeriodChoice = PeriodPreset | 'custom';

export type StatsResult =
  | { status: 'loading' }
  /**
   * rev: this page's answer count (the benchmark waits on it); at: the database revision the
   * figures were computed at (null: not known); kept: the figures shown last time (nothing
   * written since), the live answer is on its way.
   */
  | { status: 'ready'; value: DashboardStats; rev: number; at: number | null; kept?: boolean }
  | { status: 'error'; message: string };

export interface Drill {
  cell: DrillCell;
  /** What the list shows, in words ("Price · Анна · Nov 2026"). */
  title: string;
}

interface StatsState {
  period: PeriodChoice;
  view: StatsView;
  grain: Grain;
  unusedDays: number;
  pendingDays: number;
  result: StatsResult;
  drill: Drill | null;
  search: string;
  setPeriod(period: PeriodChoice, now?: number): void;
  set(patch: Partial<Pick<StatsState, 'view' | 'grain' | 'unusedDays' | 'pendingDays' | 'search'>>): void;
  setResult(result: StatsResult): void;
  openDrill(drill: Drill): void;
  closeDrill(): void;
}

export const useStats = create<StatsState>((set) => ({
  period: 'all',
  view: 'corrected',
  grain: 'month',
  unusedDays: 30,
  pendingDays: 2,
  result: { status: 'loading' },
  drill: null,
  search: '',
  setPeriod(period, now = Date.now()) {
    set({ period });
    if (period !== 'custom') useFilter.getState().set(presetRange(period, now));
  },
  set: (patch) => set(patch),
  setResult: (result) => set({ result }),
  openDrill: (drill) => set({ drill, search: '' }),
  closeDrill: () => set({ drill: null, search: '' }),
}));

/** The query the statistics answer: the shared filter plus the dashboard's own choices. */
export function currentQuery(filter: Filter = useFilter.getState().filter): StatsQuery {
  const { view, unusedDays, pendingDays } = useStats.getState();
  return { filter, view, unusedDays, pendingDays };
}

/** Opens the drill-down and brings it into view. */
export function drillDown(cell: DrillCell, title: string): void {
  useStats.getState().openDrill({ cell, title });
  requestAnimationFrame(() => document.getElementById('wl-drill')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
}

/** Back to everything: the shared filter emptied, the period "all". */
export function resetFilters(): void {
  useFilter.getState().reset();
  useStats.getState().setPeriod('all');
}

/**
 * Whether this page is importing files: while it writes file after file, the figures are asked
 * for at a slower pace (use-stats-sync.ts), and the team list waits for the end.
 */
export const useImporting = create<{ importing: boolean; setImporting(importing: boolean): void }>((set) => ({
  importing: false,
  setImporting: (importing) => set({ importing }),
}));
