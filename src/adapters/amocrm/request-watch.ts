/**
 * Closes seen only as the web UI's own requests (a widget, a path the DOM watchers do not know):
 * reported by the main-world script, checked here. The page can forge these messages, so a
 * request can at most start a pending record for a lead this page shows (the card's lead, a
 * kanban card, a list row), and its context is read from the page, never from the message.
 * A request for a close this page already reported only adds amoCRM's own reason to it.
 */
import type { LeadContext } from '../../core/rejection';
import type { CardStatus } from './card';
import { readCardContext, readKanbanContext, readListRowContext, text } from './context';
import { NATIVE_NONE, SEL, STATUS_LOST } from './facts';
import { pipelineName, statusNameOf } from './globals';
import { nativeNameOnPage } from './native';
import { leadIdFromUrl } from './page';
import { parseStatusRequest, RequestSeenSchema, type StatusChange } from './requests';
import type { Watch } from './watch';

export function watchRequests(w: Watch, page: string, options: { pipelineId: string | null; cardBefore(): CardStatus | null }): void {
  const contextFor = (change: StatusChange): LeadContext | null => {
    const url = new URL(location.href);
    const g = w.globals();
    const pipelineId = change.pipelineId ?? options.pipelineId;
    if (page === 'lead-card') {
      if (leadIdFromUrl(url) !== change.leadId) return null;
      // The status before the manager's last action; without one, the one shown (if already 143, no close).
      return readCardContext(document, url, g, { statusId: change.statusId, pipelineId: change.pipelineId }, options.cardBefore());
    }
    if (page === 'kanban') {
      const item = document.querySelector(`${SEL.kanbanItem}[data-id="${change.leadId}"]`);
      const zone = document.querySelector(SEL.kanbanLostZone);
      const name = text(zone?.querySelector(SEL.kanbanZoneText)) ?? statusNameOf(g, pipelineId, change.statusId);
      return item ? readKanbanContext(item, url, g, pipelineId, { id: change.statusId, name }) : null;
    }
    if (page === 'list') {
      const row = document.querySelector(`${SEL.listRow}[data-id="${change.leadId}"]`);
      const to = {
        stage: { id: change.statusId, name: statusNameOf(g, pipelineId, change.statusId) },
        pipeline: change.pipelineId ? { id: change.pipelineId, name: pipelineName(g, change.pipelineId) } : null,
      };
      return row ? readListRowContext(row, url, g, options.pipelineId, to) : null;
    }
    return null;
  };

  w.rt.onBridge((message) => {
    if (message.type !== 'request') return;
    const seen = RequestSeenSchema.safeParse(message.payload);
    if (!seen.success) return;
    const leads: LeadContext[] = [];
    for (const change of parseStatusRequest(seen.data.path, seen.data.body)) {
      if (change.statusId !== STATUS_LOST) {
        w.reopened(change.leadId);
        continue;
      }
      const nativeId = change.lossReasonId && change.lossReasonId !== NATIVE_NONE ? change.lossReasonId : null;
      const native = nativeId ? { id: nativeId, name: nativeNameOnPage(document, nativeId) ?? w.nativeName(nativeId) } : null;
      if (w.closed(change.leadId, STATUS_LOST)) {
        if (native) w.native([change.leadId], native);
        continue;
      }
      const lead = contextFor(change);
      if (lead) leads.push(native ? { ...lead, native } : lead);
    }
    if (leads.length) w.report({ via: 'request', leads, anchor: null });
  });
}
