/**
 * Rules that make an answer worth analysing: a reason is chosen, the comment is meaningful
 * (long enough, not a placeholder like "-" or "нет", not one character repeated), "Other"
 * always carries a comment. Problems come back as codes; the UI words them in its language.
 */
import type { Catalog } from './catalog';
import { findReason } from './catalog';
import type { Answer } from './rejection';
import type { CommentRules } from './settings';

export type AnswerProblem =
  | { code: 'reason-required' }
  | { code: 'reason-unknown'; reasonId: string }
  | { code: 'comment-required'; reasonId: string | null; minLength: number }
  | { code: 'comment-too-short'; minLength: number; length: number }
  | { code: 'comment-placeholder'; text: string }
  | { code: 'comment-repeated' }
  | { code: 'competitor-required' };

/** Lower-case, trimmed, with surrounding punctuation and spaces removed. */
function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Counts user-perceived characters, so "ёжик" is 4 and an emoji is 1. */
export function visibleLength(text: string): number {
  return [...text.trim()].length;
}

export function commentProblem(comment: string, needed: boolean, reasonId: string | null, rules: CommentRules): AnswerProblem | null {
  const text = normalise(comment);
  if (text === '') return needed ? { code: 'comment-required', reasonId, minLength: rules.minLength } : null;
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

export function answerProblems(answer: Answer, catalog: Catalog, rules: CommentRules): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (!answer.reasonId) {
    problems.push({ code: 'reason-required' });
  }
  const reason = findReason(catalog, answer.reasonId);
  if (answer.reasonId && !reason) problems.push({ code: 'reason-unknown', reasonId: answer.reasonId });
  const needed = rules.required === 'always' || Boolean(reason?.commentRequired) || answer.reasonId === 'other';
  const comment = commentProblem(answer.comment, needed, answer.reasonId, rules);
  if (comment) problems.push(comment);
  if (reason?.asks.includes('competitor') && !answer.competitor?.trim()) problems.push({ code: 'competitor-required' });
  return problems;
}
