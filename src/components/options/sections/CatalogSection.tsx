/**
 * The reason catalog editor: the list in panel order (move up/down), edit in place, retire or
 * restore, add, reset to defaults. Every edit goes through the pure functions of
 * core/catalog-edit and is stored only when valid; open CRM tabs pick it up at once.
 */
import { useEffect, useRef, useState } from 'react';
import type { Catalog, Reason } from '../../../core/catalog';
import {
  addReason,
  draftOf,
  emptyDraft,
  moveReason,
  resetCatalog,
  setRetired,
  updateReason,
  type EditProblem,
  type EditResult,
  type ReasonDraft,
} from '../../../core/catalog-edit';
import { pickText } from '../../../core/primitives';
import { updateCatalog } from '../../../platform/options-store';
import { describeEditProblem } from '../problems';
import { ReasonForm } from '../ReasonForm';
import { FlashLine, formatTime, type Flash } from '../ui';
import type { SectionProps } from './index';

export function CatalogSection({ config }: SectionProps) {
  const { t, catalog, lang } = config;
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [flash, setFlash] = useState<Flash>(null);
  /**
   * Where the keyboard focus goes after an action re-renders the list: the button that moved a
   * row, the Edit button of a closed form, the Add button after a cancelled new reason.
   */
  const refocus = useRef<string | null>(null);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!refocus.current) return;
    section.current?.querySelector<HTMLElement>(refocus.current)?.focus();
    refocus.current = null;
  }, [catalog, editing, adding]);

  const label = (r: Pick<Reason, 'label'>) => pickText(r.label, lang);
  const words = (problems: EditProblem[]) => problems.map((p) => describeEditProblem(t, p)).join(' ');

  /** Runs an edit; when stored, the flash line says what happened. Resolves with the problems when refused. */
  const apply = async (change: (c: Catalog) => EditResult, done: (c: Catalog) => string | null): Promise<EditProblem[] | null> => {
    const res = await updateCatalog(change);
    if (!res.ok) return res.problems;
    const text = done(res.catalog);
    if (text) setFlash({ kind: 'ok', text });
    return null;
  };
  /** A list action: its refusal goes to the flash line (forms show theirs in the form). */
  const act = (change: (c: Catalog) => EditResult, done: (c: Catalog) => string | null) => {
    void apply(change, done).then((problems) => problems && setFlash({ kind: 'error', text: words(problems) }));
  };

  const move = (r: Reason, by: number) => {
    refocus.current = `[data-reason-id="${r.id}"] [data-testid="wl-cat-${by < 0 ? 'up' : 'down'}"]`;
    setFlash(null);
    act((c) => moveReason(c, r.id, by, Date.now()), () => null);
  };

  const retire = (r: Reason, retired: boolean) => {
    refocus.current = `[data-reason-id="${r.id}"] [data-testid="wl-cat-${retired ? 'restore' : 'retire'}"]`;
    act(
      (c) => setRetired(c, r.id, retired, Date.now()),
      () => t(retired ? 'catalog.done.retired' : 'catalog.done.restored', { label: label(r) }),
    );
  };

  const saveEdit = async (r: Reason, draft: ReasonDraft) => {
    const refused = await apply(
      (c) => updateReason(c, r.id, draft, Date.now()),
      (c) => t('catalog.done.saved', { label: label(c.reasons.find((x) => x.id === r.id) ?? r) }),
    );
    if (!refused) {
      refocus.current = `[data-reason-id="${r.id}"] [data-testid="wl-cat-edit"]`;
      setEditing(null);
    }
    return refused;
  };

  const saveNew = async (draft: ReasonDraft) => {
    const refused = await apply(
      (c) => addReason(c, draft, Date.now()),
      (c) => t('catalog.done.added', { label: label(c.reasons[c.reasons.length - 1]!) }),
    );
    if (!refused) {
      refocus.current = '[data-testid="wl-cat-add"]';
      setAdding(false);
    }
    return refused;
  };

  const reset = () => {
    setConfirmReset(false);
    setEditing(null);
    act((c) => resetCatalog(c, Date.now()), () => t('catalog.done.reset'));
  };

  return (
    <section ref={section} className="wl-section" aria-labelledby="wl-catalog-title" data-testid="wl-catalog">
      <h2 id="wl-catalog-title">{t('catalog.title')}</h2>
      <p className="wl-intro">{t('catalog.intro')}</p>
      <p className="wl-meta" data-testid="wl-cat-revision" data-revision={catalog.revision}>
        {t('catalog.revision', { revision: catalog.revision, date: formatTime(catalog.updatedAt, lang) })}
      </p>
      <FlashLine flash={flash} testId="wl-cat-message" />
      <ol className="wl-reasons">
        {catalog.reasons.map((r, i) => (
          <li key={r.id} data-testid="wl-cat-row" data-reason-id={r.id} data-retired={String(r.retired)} className={r.retired ? 'is-retired' : ''}>
            <div className="wl-reason-line">
              <span className="wl-reason-name">
                <strong>{label(r)}</strong> <code>{r.id}</code>
                <span className={`wl-badge is-${r.kind}`}>{t(`catalog.kind.${r.kind}`)}</span>
                {r.segments !== 'all' && <span className="wl-badge">{r.segments.map((s) => t(`segment.${s}`)).join(', ')}</span>}
                {r.commentRequired && <span className="wl-badge">{t('catalog.flag.comment')}</span>}
                {r.soft && <span className="wl-badge">{t('catalog.flag.soft')}</span>}
                {r.retired && <span className="wl-badge is-retired">{t('catalog.retired')}</span>}
              </span>
              <span className="wl-actions">
                <button type="button" className="wl-icon" data-testid="wl-cat-up" aria-label={t('catalog.up', { label: label(r) })} disabled={i === 0} onClick={() => move(r, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="wl-icon"
                  data-testid="wl-cat-down"
                  aria-label={t('catalog.down', { label: label(r) })}
                  disabled={i === catalog.reasons.length - 1}
                  onClick={() => move(r, 1)}
                >
                  ↓
                </button>
                <button type="button" data-testid="wl-cat-edit" aria-expanded={editing === r.id} onClick={() => setEditing(editing === r.id ? null : r.id)}>
                  {t('catalog.edit')}
                </button>
                {r.retired ? (
                  <button type="button" data-testid="wl-cat-restore" onClick={() => retire(r, false)}>
                    {t('catalog.restore')}
                  </button>
                ) : (
                  <button type="button" data-testid="wl-cat-retire" onClick={() => retire(r, true)}>
                    {t('catalog.retire')}
                  </button>
                )}
              </span>
            </div>
            {editing === r.id && (
              <ReasonForm
                initial={draftOf(r)}
                mode="edit"
                title={t('catalog.formEdit', { label: label(r) })}
                t={t}
                onSubmit={(d) => saveEdit(r, d)}
                onCancel={() => {
                  refocus.current = `[data-reason-id="${r.id}"] [data-testid="wl-cat-edit"]`;
                  setEditing(null);
                }}
              />
            )}
          </li>
        ))}
      </ol>
      {adding ? (
        <ReasonForm
          initial={emptyDraft()}
          mode="add"
          title={t('catalog.formAdd')}
          t={t}
          onSubmit={saveNew}
          onCancel={() => {
            refocus.current = '[data-testid="wl-cat-add"]';
            setAdding(false);
          }}
        />
      ) : (
        <div className="wl-row">
          <button type="button" data-testid="wl-cat-add" onClick={() => setAdding(true)}>
            {t('catalog.add')}
          </button>
          {confirmReset ? (
            <span className="wl-confirm" role="group" aria-label={t('catalog.reset')}>
              <span>{t('catalog.resetConfirm')}</span>
              <button type="button" data-testid="wl-cat-reset-yes" onClick={reset}>
                {t('catalog.resetYes')}
              </button>
              <button type="button" autoFocus onClick={() => setConfirmReset(false)}>
                {t('catalog.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" data-testid="wl-cat-reset" onClick={() => setConfirmReset(true)}>
              {t('catalog.reset')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
