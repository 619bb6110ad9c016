/**
 * The dashboard's sections, in order. Each reads the current filter from `useFilter`.
 * A new section adds its component file and one line here.
 */
import type { ComponentType } from 'react';
import type { PageConfig } from '../../../platform/live';
import { BreakdownSection } from './BreakdownSection';
import { CorrectedSection } from './CorrectedSection';
import { DrillSection } from './DrillSection';
import { FiltersSection } from './FiltersSection';
import { HygieneSection } from './HygieneSection';
import { ManagersSection } from './ManagersSection';
import { ReasonsSection } from './ReasonsSection';
import { SummarySection } from './SummarySection';
import { TrendSection } from './TrendSection';
import { SharingSection } from './SharingSection';

export interface DashboardSectionProps {
  config: PageConfig;
}

export const DASHBOARD_SECTIONS: { id: string; Component: ComponentType<DashboardSectionProps> }[] = [
  { id: 'filters', Component: FiltersSection },
  { id: 'summary', Component: SummarySection },
  { id: 'reasons', Component: ReasonsSection },
  { id: 'trend', Component: TrendSection },
  { id: 'managers', Component: ManagersSection },
  { id: 'breakdown', Component: BreakdownSection },
  { id: 'corrected', Component: CorrectedSection },
  { id: 'hygiene', Component: HygieneSection },
  { id: 'drill', Component: DrillSection },
  { id: 'sharing', Component: SharingSection },
];
