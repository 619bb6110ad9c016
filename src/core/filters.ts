/**
 * What the dashboard is looking at: a period and optional restrictions. Statistics, drill-down
 * and both exports (JSON, CSV) use the same filter, so an export is what the dashboard shows.
 * An empty list means "no restriction".
 */
import { z } from 'zod';
import type { Catalog } from './catalog';
import { findReason } from './catalog';
import { lazySchema } from './lazy-schema';
import { CrmIdSchema, SegmentSchema, TimestampSchema } from './primitives';
import type { Rejection } from './rejection';

export const FilterSchema = lazySchema(() => z.object({
  /** Inclusive bounds on detectedAt; null = open. */
  from: TimestampSchema.nullable(),
  to: TimestampSchema.nullable(),
  crms: z.array(CrmIdSchema),
  hosts: z.array(z.string().max(253)),
  pipelines: z.array(z.string().max(100)),
  segments: z.array(SegmentSchema),
  /** CRM manager names (or ids when the name is unknown). */
  managers: z.array(z.string().max(200)),
  kind: z.enum(['all', 'junk', 'loss']),
  /** mine: records this browser's identity made; team: everything, merged imports included. */
  scope: z.enum(['mine', 'team']),
}));
export type Filter = z.infer<typeof FilterSchema>;

export const EMPTY_FILTER: Filter = {
  from: null,
  to: null,
  crms: [],
  hosts: [],
  pipelines: [],
  segments: [],
  managers: [],
  kind: 'all',
  scope: 'team',
};

export function managerKey(r: Pick<Rejection, 'manager'>): string {
  return r.manager.name ?? r.manager.id ?? '';
}

export function matchesFilter(r: Rejection, f: Filter, catalog: Catalog, myIdentityId: string): boolean {
  if (f.from !== null && r.detectedAt < f.from) return false;
  if (f.to !== null && r.detectedAt > f.to) return false;
  if (f.crms.length && !f.crms.includes(r.crm)) return false;
  if (f.hosts.length && !f.hosts.includes(r.host)) return false;
  if (f.pipelines.length && !(r.pipeline && f.pipelines.includes(r.pipeline.id))) return false;
  if (f.segments.length && !(r.segment && f.segments.includes(r.segment))) return false;
  if (f.managers.length && !f.managers.includes(managerKey(r))) return false;
  if (f.scope === 'mine' && r.owner.id !== myIdentityId) return false;
  if (f.kind !== 'all') {
    const junk = findReason(catalog, r.reasonId)?.kind === 'junk';
    if ((f.kind === 'junk') !== junk) return false;
  }
  return true;
}
