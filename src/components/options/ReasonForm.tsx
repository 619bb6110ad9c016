/**
 * The form for one reason (new or existing): id (fixed once added), names and descriptions in
 * three languages, kind, segments, comment required, soft. Enter in any field saves; Esc cancels.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { suggestId, type EditProblem, type ReasonDraft } from '../../core/catalog-edit';
import type { Translate } from '../../core/i18n';
import { LANGS, SEGMENTS, type Segment } from '../../core/primitives';
import { describeEditProblem } from './problems';

const LANG_NAMES = { ru: 'RU', uk: 'UK', en: 'EN' } as const;

export function ReasonForm({
  initial,
  mode,
  title,
  t,
  onSubmit,
  onCancel,
}: {
  initial: ReasonDraft;
  mode: 'add' | 'edit';
  title: string;
  t: Translate;
  /** Resolves with the problems that refused the draft, or null when saved. */
  onSubmit(draft: ReasonDraft): Promise<EditProblem[] | null>;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState(initial);
  const [idTouched, setIdTouched] = useState(mode === 'edit');
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const errorId = useId();
  const outcome = draft.kind === 'outcome';

  const set = (change: Partial<ReasonDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...change };
      // A new reason's id follows its first name until the user types one.
      if (!idTouched && change.label) next.id = suggestId(next.label.ru || next.label.uk || next.label.en);
      return next;
    });
    setProblems([]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const refused = await onSubmit(draft);
    setBusy(false);
    if (refused) setProblems(refused);
  };

  const toggleSegment = (segment: Segment, on: boolean) => {
    const list = draft.segments === 'all' ? [] : draft.segments;
    set({ segments: on ? [...list, segment] : list.filter((s) => s !== segment) });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };

  const invalid = problems.length ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <form className="wl-reason-form" aria-labelledby={titleId} onSubmit={submit} onKeyDown={onKeyDown} data-testid="wl-cat-form">
      <h3 id={titleId}>{title}</h3>
      <div className="wl-grid">
        <label>
          <span>{t('catalog.id')}</span>
          <input
            data-testid="wl-cat-id"
            value={draft.id}
            disabled={mode === 'edit'}
            spellCheck={false}
            autoComplete="off"
            maxLength={64}
            {...(problems.some((p) => p.code.startsWith('id-')) ? invalid : {})}
            onChange={(e) => {
              setIdTouched(true);
              set({ id: e.target.value });
            }}
          />
          <small>{t('catalog.idHint')}</small>
        </label>
        <label>
          <span>{t('catalog.kind')}</span>
          <select data-testid="wl-cat-kind" value={draft.kind} disabled={outcome} onChange={(e) => set({ kind: e.target.value as ReasonDraft['kind'] })}>
            <option value="loss">{t('catalog.kind.loss')}</option>
            <option value="junk">{t('catalog.kind.junk')}</option>
            {outcome && <option value="outcome">{t('catalog.kind.outcome')}</option>}
          </select>
        </label>
      </div>
      <div className="wl-grid">
        {LANGS.map((lang) => (
          <label key={lang}>
            <span>{t('catalog.label', { lang: LANG_NAMES[lang] })}</span>
            <input
              data-testid={`wl-cat-label-${lang}`}
              lang={lang}
              value={draft.label[lang]}
              maxLength={200}
              autoFocus={mode === 'add' ? lang === 'ru' : false}
              {...(problems.some((p) => p.code === 'label-empty') ? invalid : {})}
              onChange={(e) => set({ label: { ...draft.label, [lang]: e.target.value } })}
            />
          </label>
        ))}
      </div>
      <div className="wl-grid">
        {LANGS.map((lang) => (
          <label key={lang}>
            <span>{t('catalog.description', { lang: LANG_NAMES[lang] })}</span>
            <input
              data-testid={`wl-cat-desc-${lang}`}
              lang={lang}
              value={draft.description[lang]}
              maxLength={200}
              onChange={(e) => set({ description: { ...draft.description, [lang]: e.target.value } })}
            />
          </label>
        ))}
      </div>
      <fieldset className="wl-checks">
        <legend>{t('catalog.segments')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="wl-cat-seg-all"
            checked={draft.segments === 'all'}
            onChange={(e) => set({ segments: e.target.checked ? 'all' : [] })}
          />
          {t('catalog.segmentsAll')}
        </label>
        {SEGMENTS.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              data-testid={`wl-cat-seg-${s}`}
              checked={draft.segments === 'all' || draft.segments.includes(s)}
              disabled={draft.segments === 'all'}
              onChange={(e) => toggleSegment(s, e.target.checked)}
            />
            {t(`segment.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="wl-checks">
        <label>
          <input
            type="checkbox"
            data-testid="wl-cat-comment-required"
            checked={draft.commentRequired}
            onChange={(e) => set({ commentRequired: e.target.checked })}
          />
          {t('catalog.commentRequired')}
        </label>
        <label>
          <input type="checkbox" data-testid="wl-cat-soft" checked={draft.soft} onChange={(e) => set({ soft: e.target.checked })} />
          {t('catalog.soft')}
        </label>
      </div>
      {problems.length > 0 && (
        <ul className="wl-error" role="alert" id={errorId} data-testid="wl-cat-form-error">
          {problems.map((p) => (
            <li key={p.code}>{describeEditProblem(t, p)}</li>
          ))}
        </ul>
      )}
      <div className="wl-row">
        <button type="submit" data-testid="wl-cat-save" disabled={busy}>
          {t('catalog.save')}
        </button>
        <button type="button" data-testid="wl-cat-cancel" onClick={onCancel}>
          {t('catalog.cancel')}
        </button>
      </div>
    </form>
  );
}
