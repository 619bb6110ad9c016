/**
 * The sections of the options page, in order. A new section adds its component file and one line here.
 */
import type { ComponentType } from 'react';
import type { PageConfig } from '../../../platform/live';
import { DataSection } from './DataSection';
import { HostsSection } from './HostsSection';

export interface SectionProps {
  config: PageConfig;
}

export const SECTIONS: { id: string; Component: ComponentType<SectionProps> }[] = [{ id: 'hosts', Component: HostsSection }, { id: 'data', Component: DataSection }];
