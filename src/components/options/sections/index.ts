/**
 * The sections of the options page, in order. A new section adds its component file and one line here.
 */
import type { ComponentType } from 'react';
import type { PageConfig } from '../../../platform/live';
import { HostsSection } from './HostsSection';
import { OneboxSection } from './OneboxSection';

export interface SectionProps {
  config: PageConfig;
}

export const SECTIONS: { id: string; Component: ComponentType<SectionProps> }[] = [{ id: 'hosts', Component: HostsSection }];
SECTIONS.push({ id: 'onebox', Component: OneboxSection });
