/**
 * List /leads/list/…: the bulk action «Изменить этап» (data-type="change_status") saved with
 * «Закрыто и не реализовано» (143) closes every selected lead at once: one close event with a
 * lead per selected row, each with its own context read from its row before the list redraws.
 */
import type { LeadContext } from '../../core/rejection';
import { readListRowContext, stageOfRadio } from './context';
import { SEL, STATUS_LOST } from './facts';
import type { Watch } from './watch';

/** The nearest ancestor of `from` that holds a match of `selector` (the modal around its save button). */
function scopeHolding(from: Element, selector: string, levels = 8): Element | null {
  let el: Element | null = from;
  for (let i = 0; el && i < levels; i++, el = el.parentElement) if (el.querySelector(selector)) return el;
  return null;
}

export function selectedRows(doc: Document): Element[] {
  return [...doc.querySelectorAll(SEL.listRow)].filter((row) => row.querySelector<HTMLInputElement>(SEL.listCheckbox)?.checked);
}

export function watchList(w: Watch, pipelineId: string | null): void {
  let action: string | null = null;
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const item = target?.closest(SEL.listAction);
      if (item) {
        action = item.getAttribute('data-type');
        return;
      }
      const accept = target?.closest(SEL.modalAccept);
      if (!accept || action !== 'change_status') return;
      const radio = scopeHolding(accept, SEL.stageRadio)?.querySelector<HTMLInputElement>(`${SEL.stageRadio}:checked`);
      if (!radio || radio.value !== STATUS_LOST) return;
      const stage = stageOfRadio(radio);
      const url = new URL(location.href);
      const leads = selectedRows(document)
        .map((row) => readListRowContext(row, url, w.globals(), pipelineId, { stage: { id: stage.id, name: stage.name }, pipeline: stage.pipeline }))
        .filter((lead): lead is LeadContext => lead !== null);
      if (!leads.length) return;
      action = null;
      w.report({ via: 'list', leads, anchor: accept });
    },
    { capture: true, signal: w.rt.signal },
  );
}
