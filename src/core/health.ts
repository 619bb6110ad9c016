/**
 * Detection health: what an adapter found (or failed to find) on a CRM page.
 * A CRM redesign must show up as "detection not working on this page", never as silent loss.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { CrmIdSchema, HostSchema, TimestampSchema } from './primitives';

export const HealthReportSchema = lazySchema(() => z.object({
  crm: CrmIdSchema,
  host: HostSchema,
  /** The kind of page the adapter recognised ("lead-card", "kanban", …). */
  page: z.string().max(50),
  ok: z.boolean(),
  /** Names of the anchors or hooks that found nothing. */
  missing: z.array(z.string().max(100)).max(50),
  url: z.string().max(2000),
  at: TimestampSchema,
}));
export type HealthReport = z.infer<typeof HealthReportSchema>;

/** Keeps the latest report per host and page kind, newest first, bounded. */
export function mergeHealth(list: HealthReport[], report: HealthReport, max = 50): HealthReport[] {
  const rest = list.filter((r) => !(r.host === report.host && r.page === report.page));
  return [report, ...rest].slice(0, max);
}

/** The broken pages of a host, if any. */
export function brokenFor(list: HealthReport[], host: string): HealthReport[] {
  return list.filter((r) => r.host === host && !r.ok);
}
