/**
 * The answer for one lead (or a whole batch): segment, reason picker with a type-to-filter box
 * and digit shortcuts, the reason's extras (competitor; attempts and follow-up date for an
 * excuse; secondary reasons), the comment, and the refusal message saying what is missing.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { answerProblems, commentNeeded, needsFollowUp, normaliseAnswer, type AnswerProblem } from '../../core/answer-rules';
import { findReason, reasonsForSegment, type Reason } from '../../core/catalog';
import { fromDateInput, proposeFollowUp, toDateInput } from '../../core/follow-up';
import { pickText, SEGMENTS, type Segment } from '../../core/primitives';
import { EMPTY_ANSWER, type Answer } from '../../core/rejection';
import type { SegmentSource } from '../../core/segments';
import { explainProblem } from './explain';
import type { BatchMode, PanelProps } from './Panel';

type Props = Omit<PanelProps, 'segment'> & {
  segment: { segment: Segment; source: SegmentSource | 'recorded' | 'chosen' };
  onSegment(segment: Segment): void;
  /** In a batch: how it is answered, how many leads this save covers, how many are still waiting. */
  batch: { mode: BatchMode; count: number; left: number } | null;
};

/** Lower-case, ё→е, for matching what is typed against labels. */
const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е').trim();

/** The field each problem is about: focus goes there after a refusal. */
const FIELD_OF: Partial<Record<AnswerProblem['code'], string>> = {
  'reason-required': 'wl-filter',
  'competitor-required': 'wl-competitor',
  'attempts-required': 'wl-attempts',
  'follow-up-required': 'wl-follow-up',
  'comment-required': 'wl-comment',
  'comment-too-short': 'wl-comment',
  'comment-placeholder': 'wl-comment',
  'comment-repeated': 'wl-comment',
};

