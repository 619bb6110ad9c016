/**
 * The reason panel: which reason, a meaningful comment, save or defer. Keyboard-first:
 * digits pick a reason, Enter saves (Ctrl+Enter inside the comment), Esc defers; focus stays
 * inside while it is open. Texts from the page (lead titles) are rendered as text only.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { answerProblems } from '../../core/answer-rules';
import { reasonsForSegment, type Catalog, type Reason } from '../../core/catalog';
import { describeProblem, type Translate } from '../../core/i18n';
import { pickText, type Lang, type Segment } from '../../core/primitives';
import type { CaptureRequest } from '../../core/protocol';
import { EMPTY_ANSWER, type Answer } from '../../core/rejection';
import type { CommentRules } from '../../core/settings';

export interface PanelProps {
  items: CaptureRequest[];
  catalog: Catalog;
  rules: CommentRules;
  segment: Segment;
  lang: Lang;
  t: Translate;
  /** Resolves with an error text, or null when saved. */
  onSave(answer: Answer): Promise<string | null>;
  onLater(): void;
  /** Preselected while no reason is chosen (the CRM's own reason has the same name). */
  suggestedReasonId?: string;
}

const focusable = 'button:not([disabled]), textarea, input, [tabindex="0"]';

export function Panel({ items, catalog, rules, segment, lang, t, onSave, onLater, suggestedReasonId }: PanelProps) {
  const [answer, setAnswer] = useState<Answer>({ ...EMPTY_ANSWER, segment });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const errorId = useId();

  const reasons = useMemo(() => reasonsForSegment(catalog, segment), [catalog, segment]);
  const numbered = useMemo(() => {
    const loss = reasons.filter((r) => r.kind === 'loss');
    const junk = reasons.filter((r) => r.kind === 'junk');
    return { loss, junk, ordered: [...loss, ...junk] };
  }, [reasons]);
  useEffect(() => {
    if (!suggestedReasonId || !reasons.some((r) => r.id === suggestedReasonId)) return;
    setAnswer((a) => (a.reasonId ? a : { ...a, reasonId: suggestedReasonId }));
  }, [suggestedReasonId, reasons]);
  const chosen = reasons.find((r) => r.id === answer.reasonId);
  const first = items[0];
  const title = items.length > 1 ? t('panel.batch', { count: items.length }) : first?.context.title || t('panel.untitled');

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('[data-testid="wl-reason"]')?.focus();
  }, []);

  const choose = (reason: Reason) => {
    setAnswer((a) => ({ ...a, reasonId: reason.id, competitor: reason.asks.includes('competitor') ? a.competitor : null }));
    setError(null);
  };

  const save = async () => {
    if (saving) return;
    const problems = answerProblems(answer, catalog, rules);
    if (problems.length) {
      setError(problems.map((p) => describeProblem(t, p)).join(' '));
      return;
    }
    setSaving(true);
    const failure = await onSave(answer);
    setSaving(false);
    if (failure) setError(failure);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const typing = target.tagName === 'TEXTAREA' || target.tagName === 'INPUT';
    if (e.key === 'Escape') {
      e.preventDefault();
      onLater();
    } else if (e.key === 'Enter' && (!typing || e.ctrlKey || e.metaKey || target.tagName === 'INPUT')) {
      if (target.tagName === 'BUTTON' && target.dataset.testid !== 'wl-reason') return; // the button's own click
      e.preventDefault();
      void save();
    } else if (!typing && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const reason = numbered.ordered[Number(e.key) - 1];
      if (reason) {
        e.preventDefault();
        choose(reason);
        root.current?.querySelector<HTMLElement>(`[data-reason-id="${reason.id}"]`)?.focus();
      }
    } else if (e.key === 'Tab') {
      const nodes = [...(root.current?.querySelectorAll<HTMLElement>(focusable) ?? [])];
      const active = (root.current?.getRootNode() as ShadowRoot | undefined)?.activeElement;
      const at = nodes.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? nodes.length - 1 : at - 1) : at === nodes.length - 1 ? 0 : at + 1;
      e.preventDefault();
      nodes[next]?.focus();
    }
  };

  const renderReason = (reason: Reason) => {
    const index = numbered.ordered.indexOf(reason);
    const selected = answer.reasonId === reason.id;
    return (
      <button
        key={reason.id}
        type="button"
        role="radio"
        aria-checked={selected}
        tabIndex={selected || (!answer.reasonId && index === 0) ? 0 : -1}
        className={`wl-reason${selected ? ' is-selected' : ''}`}
        data-testid="wl-reason"
        data-reason-id={reason.id}
        title={pickText(reason.description, lang) || undefined}
        onClick={() => choose(reason)}
      >
        {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>}
        <span>{pickText(reason.label, lang)}</span>
      </button>
    );
  };

  return (
    <div
      ref={root}
      className="wl-panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header className="wl-head">
        <div className="wl-heading">
          <h2 id={titleId}>{t('panel.title')}</h2>
          <p className="wl-lead" title={title}>
            {title}
            {first?.context.toStage.name ? <span className="wl-stage"> · {first.context.toStage.name}</span> : null}
          </p>
        </div>
        <button type="button" className="wl-x" aria-label={t('panel.close')} data-testid="wl-dismiss" onClick={onLater}>
          ×
        </button>
      </header>

      <div className="wl-body">
        <fieldset className="wl-group" role="radiogroup" aria-label={t('panel.loss')}>
          <legend>{t('panel.loss')}</legend>
          {numbered.loss.map(renderReason)}
        </fieldset>
        {numbered.junk.length > 0 && (
          <fieldset className="wl-group wl-junk" role="radiogroup" aria-label={t('panel.junk')}>
            <legend>{t('panel.junk')}</legend>
            {numbered.junk.map(renderReason)}
          </fieldset>
        )}

        {chosen?.asks.includes('competitor') && (
          <label className="wl-field">
            <span>{t('panel.competitor')}</span>
            <input
              type="text"
              data-testid="wl-competitor"
              maxLength={200}
              value={answer.competitor ?? ''}
              onChange={(e) => setAnswer((a) => ({ ...a, competitor: e.target.value }))}
            />
          </label>
        )}

        <label className="wl-field">
          <span>{t('panel.comment')}</span>
          <textarea
            data-testid="wl-comment"
            rows={3}
            maxLength={5000}
            placeholder={t('panel.commentHint')}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            value={answer.comment}
            onChange={(e) => {
              setAnswer((a) => ({ ...a, comment: e.target.value }));
              setError(null);
            }}
          />
        </label>

        {error && (
          <p className="wl-error" role="alert" id={errorId} data-testid="wl-error">
            {error}
          </p>
        )}
      </div>

      <footer className="wl-foot">
        <span className="wl-keys">{t('panel.keys')}</span>
        <button type="button" className="wl-btn" data-testid="wl-later" onClick={onLater}>
          {t('panel.later')}
        </button>
        <button type="button" className="wl-btn wl-primary" data-testid="wl-save" disabled={saving} onClick={() => void save()}>
          {saving ? t('panel.saving') : t('panel.save')}
        </button>
      </footer>
    </div>
  );
}
