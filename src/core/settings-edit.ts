/**
 * Editing settings from the options page: what a form holds → a valid part of the settings, or
 * problem codes the UI words in its language. Pure: no storage, no DOM.
 */
import { CrmIdSchema, HostSchema, type CrmId, type Segment } from './primitives';
import { COMMENT_LIMITS, CommentRulesSchema, type CommentRules, type SegmentRule, type Settings } from './settings';

export type Checked<T, P> = { ok: true; value: T } | { ok: false; problems: P[] };

// ── Segment rules ────────────────────────────────────────────────────────────

export const MAX_RULE_ID = 100;

/** A segment rule as typed: empty text = "any". */
export interface RuleDraft {
  crm: CrmId | '';
  host: string;
  pipelineId: string;
  stageId: string;
  segment: Segment;
}

export type RuleProblem =
  | { code: 'rule-empty' }
  | { code: 'rule-duplicate' }
  | { code: 'host-invalid'; host: string }
  | { code: 'rule-id-too-long'; max: number };

const orNull = (text: string): string | null => text.trim() || null;

function sameMatch(a: SegmentRule, b: SegmentRule): boolean {
  return a.crm === b.crm && a.host === b.host && a.pipelineId === b.pipelineId && a.stageId === b.stageId;
}

export function ruleFromDraft(draft: RuleDraft, existing: readonly SegmentRule[]): Checked<SegmentRule, RuleProblem> {
  const host = orNull(draft.host.toLowerCase());
  const rule: SegmentRule = {
    crm: draft.crm ? CrmIdSchema.parse(draft.crm) : null,
    host,
    pipelineId: orNull(draft.pipelineId),
    stageId: orNull(draft.stageId),
    segment: draft.segment,
  };
  const problems: RuleProblem[] = [];
  if (!rule.crm && !rule.host && !rule.pipelineId && !rule.stageId) problems.push({ code: 'rule-empty' });
  if (host && !HostSchema.safeParse(host).success) problems.push({ code: 'host-invalid', host });
  if ((rule.pipelineId?.length ?? 0) > MAX_RULE_ID || (rule.stageId?.length ?? 0) > MAX_RULE_ID) {
    problems.push({ code: 'rule-id-too-long', max: MAX_RULE_ID });
  }
  if (!problems.length && existing.some((r) => sameMatch(r, rule))) problems.push({ code: 'rule-duplicate' });
  return problems.length ? { ok: false, problems } : { ok: true, value: rule };
}

// ── Comment rules ────────────────────────────────────────────────────────────

/** The comment rules as the form holds them: numbers as typed, placeholders one per line. */
export interface CommentRulesDraft {
  required: CommentRules['required'];
  minLength: string;
  placeholders: string;
  softAttemptThreshold: string;
}

export type CommentRulesProblem =
  | { code: 'min-length-range'; min: number; max: number }
  | { code: 'threshold-range'; min: number; max: number }
  | { code: 'placeholder-too-long'; text: string; max: number }
  | { code: 'placeholders-too-many'; max: number };

export function commentRulesDraft(rules: CommentRules): CommentRulesDraft {
  return {
    required: rules.required,
    minLength: String(rules.minLength),
    placeholders: rules.placeholders.join('\n'),
    softAttemptThreshold: String(rules.softAttemptThreshold),
  };
}

/** One placeholder per line, trimmed, blank lines and repeats (ignoring case) dropped. */
export function readPlaceholders(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const p = line.trim();
    if (!p || seen.has(p.toLowerCase())) continue;
    seen.add(p.toLowerCase());
    out.push(p);
  }
  return out;
}

const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
const within = (n: number, { min, max }: { min: number; max: number }) => Number.isInteger(n) && n >= min && n <= max;

export function commentRulesFromDraft(draft: CommentRulesDraft): Checked<CommentRules, CommentRulesProblem> {
  const problems: CommentRulesProblem[] = [];
  const minLength = whole(draft.minLength);
  const threshold = whole(draft.softAttemptThreshold);
  const placeholders = readPlaceholders(draft.placeholders);
  if (!within(minLength, COMMENT_LIMITS.minLength)) problems.push({ code: 'min-length-range', ...COMMENT_LIMITS.minLength });
  if (!within(threshold, COMMENT_LIMITS.softAttemptThreshold)) {
    problems.push({ code: 'threshold-range', ...COMMENT_LIMITS.softAttemptThreshold });
  }
  const long = placeholders.find((p) => p.length > COMMENT_LIMITS.placeholder.max);
  if (long) problems.push({ code: 'placeholder-too-long', text: long, max: COMMENT_LIMITS.placeholder.max });
  if (placeholders.length > COMMENT_LIMITS.placeholders.max) {
    problems.push({ code: 'placeholders-too-many', max: COMMENT_LIMITS.placeholders.max });
  }
  if (problems.length) return { ok: false, problems };
  const parsed = CommentRulesSchema.safeParse({ required: draft.required, minLength, placeholders, softAttemptThreshold: threshold });
  // The checks above mirror the schema; this guard keeps the two from drifting silently.
  if (!parsed.success) throw new Error(`comment rules out of step with the schema: ${parsed.error.message}`);
  return { ok: true, value: parsed.data };
}

// ── Identity ─────────────────────────────────────────────────────────────────

type Identity = Settings['identity'];
export const MAX_NAME = 200;

/**
 * The CRM page told us the manager's name: it fills the identity only while the name is empty
 * (never typed by the user, or cleared by them to take the CRM's again). Null: nothing to change.
 */
export function identityFromCrm(identity: Identity, crmName: string | null | undefined): Identity | null {
  const name = crmName?.trim().slice(0, MAX_NAME);
  if (!name || identity.name.trim()) return null;
  return { ...identity, name, fromCrm: true };
}

/** The user typed a name (empty = let the CRM page fill it again). */
export function identityTyped(identity: Identity, typed: string): Identity {
  const name = typed.trim().slice(0, MAX_NAME);
  if (name === identity.name && identity.fromCrm) return identity; // saved unchanged: still the CRM's
  return { ...identity, name, fromCrm: false };
}
