/**
 * The reason panel: which reason (from the segment's list, losses and junk apart), a meaningful
 * comment, the reason's extras, then save or defer. One close or a batch (one reason for all, or
 * one by one). Used over the CRM (in a shadow root) and on the extension's record page.
 *
 * Keyboard: typing filters the reasons, digits pick one, Enter saves, Esc defers (first clears a
 * filter), Tab stays inside. Texts from the page (lead titles) are rendered as text only.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Catalog } from '../../core/catalog';
import type { PanelTranslate as Translate } from './texts';
import type { Lang } from '../../core/primitives';
import type { Answer, LeadContext } from '../../core/rejection';
import type { Segment } from '../../core/primitives';
import type { SegmentSource } from '../../core/segments';
import type { CommentRules } from '../../core/settings';
import { AnswerForm } from './AnswerForm';
import type { Theme } from './theme';

/** One lead the panel asks about: a captured close, or a stored record. */
export interface PanelItem {
  id: string;
  context: Pick<LeadContext, 'title' | 'toStage' | 'pipeline' | 'crm' | 'host'>;
}

export interface PanelProps {
  /** The leads still waiting in this session (a batch answered one by one shrinks). */
  items: PanelItem[];
  /** How many leads the session started with. */
  total?: number;
  catalog: Catalog;
  rules: CommentRules;
  /** The segment offered first and why ('recorded': the record's own, when editing). */
  segment: { segment: Segment; source: SegmentSource | 'recorded' };
  lang: Lang;
  t: Translate;
  /** Filled in at first: a suggested reason, or the record's current answer when editing. */
  initial?: Partial<Answer>;
  /** 'overlay' over a CRM page (Esc defers); 'page' on the extension's record page. */
  variant?: 'overlay' | 'page';
  theme?: Theme;
  style?: CSSProperties;
  /** Saves `answer` for the leads `ids`; resolves with an error text, or null when saved. */
  onSave(answer: Answer, ids: string[]): Promise<string | null>;
  /** Defer: the leads stay pending. Absent on the record page. */
  onLater?(): void;
}

export type BatchMode = 'all' | 'each';

const FOCUSABLE = 'button:not([disabled]), textarea, input:not([disabled]), select, summary, [tabindex="0"]';

export function Panel(props: PanelProps) {
  const { items, t, variant = 'overlay', theme = 'light', onLater } = props;
  const total = Math.max(props.total ?? items.length, items.length);
  const [mode, setMode] = useState<BatchMode>('all');
  const [segment, setSegment] = useState(props.segment.segment);
  const root = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const first = items[0];
  const batch = total > 1;
  const current = mode === 'each' ? items.slice(0, 1) : items;
  const position = total - items.length + 1;

  // A session is answered one by one: announce which lead is asked now.
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (batch && mode === 'each') setAnnounce(t('panel.batchPosition', { index: position, total }));
  }, [batch, mode, position, total, t]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented) return;
    if (e.key === 'Escape' && onLater) {
      e.preventDefault();
      onLater();
    } else if (e.key === 'Tab') {
      const nodes = [...(root.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((n) => n.tabIndex >= 0 && n.getClientRects().length > 0 && !(n instanceof HTMLInputElement && n.type === 'radio' && !n.checked));
      if (!nodes.length) return;
      const active = (root.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
      const at = nodes.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (at <= 0 ? nodes.length - 1 : at - 1) : at === nodes.length - 1 ? 0 : at + 1;
      e.preventDefault();
      nodes[next]?.focus();
    }
  };

  const leadLine = !batch
    ? first?.context.title || t('panel.untitled')
    : mode === 'all'
      ? t('panel.batch', { count: items.length })
      : `${t('panel.batchPosition', { index: position, total })}: ${first?.context.title || t('panel.untitled')}`;

  return (
    <div
      ref={root}
      className={`wl-panel wl-${variant}`}
      data-theme={theme}
      style={props.style}
      role={variant === 'overlay' ? 'dialog' : 'region'}
      aria-modal={variant === 'overlay' ? true : undefined}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <header className="wl-head">
        <div className="wl-heading">
          <h2 id={titleId}>{t('panel.title')}</h2>
          <p className="wl-lead" title={leadLine} data-testid="wl-lead">
            {leadLine}
            {!batch || mode === 'each'
              ? first?.context.toStage.name && <span className="wl-stage"> · {first.context.toStage.name}</span>
              : null}
          </p>
        </div>
        {onLater && (
          <button type="button" className="wl-x" aria-label={t('panel.close')} data-testid="wl-dismiss" onClick={onLater}>
            ×
          </button>
        )}
      </header>

      {batch && (
        <div className="wl-batch" role="radiogroup" aria-label={t('panel.batchMode')}>
          {(['all', 'each'] as const).map((m) => (
            <label key={m} className={`wl-seg-btn${mode === m ? ' is-on' : ''}`}>
              <input
                type="radio"
                name="wl-batch-mode"
                value={m}
                data-testid={m === 'all' ? 'wl-batch-all' : 'wl-batch-each'}
                checked={mode === m}
                disabled={m === 'all' && items.length < 2}
                onChange={() => setMode(m)}
              />
              {m === 'all' ? t('panel.batchAll', { count: items.length }) : t('panel.batchEach')}
            </label>
          ))}
        </div>
      )}

      <AnswerForm
        key={mode === 'each' ? `each:${position}` : 'all'}
        {...props}
        items={current}
        batch={batch ? { mode, count: current.length, left: items.length } : null}
        segment={{ segment, source: segment === props.segment.segment ? props.segment.source : 'chosen' }}
        onSegment={setSegment}
      />
      <p className="wl-sr" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
