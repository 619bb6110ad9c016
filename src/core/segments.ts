/**
 * Which segment's reason list a close gets, and the manager's remembered choice per pipeline.
 *
 * Order (first that applies wins):
 *   1. a rule naming the stage or the pipeline (the team's explicit mapping, set in the options);
 *   2. the segment the manager last switched to in the panel for this pipeline (remembered);
 *   3. a broader rule (host or CRM only);
 *   4. the default segment.
 * An explicit pipeline/stage rule is a deliberate team decision, so a one-off switch in the
 * panel never overrides it; where the rules say nothing that precise, the manager's own last
 * choice for the pipeline is a better guess than a host-wide rule or the default.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { SegmentSchema, TimestampSchema, type Segment } from './primitives';
import type { LeadContext } from './rejection';
import type { SegmentRule, Settings } from './settings';

type RuleInput = Pick<LeadContext, 'crm' | 'host' | 'pipeline' | 'fromStage'>;

function specificity(rule: SegmentRule): number {
  return (rule.stageId ? 8 : 0) + (rule.pipelineId ? 4 : 0) + (rule.host ? 2 : 0) + (rule.crm ? 1 : 0);
}

export function ruleMatches(rule: SegmentRule, lead: RuleInput): boolean {
  return (
    (rule.crm === null || rule.crm === lead.crm) &&
    (rule.host === null || rule.host === lead.host) &&
    (rule.pipelineId === null || rule.pipelineId === lead.pipeline?.id) &&
    (rule.stageId === null || rule.stageId === lead.fromStage?.id)
  );
}

/** The last segment a manager chose in the panel, per pipeline (key: see `pipelineKey`). */
export const LastSegmentSchema = lazySchema(() => z.object({ segment: SegmentSchema, at: TimestampSchema }));
export const LastSegmentsSchema = lazySchema(() => z.record(z.string().min(1).max(700), LastSegmentSchema));
export type LastSegments = z.infer<typeof LastSegmentsSchema>;

/** At most this many pipelines are remembered; the oldest choices go first. */
export const MAX_REMEMBERED = 300;

/** One pipeline of one portal: `crm|host|pipelineId` ("-" when the page does not tell the pipeline). */
export function pipelineKey(lead: Pick<LeadContext, 'crm' | 'host' | 'pipeline'>): string {
  return `${lead.crm}|${lead.host}|${lead.pipeline?.id ?? '-'}`;
}

export type SegmentSource = 'rule' | 'remembered' | 'default';
export interface SegmentChoice {
  segment: Segment;
  source: SegmentSource;
}

export function chooseSegment(
  lead: RuleInput,
  settings: Pick<Settings, 'segmentRules' | 'defaultSegment'>,
  memory: LastSegments = {},
): SegmentChoice {
  let best: SegmentRule | null = null;
  for (const rule of settings.segmentRules) {
    if (ruleMatches(rule, lead) && (!best || specificity(rule) > specificity(best))) best = rule;
  }
  if (best && (best.stageId || best.pipelineId)) return { segment: best.segment, source: 'rule' };
  const remembered = Object.hasOwn(memory, pipelineKey(lead)) ? memory[pipelineKey(lead)] : undefined;
  if (remembered) return { segment: remembered.segment, source: 'remembered' };
  if (best) return { segment: best.segment, source: 'rule' };
  return { segment: settings.defaultSegment, source: 'default' };
}

export function segmentFor(
  lead: RuleInput,
  settings: Pick<Settings, 'segmentRules' | 'defaultSegment'>,
  memory: LastSegments = {},
): Segment {
  return chooseSegment(lead, settings, memory).segment;
}

/** The memory with this pipeline's choice recorded, keeping the newest MAX_REMEMBERED. */
export function rememberSegment(
  memory: LastSegments,
  lead: Pick<LeadContext, 'crm' | 'host' | 'pipeline'>,
  segment: Segment,
  now: number,
): LastSegments {
  const next: LastSegments = { ...memory, [pipelineKey(lead)]: { segment, at: now } };
  const keys = Object.keys(next);
  if (keys.length <= MAX_REMEMBERED) return next;
  const keep = keys.sort((a, b) => next[b]!.at - next[a]!.at).slice(0, MAX_REMEMBERED);
  return Object.fromEntries(keep.map((k) => [k, next[k]!]));
}

/** Reads the stored memory: anything malformed is dropped entry by entry, never an error. */
export function readLastSegments(raw: unknown): LastSegments {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: LastSegments = {};
  for (const [key, value] of Object.entries(raw)) {
    const parsed = LastSegmentsSchema.safeParse({ [key]: value });
    if (parsed.success) Object.assign(out, parsed.data);
  }
  return out;
}