export function AnswerForm(props: Props) {
  const { items, catalog, rules, lang, t, segment, onSegment, batch, onSave, onLater, variant = 'overlay' } = props;
  const reasons = useMemo(() => reasonsForSegment(catalog, segment.segment), [catalog, segment.segment]);
  const offered = (id: string | null | undefined) => (id && reasons.some((r) => r.id === id) ? id : null);

  const [answer, setAnswer] = useState<Answer>(() => ({
    ...EMPTY_ANSWER,
    ...props.initial,
    segment: segment.segment,
    reasonId: offered(props.initial?.reasonId),
  }));
  const [filter, setFilter] = useState('');
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>('wl-filter');
  const alive = useRef(true);
  const ids = { error: useId(), list: useId(), filterHint: useId() };

  // A suggestion that arrives after the panel opened (the CRM's own loss reason, chosen in its
  // modal later) is taken only while the manager has not chosen a reason.
  const suggested = offered(props.initial?.reasonId);
  useEffect(() => {
    if (suggested) setAnswer((a) => (a.reasonId ? a : { ...a, reasonId: suggested }));
  }, [suggested]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // The chosen reason stays in view when the list scrolls (it shrinks as the reason's fields appear).
  useLayoutEffect(() => {
    form.current?.querySelector<HTMLElement>('.wl-list [aria-checked="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [answer.reasonId, answer.attempts === null]);

  // Focus moves after the fields of a newly chosen reason exist.
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    form.current?.querySelector<HTMLElement>(`[data-testid="${target}"]`)?.focus({ preventScroll: true });
  });

  const visible = useMemo(() => {
    const q = fold(filter);
    const match = (r: Reason) => !q || fold(`${pickText(r.label, lang)} ${pickText(r.description, lang)} ${r.id}`).includes(q);
    const loss = reasons.filter((r) => r.kind === 'loss' && match(r));
    const junk = reasons.filter((r) => r.kind === 'junk' && match(r));
    return { loss, junk, ordered: [...loss, ...junk] };
  }, [reasons, filter, lang]);

  const chosen = findReason(catalog, answer.reasonId);
  const soft = Boolean(chosen?.soft);
  const followUp = needsFollowUp(answer, catalog, rules);
  const needed = commentNeeded(answer.reasonId, catalog, rules);
  const secondaryChoices = chosen?.kind === 'loss' ? reasons.filter((r) => r.kind === 'loss' && r.id !== chosen.id) : [];

  const update = (patch: Partial<Answer>) => {
    setAnswer((a) => ({ ...a, ...patch }));
    setProblems([]);
    setFailure(null);
  };

  const choose = (reason: Reason, moveFocus: boolean) => {
    update({ reasonId: reason.id, secondaryReasonIds: answer.secondaryReasonIds.filter((id) => id !== reason.id) });
    setFilter('');
    if (moveFocus) focusNext.current = reason.asks.includes('competitor') ? 'wl-competitor' : reason.soft ? 'wl-attempts' : 'wl-comment';
  };

  const switchSegment = (next: Segment) => {
    onSegment(next);
    const stillOffered = reasonsForSegment(catalog, next).some((r) => r.id === answer.reasonId);
    update({ segment: next, reasonId: stillOffered ? answer.reasonId : null });
  };

  const setAttempts = (value: string) => {
    const n = value === '' ? null : Math.max(0, Math.min(1000, Math.trunc(Number(value))));
    const attempts = n === null || Number.isNaN(n) ? null : n;
    const below = chosen?.soft && attempts !== null && attempts < rules.softAttemptThreshold;
    update({ attempts, followUpAt: below ? (answer.followUpAt ?? proposeFollowUp(Date.now())) : null });
  };

  const save = async () => {
    if (saving) return;
    const final = normaliseAnswer({ ...answer, segment: segment.segment }, catalog, rules);
    const found = answerProblems(final, catalog, rules);
    if (found.length) {
      setProblems(found);
      setFailure(null);
      const field = FIELD_OF[found[0]!.code];
      const el = field ? form.current?.querySelector<HTMLElement>(`[data-testid="${field}"]`) : null;
      el?.focus();
      return;
    }
    setSaving(true);
    const error = await onSave(final, items.map((i) => i.id));
    if (!alive.current) return;
    setSaving(false);
    setFailure(error);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const testid = target.dataset.testid;
    const isFilter = testid === 'wl-filter';
    const isReason = testid === 'wl-reason';
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    const reasonOf = (el: HTMLElement) => reasons.find((r) => r.id === el.dataset.reasonId);

    if ((isFilter || isReason) && plain && /^[1-9]$/.test(e.key)) {
      const reason = visible.ordered[Number(e.key) - 1];
      e.preventDefault();
      if (reason) choose(reason, true);
    } else if (e.key === 'Escape' && filter) {
      e.preventDefault();
      setFilter('');
    } else if (isReason && plain && e.key.length === 1 && e.key !== ' ') {
      e.preventDefault();
      setFilter((f) => f + e.key);
      focusNext.current = 'wl-filter';
      setProblems([]);
    } else if (isReason && ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(e.key)) {
      const at = visible.ordered.findIndex((r) => r.id === target.dataset.reasonId);
      const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
      const next = visible.ordered[(at + step + visible.ordered.length) % visible.ordered.length];
      e.preventDefault();
      if (next) form.current?.querySelector<HTMLElement>(`[data-reason-id="${next.id}"]`)?.focus();
    } else if (isFilter && e.key === 'ArrowDown') {
      const to = visible.ordered.find((r) => r.id === answer.reasonId) ?? visible.ordered[0];
      e.preventDefault();
      if (to) form.current?.querySelector<HTMLElement>(`[data-reason-id="${to.id}"]`)?.focus();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      if (isFilter && filter.trim()) {
        e.preventDefault();
        if (visible.ordered[0]) choose(visible.ordered[0], true);
      } else if (isReason) {
        e.preventDefault();
        const reason = reasonOf(target);
        if (reason) choose(reason, true);
      } else if (target.tagName === 'BUTTON' || target.tagName === 'SUMMARY') {
        // the control's own action
      } else {
        e.preventDefault();
        void save();
      }
    }
  };

  const numberOf = (reason: Reason) => visible.ordered.indexOf(reason);
  const focusable = visible.ordered.find((r) => r.id === answer.reasonId) ?? visible.ordered[0];
  const renderReason = (reason: Reason) => {
    const index = numberOf(reason);
    const selected = answer.reasonId === reason.id;
    const description = pickText(reason.description, lang);
    return (
      <button
        key={reason.id}
        type="button"
        role="radio"
        aria-checked={selected}
        tabIndex={reason === focusable ? 0 : -1}
        className={`wl-reason${selected ? ' is-selected' : ''}${reason.soft ? ' is-soft' : ''}`}
        data-testid="wl-reason"
        data-reason-id={reason.id}
        title={description || undefined}
        aria-description={description || undefined}
        onClick={() => choose(reason, true)}
      >
        {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>}
        <span>{pickText(reason.label, lang)}</span>
      </button>
    );
  };

  const messages = [...problems.map((p) => explainProblem(p, t, catalog, lang)), ...(failure ? [failure] : [])];
  const commentInvalid = problems.some((p) => p.code.startsWith('comment-'));
  const saveLabel = saving
    ? t('panel.saving')
    : followUp
      ? t('panel.saveFollowUp')
      : batch?.mode === 'all' && batch.count > 1
        ? t('panel.saveAll', { count: batch.count })
        : batch?.mode === 'each' && batch.left > 1
          ? t('panel.saveNext')
          : t('panel.save');

  return (
    <div ref={form} className="wl-form" onKeyDown={onKeyDown}>
      <div className="wl-body">
        <div className="wl-row">
          <label className="wl-inline">
            <span>{t('panel.segment')}</span>
            <select data-testid="wl-segment" value={segment.segment} onChange={(e) => switchSegment(e.target.value as Segment)}>
              {SEGMENTS.map((s) => (
                <option key={s} value={s}>
                  {t(`panel.segment.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="wl-hint" data-testid="wl-segment-source" data-source={segment.source} title={t(`panel.segmentSource.${segment.source}`)}>
            {t(`panel.segmentSource.${segment.source}`)}
          </span>
        </div>

        <input
          type="text"
          className="wl-filter"
          data-testid="wl-filter"
          value={filter}
          placeholder={t('panel.filterHint')}
          aria-label={t('panel.filter')}
          aria-describedby={ids.filterHint}
          aria-controls={ids.list}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setFilter(e.target.value);
            setProblems([]);
          }}
        />
        <span id={ids.filterHint} className="wl-sr">
          {variant === 'overlay' ? t('panel.keys') : t('panel.keysPage')}
        </span>

        <div id={ids.list} className="wl-list">
          {visible.loss.length > 0 && (
            <fieldset className="wl-group" role="radiogroup" aria-label={t('panel.loss')}>
              <legend>{t('panel.loss')}</legend>
              {visible.loss.map(renderReason)}
            </fieldset>
          )}
          {visible.junk.length > 0 && (
            <fieldset className="wl-group wl-junk" role="radiogroup" aria-label={t('panel.junk')}>
              <legend>{t('panel.junk')}</legend>
              {visible.junk.map(renderReason)}
            </fieldset>
          )}
          {visible.ordered.length === 0 && (
            <p className="wl-hint" data-testid="wl-no-match" role="status">
              {t('panel.noMatch', { text: filter })}
            </p>
          )}
        </div>

        {chosen?.asks.includes('competitor') && (
          <label className="wl-field">
            <span>{t('panel.competitor')}</span>
            <input
              type="text"
              data-testid="wl-competitor"
              maxLength={200}
              aria-invalid={problems.some((p) => p.code === 'competitor-required') || undefined}
              value={answer.competitor ?? ''}
              onChange={(e) => update({ competitor: e.target.value })}
            />
          </label>
        )}

        {soft && (
          <div className="wl-soft">
            <label className="wl-field wl-attempts">
              <span>{t('panel.attempts')}</span>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={1000}
                data-testid="wl-attempts"
                aria-invalid={problems.some((p) => p.code === 'attempts-required') || undefined}
                value={answer.attempts ?? ''}
                onChange={(e) => setAttempts(e.target.value)}
              />
            </label>
            {followUp && (
              <div className="wl-follow" data-testid="wl-follow-up-box">
                <p>{t('panel.followUpNote', { attempts: answer.attempts ?? 0, threshold: rules.softAttemptThreshold })}</p>
                <label className="wl-inline">
                  <span>{t('panel.followUpDate')}</span>
                  <input
                    type="date"
                    data-testid="wl-follow-up"
                    min={toDateInput(Date.now())}
                    value={answer.followUpAt ? toDateInput(answer.followUpAt) : ''}
                    onChange={(e) => update({ followUpAt: fromDateInput(e.target.value) })}
                  />
                </label>
              </div>
            )}
          </div>
        )}

        <label className="wl-field">
          <span>
            {t('panel.comment')}{' '}
            <em className="wl-need">
              {needed ? t('panel.commentNeeded', { minLength: rules.minLength }) : t('panel.commentOptional')}
            </em>
          </span>
          <textarea
            data-testid="wl-comment"
            rows={3}
            maxLength={5000}
            placeholder={t('panel.commentHint')}
            aria-describedby={messages.length ? ids.error : undefined}
            aria-invalid={commentInvalid || undefined}
            value={answer.comment}
            onChange={(e) => update({ comment: e.target.value })}
          />
        </label>

        {secondaryChoices.length > 0 && (
          <details className="wl-secondary" open={answer.secondaryReasonIds.length > 0 || undefined}>
            <summary data-testid="wl-secondary-toggle">{t('panel.secondary')}</summary>
            <div className="wl-checks">
              {secondaryChoices.map((r) => (
                <label key={r.id} className="wl-check">
                  <input
                    type="checkbox"
                    data-testid="wl-secondary"
                    data-reason-id={r.id}
                    checked={answer.secondaryReasonIds.includes(r.id)}
                    onChange={(e) =>
                      update({
                        secondaryReasonIds: e.target.checked
                          ? [...answer.secondaryReasonIds, r.id].slice(0, 10)
                          : answer.secondaryReasonIds.filter((id) => id !== r.id),
                      })
                    }
                  />
                  {pickText(r.label, lang)}
                </label>
              ))}
            </div>
          </details>
        )}

      </div>

      {/* Outside the scrolling body: a refusal is always in view, next to the button that caused it. */}
      <div id={ids.error} role="alert" aria-live="assertive" className="wl-alert">
        {messages.length > 0 && (
          <p className="wl-error" data-testid="wl-error">
            {messages.join(' ')}
          </p>
        )}
      </div>

      <footer className="wl-foot">
        {/* The shortcut is drawn by CSS (data-key) so it is not part of the button's text. */}
        {onLater && (
          <button type="button" className="wl-btn" data-testid="wl-later" data-key="Esc" aria-keyshortcuts="Escape" onClick={onLater}>
            {t('panel.later')}
          </button>
        )}
        <button
          type="button"
          className="wl-btn wl-primary"
          data-testid="wl-save"
          data-key="↵"
          aria-keyshortcuts="Enter"
          disabled={saving}
          onClick={() => void save()}
        >
          {saveLabel}
        </button>
      </footer>
    </div>
  );
}
