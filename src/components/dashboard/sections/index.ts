/**
 * The dashboard's sections, in order. Each reads the current filter from `useFilter`.
 * A new section adds its component file and one line here.
 */
import type { ComponentType } from 'react';
import type { PageConfig } from '../../../platform/live';
import { SharingSection } from './SharingSection';

export interface DashboardSectionProps {
  config: PageConfig;
}

export const DASHBOARD_SECTIONS: { id: string; Component: ComponentType<DashboardSectionProps> }[] = [
  { id: 'sharing', Component: SharingSection },
];
