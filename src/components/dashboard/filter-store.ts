/**
 * The dashboard's current filter: short-lived UI state shared by its sections (statistics,
 * drill-down, exports). Components select single values.
 */
import { create } from 'zustand';
import { EMPTY_FILTER, type Filter } from '../../core/filters';

interface FilterState {
  filter: Filter;
  set(patch: Partial<Filter>): void;
  reset(): void;
}

export const useFilter = create<FilterState>((set) => ({
  filter: EMPTY_FILTER,
  set: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  reset: () => set({ filter: EMPTY_FILTER }),
}));
