/**
 * Comment rules: when a comment is required, its minimum length, the placeholders refused as
 * comments, and the attempts an excuse (soft reason) needs before it may be written off.
 */
import { useId, useState, type FormEvent } from 'react';
import { commentRulesDraft, commentRulesFromDraft, type CommentRulesDraft, type CommentRulesProblem } from '../../../core/settings-edit';
import { updateSettings } from '../../../platform/options-store';
import { describeCommentRulesProblem } from '../problems';
import { FlashLine, type Flash } from '../ui';
import type { SectionProps } from './index';

export function CommentsSection({ config }: SectionProps) {
  const [flash, setFlash] = useState<Flash>(null);
  // Keyed by the stored rules: a change saved here or in another tab resets the form to it.
  return <CommentsForm key={JSON.stringify(config.settings.comments)} config={config} flash={flash} setFlash={setFlash} />;
}

function CommentsForm({ config, flash, setFlash }: SectionProps & { flash: Flash; setFlash(flash: Flash): void }) {
  const { t, settings } = config;
  const [draft, setDraft] = useState<CommentRulesDraft>(() => commentRulesDraft(settings.comments));
  const [problems, setProblems] = useState<CommentRulesProblem[]>([]);
  const errorId = useId();

  const set = (change: Partial<CommentRulesDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setProblems([]);
    setFlash(null);
  };
  const invalid = (code: CommentRulesProblem['code']) =>
    problems.some((p) => p.code === code) ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};

  const numberField = (
    field: 'minLength' | 'softAttemptThreshold',
    label: 'comments.minLength' | 'comments.threshold',
    testId: string,
    problem: CommentRulesProblem['code'],
  ) => (
    <label>
      <span>{t(label)}</span>
      <input type="number" inputMode="numeric" data-testid={testId} value={draft[field]} {...invalid(problem)} onChange={(e) => set({ [field]: e.target.value })} />
    </label>
  );

  const save = (e: FormEvent) => {
    e.preventDefault();
    const checked = commentRulesFromDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    void updateSettings((s) => ({ ...s, comments: checked.value })).then(() => setFlash({ kind: 'ok', text: t('comments.saved') }));
  };

  return (
    <section className="wl-section" aria-labelledby="wl-comments-title" data-testid="wl-comments">
      <h2 id="wl-comments-title">{t('comments.title')}</h2>
      <p className="wl-intro">{t('comments.intro')}</p>
      <form onSubmit={save}>
        <fieldset className="wl-checks">
          <legend>{t('comments.required')}</legend>
          {(['always', 'per-reason'] as const).map((r) => (
            <label key={r}>
              <input
                type="radio"
                name="wl-comment-required"
                data-testid={`wl-comments-required-${r}`}
                checked={draft.required === r}
                onChange={() => set({ required: r })}
              />
              {t(`comments.required.${r}`)}
            </label>
          ))}
        </fieldset>
        <div className="wl-row">
          {numberField('minLength', 'comments.minLength', 'wl-comments-min-length', 'min-length-range')}
          {numberField('softAttemptThreshold', 'comments.threshold', 'wl-comments-threshold', 'threshold-range')}
        </div>
        <label className="wl-field">
          <span>{t('comments.placeholders')}</span>
          <textarea
            data-testid="wl-comments-placeholders"
            rows={6}
            value={draft.placeholders}
            {...invalid('placeholder-too-long')}
            onChange={(e) => set({ placeholders: e.target.value })}
          />
          <small>{t('comments.placeholdersHint')}</small>
        </label>
        {problems.length > 0 && (
          <ul className="wl-error" role="alert" id={errorId} data-testid="wl-comments-error">
            {problems.map((p) => (
              <li key={p.code}>{describeCommentRulesProblem(t, p)}</li>
            ))}
          </ul>
        )}
        <FlashLine flash={flash} testId="wl-comments-message" />
        <button type="submit" data-testid="wl-comments-save">
          {t('comments.save')}
        </button>
      </form>
    </section>
  );
}
