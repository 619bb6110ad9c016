/**
 * Rules that make an answer worth analysing: a reason is chosen, the comment is meaningful
 * (long enough, not a placeholder like "-" or "нет", not one character repeated), "Other"
 * and reasons marked so always carry a comment, "competitor" names the competitor, and a soft
 * reason (an excuse) says how many attempts were made — below the threshold the lead is not
 * written off but gets a follow-up date. Problems come back as codes; the UI words them.
 */
import type { Catalog } from './catalog';
import { findReason } from './catalog';
import type { Answer } from './rejection';
import type { CommentRules } from './settings';

export type AnswerProblem =
  | { code: 'reason-required' }
  | { code: 'reason-unknown'; reasonId: string }
  /** because: 'reason' when the chosen reason itself needs a comment ("Other", commentRequired). */
  | { code: 'comment-required'; reasonId: string | null; minLength: number; because: 'always' | 'reason' }
  | { code: 'comment-too-short'; minLength: number; length: number }
  | { code: 'comment-placeholder'; text: string }
  | { code: 'comment-repeated' }
  | { code: 'competitor-required' }
  | { code: 'attempts-required'; threshold: number }
  | { code: 'follow-up-required'; attempts: number; threshold: number }
  | { code: 'secondary-invalid'; reasonId: string };

/** Lower-case, trimmed, inner runs of spaces made one. */
function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Counts user-perceived characters, so "ёжик" is 4 and an emoji is 1: code points, as
 * `[...text.trim()].length` counts them, without making an array of them (the statistics
 * cache counts every imported comment).
 */
export function visibleLength(text: string): number {
  const s = text.trim();
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

export function commentProblem(
  comment: string,
  needed: boolean | 'always' | 'reason',
  reasonId: string | null,
  rules: CommentRules,
): AnswerProblem | null {
  const text = normalise(comment);
  if (text === '') {
    if (!needed) return null;
    return { code: 'comment-required', reasonId, minLength: rules.minLength, because: needed === 'reason' ? 'reason' : 'always' };
  }
  const placeholders = new Set(rules.placeholders.map(normalise));
  const stripped = text.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  if (placeholders.has(text) || placeholders.has(stripped) || stripped === '') {
    return { code: 'comment-placeholder', text: comment.trim() };
  }
  const letters = [...stripped.replace(/[\s\p{P}]/gu, '')];
  if (letters.length > 1 && new Set(letters).size === 1) return { code: 'comment-repeated' };
  const length = visibleLength(comment);
  if (length < rules.minLength) return { code: 'comment-too-short', minLength: rules.minLength, length };
  return null;
}

/** Why a comment is needed for this reason, or false when it is optional. */
export function commentNeeded(reasonId: string | null, catalog: Catalog, rules: CommentRules): false | 'always' | 'reason' {
  const reason = findReason(catalog, reasonId);
  if (reasonId === 'other' || reason?.commentRequired) return 'reason';
  return rules.required === 'always' ? 'always' : false;
}

/** A soft reason below the attempts threshold is not a write-off yet: it needs a follow-up date. */
export function needsFollowUp(answer: Pick<Answer, 'reasonId' | 'attempts'>, catalog: Catalog, rules: CommentRules): boolean {
  const reason = findReason(catalog, answer.reasonId);
  return Boolean(reason?.soft) && answer.attempts !== null && answer.attempts < rules.softAttemptThreshold;
}

export function answerProblems(answer: Answer, catalog: Catalog, rules: CommentRules): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (!answer.reasonId) {
    problems.push({ code: 'reason-required' });
  }
  const reason = findReason(catalog, answer.reasonId);
  if (answer.reasonId && !reason) problems.push({ code: 'reason-unknown', reasonId: answer.reasonId });
  if (reason?.asks.includes('competitor') && !answer.competitor?.trim()) problems.push({ code: 'competitor-required' });
  if (reason?.soft) {
    if (answer.attempts === null) problems.push({ code: 'attempts-required', threshold: rules.softAttemptThreshold });
    else if (needsFollowUp(answer, catalog, rules) && answer.followUpAt === null) {
      problems.push({ code: 'follow-up-required', attempts: answer.attempts, threshold: rules.softAttemptThreshold });
    }
  }
  const comment = commentProblem(answer.comment, commentNeeded(answer.reasonId, catalog, rules), answer.reasonId, rules);
  if (comment) problems.push(comment);
  for (const id of answer.secondaryReasonIds) {
    const secondary = findReason(catalog, id);
    if (id === answer.reasonId || !secondary || secondary.kind === 'outcome') problems.push({ code: 'secondary-invalid', reasonId: id });
  }
  return problems;
}

/**
 * The answer as it should be stored: extras that do not apply to the chosen reason are cleared
 * (a competitor name left over from another reason, attempts for a firm reason, a follow-up
 * date once the attempts reach the threshold), the comment is trimmed, secondary reasons are
 * deduplicated and never repeat the main one.
 */
export function normaliseAnswer(answer: Answer, catalog: Catalog, rules: CommentRules): Answer {
  const reason = findReason(catalog, answer.reasonId);
  const soft = Boolean(reason?.soft);
  return {
    ...answer,
    comment: answer.comment.trim(),
    competitor: reason?.asks.includes('competitor') ? answer.competitor?.trim() || null : null,
    attempts: soft ? answer.attempts : null,
    followUpAt: soft && needsFollowUp(answer, catalog, rules) ? answer.followUpAt : null,
    secondaryReasonIds: [...new Set(answer.secondaryReasonIds)].filter((id) => id !== answer.reasonId),
  };
}
