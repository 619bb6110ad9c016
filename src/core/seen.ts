/**
 * The pipelines and stages the extension has seen in stored records: the choices the options page
 * offers for segment rules. Collected by one pass over the records (the options page is opened
 * rarely; records imported from teammates count too, which a list kept at capture would miss).
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { CrmIdSchema, HostSchema, NamedSchema, TimestampSchema, type Named } from './primitives';
import type { Rejection } from './rejection';

export const SeenPipelineSchema = lazySchema(() => z.object({
  crm: CrmIdSchema,
  host: HostSchema,
  /** null: the page told no pipeline (a CRM or page without them). */
  pipeline: NamedSchema.nullable(),
  /** Stages leads were closed from (segment rules match the stage a lead left). */
  stages: z.array(NamedSchema),
  records: z.number().int(),
  lastAt: TimestampSchema,
}));
export type SeenPipeline = z.infer<typeof SeenPipelineSchema>;

type Seen = Pick<Rejection, 'crm' | 'host' | 'pipeline' | 'fromStage' | 'detectedAt'>;

const MAX_PIPELINES = 500;
const MAX_STAGES = 200;

/** Adds records one by one (a cursor over the database), then gives the list. */
export function seenCollector(): { add(r: Seen): void; result(): SeenPipeline[] } {
  const byKey = new Map<string, SeenPipeline & { stageMap: Map<string, { stage: Named; at: number }>; nameAt: number }>();
  return {
    add(r) {
      const key = `${r.crm}|${r.host}|${r.pipeline?.id ?? ''}`;
      let p = byKey.get(key);
      if (!p) {
        if (byKey.size >= MAX_PIPELINES) return;
        p = { crm: r.crm, host: r.host, pipeline: r.pipeline, stages: [], records: 0, lastAt: r.detectedAt, stageMap: new Map(), nameAt: r.detectedAt };
        byKey.set(key, p);
      }
      p.records++;
      p.lastAt = Math.max(p.lastAt, r.detectedAt);
      // The newest name wins: pipelines and stages get renamed in the CRM.
      if (r.pipeline?.name && (!p.pipeline?.name || r.detectedAt >= p.nameAt)) {
        p.pipeline = r.pipeline;
        p.nameAt = r.detectedAt;
      }
      const s = r.fromStage;
      if (s) {
        const known = p.stageMap.get(s.id);
        if (!known && p.stageMap.size < MAX_STAGES) p.stageMap.set(s.id, { stage: s, at: r.detectedAt });
        else if (known && s.name && (!known.stage.name || r.detectedAt >= known.at)) p.stageMap.set(s.id, { stage: s, at: r.detectedAt });
      }
    },
    result() {
      const label = (p: SeenPipeline) => p.pipeline?.name ?? p.pipeline?.id ?? '';
      return [...byKey.values()]
        .map(({ stageMap, nameAt: _, ...p }) => ({
          ...p,
          stages: [...stageMap.values()].map((v) => v.stage).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id)),
        }))
        .sort((a, b) => a.crm.localeCompare(b.crm) || a.host.localeCompare(b.host) || label(a).localeCompare(label(b)));
    },
  };
}

export function seenPipelines(records: Iterable<Seen>): SeenPipeline[] {
  const c = seenCollector();
  for (const r of records) c.add(r);
  return c.result();
}
