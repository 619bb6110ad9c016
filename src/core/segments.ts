/**
 * Which segment's reason list a close gets: the most specific matching rule wins
 * (stage > pipeline > host > CRM), else the default segment.
 */
import type { Segment } from './primitives';
import type { LeadContext } from './rejection';
import type { SegmentRule, Settings } from './settings';

function specificity(rule: SegmentRule): number {
  return (rule.stageId ? 8 : 0) + (rule.pipelineId ? 4 : 0) + (rule.host ? 2 : 0) + (rule.crm ? 1 : 0);
}

export function ruleMatches(rule: SegmentRule, lead: Pick<LeadContext, 'crm' | 'host' | 'pipeline' | 'fromStage'>): boolean {
  return (
    (rule.crm === null || rule.crm === lead.crm) &&
    (rule.host === null || rule.host === lead.host) &&
    (rule.pipelineId === null || rule.pipelineId === lead.pipeline?.id) &&
    (rule.stageId === null || rule.stageId === lead.fromStage?.id)
  );
}

export function segmentFor(
  lead: Pick<LeadContext, 'crm' | 'host' | 'pipeline' | 'fromStage'>,
  settings: Pick<Settings, 'segmentRules' | 'defaultSegment'>,
): Segment {
  let best: SegmentRule | null = null;
  for (const rule of settings.segmentRules) {
    if (ruleMatches(rule, lead) && (!best || specificity(rule) > specificity(best))) best = rule;
  }
  return best?.segment ?? settings.defaultSegment;
}
