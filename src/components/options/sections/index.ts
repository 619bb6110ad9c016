/**
 * The sections of the options page, in order. A new section adds its component file and one line here.
 */
import type { ComponentType } from 'react';
import type { PageConfig } from '../../../platform/live';
import { CatalogSection } from './CatalogSection';
import { CommentsSection } from './CommentsSection';
import { CrmsSection } from './CrmsSection';
import { DataSection } from './DataSection';
import { HostsSection } from './HostsSection';
import { OneboxSection } from './OneboxSection';
import { IdentitySection } from './IdentitySection';
import { LanguageSection } from './LanguageSection';
import { SegmentsSection } from './SegmentsSection';

export interface SectionProps {
  config: PageConfig;
}

export const SECTIONS: { id: string; Component: ComponentType<SectionProps> }[] = [
  { id: 'language', Component: LanguageSection },
  { id: 'identity', Component: IdentitySection },
  { id: 'catalog', Component: CatalogSection },
  { id: 'segments', Component: SegmentsSection },
  { id: 'comments', Component: CommentsSection },
  { id: 'crms', Component: CrmsSection },
  { id: 'hosts', Component: HostsSection },
  { id: 'onebox', Component: OneboxSection },
  { id: 'data', Component: DataSection },
];
