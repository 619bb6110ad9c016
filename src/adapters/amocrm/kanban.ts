/**
 * Kanban /leads/pipeline/{id}: a card dropped on the «Closed - lost» zone of the footer that
 * shows while a card is dragged (#pipeline_manage, jQuery UI sortable + droppable with
 * tolerance "pointer"). The card's context is read when it is picked up, before the drag
 * changes anything; the drop is the release of the pointer over the lost zone.
 */
import type { LeadContext } from '../../core/rejection';
import { readKanbanContext, text } from './context';
import { SEL, STATUS_LOST } from './facts';
import type { Watch } from './watch';

export function lostZoneAt(doc: Document, x: number, y: number): Element | null {
  for (const el of doc.elementsFromPoint(x, y)) {
    const zone = el.closest(SEL.kanbanLostZone);
    if (zone) return zone;
  }
  return null;
}

export function watchKanban(w: Watch, pipelineId: string | null): void {
  const { signal } = w.rt;
  let picked: LeadContext | null = null;
  const to = () => {
    const zone = document.querySelector(SEL.kanbanLostZone);
    return { id: STATUS_LOST, name: text(zone?.querySelector(SEL.kanbanZoneText)) ?? text(zone) };
  };

  document.addEventListener(
    'pointerdown',
    (event) => {
      const item = event.button === 0 && event.target instanceof Element ? event.target.closest(SEL.kanbanItem) : null;
      picked = item ? readKanbanContext(item, new URL(location.href), w.globals(), pipelineId, to()) : null;
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'pointerup',
    (event) => {
      const lead = picked;
      picked = null;
      if (!lead) return;
      const zone = lostZoneAt(document, event.clientX, event.clientY);
      if (!zone) return;
      w.report({ via: 'kanban', leads: [{ ...lead, toStage: to(), manager: w.globals()?.user ?? lead.manager }], anchor: zone });
    },
    { capture: true, signal },
  );
}
