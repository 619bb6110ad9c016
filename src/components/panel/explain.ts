/**
 * Words an answer's problems in the panel's language, naming the reason where that is what
 * makes a comment necessary («Другое» always needs one).
 */
import type { AnswerProblem } from '../../core/answer-rules';
import { reasonLabel, type Catalog } from '../../core/catalog';
import { describeProblem } from '../../core/i18n-core';
import type { PanelTranslate as Translate } from './texts';
import type { Lang } from '../../core/primitives';

export function explainProblem(problem: AnswerProblem, t: Translate, catalog: Catalog, lang: Lang): string {
  const label = (id: string) => reasonLabel(catalog, id, lang, (x) => x);
  if (problem.code === 'comment-required' && problem.because === 'reason' && problem.reasonId) {
    return t('error.comment-required-for', { reason: label(problem.reasonId), minLength: problem.minLength });
  }
  if (problem.code === 'secondary-invalid') return t('error.secondary-invalid', { reason: label(problem.reasonId) });
  return describeProblem(t, problem);
}

/** A save the background refused or could not write: a full disk is said plainly. */
export function saveFailure(t: Translate, error: { code: string; message: string }): string {
  return error.code === 'quota' ? t('error.quota') : t('error.save-failed', { message: error.message });
}
