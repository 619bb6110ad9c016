/** Problem codes of the pure editors, worded in the page's language. */
import type { EditProblem } from '../../core/catalog-edit';
import type { Translate } from '../../core/i18n';
import type { CommentRulesProblem, RuleProblem } from '../../core/settings-edit';

export function describeEditProblem(t: Translate, p: EditProblem): string {
  switch (p.code) {
    case 'segment-without-reasons':
      return t('catalog.problem.segment-without-reasons', { segment: t(`segment.${p.segment}`) });
    default: {
      const { code, ...params } = p;
      return t(`catalog.problem.${code}`, params);
    }
  }
}

export function describeRuleProblem(t: Translate, p: RuleProblem): string {
  const { code, ...params } = p;
  return t(`segments.problem.${code}`, params);
}

export function describeCommentRulesProblem(t: Translate, p: CommentRulesProblem): string {
  const { code, ...params } = p;
  return t(`comments.problem.${code}`, params);
}
